"use server";
// The erasure press. Needs the session and the ticked confirmation; then one call to eraseContact, the session cookie
// cleared, and a confirmation page without any personal data.
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { eraseContact } from "@/lib/contacts/erase-contact";
import { getActionI18n } from "@/lib/i18n/server";
import { currentRecipient } from "@/lib/recipients/current-recipient";
import { closeRecipientSession } from "@/lib/recipients/open-recipient-session";

export type EraseState = { error: "" | "confirm" | "failed" | "session_ended"; message: string };

export async function eraseMe(_prev: EraseState, form: FormData): Promise<EraseState> {
  // The page's language, decided as the page decided it (before the erasure removes the stored one): for the
  // answer, the receipt and the page after.
  const { lang, t } = await getActionI18n();
  const recipient = await currentRecipient();
  if (!recipient) return { error: "session_ended", message: t("myData.correct.sessionEnded") };
  if (form.get("confirm") !== "yes") return { error: "confirm", message: t("myData.erase.confirmRequired") };
  let ok = false;
  try {
    const r = await eraseContact({
      db: await getDb(),
      contactId: recipient.contact.id,
      actor: { type: "CONTACT", id: recipient.contact.id },
      channel: "SELF_SERVICE",
      suppressionKey: getConfig().suppressionKey,
      language: lang,
    });
    ok = r.ok;
  } catch {
    ok = false;
  }
  if (!ok) return { error: "failed", message: t("myData.erase.failed") };
  await closeRecipientSession();
  redirect(`/me/erased?lang=${lang}`);
}
