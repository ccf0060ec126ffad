"use server";
// The confirmation page's button: the only way a sign-up takes effect (a GET of the link changes nothing).
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { getActionI18n } from "@/lib/i18n/server";
import { confirmSignup } from "@/lib/signups/confirm-signup";
import { signupConfirmPath } from "@/lib/signups/signup-paths";

export async function confirmSignupAction(form: FormData): Promise<void> {
  const token = form.get("token");
  const { lang } = await getActionI18n();
  const value = typeof token === "string" ? token : "";
  const result = await confirmSignup({ db: await getDb(), token: value, suppressionKey: getConfig().suppressionKey });
  // Refused (spent, expired, suppressed): the link's page now says the link does not work.
  redirect(result.ok ? `/signup/confirmed?lang=${lang}` : `${signupConfirmPath(value)}?lang=${lang}`);
}
