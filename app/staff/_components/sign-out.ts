"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { sessionCookieName, signOutStaff } from "@/lib/auth/sign-out-staff";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";

export async function signOut(): Promise<never> {
  const secure = getConfig().publicUrl.startsWith("https://");
  const name = sessionCookieName(secure);
  const store = await cookies();
  const token = store.get(name)?.value;
  if (token) await signOutStaff({ db: await getDb(), sessionToken: token });
  store.delete(name);
  redirect("/staff/sign-in");
}
