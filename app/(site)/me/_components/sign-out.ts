"use server";
// Ends the recipient session: the cookie is cleared (the session is stateless, so nothing else holds it).
import { redirect } from "next/navigation";
import { getActionI18n } from "@/lib/i18n/server";
import { closeRecipientSession } from "@/lib/recipients/open-recipient-session";

export async function signOut(): Promise<never> {
  // The page's language, decided before the session (and with it the stored language) is gone.
  const { lang } = await getActionI18n();
  await closeRecipientSession();
  redirect(`/?lang=${lang}`);
}
