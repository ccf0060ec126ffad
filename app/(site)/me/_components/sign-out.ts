"use server";
// Ends the recipient session: the cookie is cleared (the session is stateless, so nothing else holds it).
import { redirect } from "next/navigation";
import { isLanguage } from "@/lib/i18n/languages";
import { closeRecipientSession } from "@/lib/recipients/open-recipient-session";

export async function signOut(form: FormData): Promise<never> {
  await closeRecipientSession();
  const lang = form.get("lang");
  redirect(`/?lang=${isLanguage(lang) ? lang : "sv"}`);
}
