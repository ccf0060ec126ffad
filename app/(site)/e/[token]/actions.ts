"use server";
// The "confirm the new address" press. On success the link is spent, every older link revoked, and (the person has
// just proven they hold the new address on record) a fresh session opens on /me. Any problem goes back to the link's
// page with the outcome named in the query (no personal data).
import { redirect } from "next/navigation";
import { confirmEmailChange } from "@/lib/contacts/confirm-email-change";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { isOffered } from "@/lib/i18n/languages";
import { offeredLanguages } from "@/lib/i18n/offered-languages";
import { getActionI18n } from "@/lib/i18n/server";
import { openRecipientSession } from "@/lib/recipients/open-recipient-session";

export async function confirmNewAddress(form: FormData): Promise<never> {
  const token = String(form.get("token") ?? "");
  const langValue = form.get("lang");
  const lang = isOffered(langValue, offeredLanguages()) ? `&lang=${langValue}` : "";
  const config = getConfig();
  // The notice to the old address in the language the page was shown in (decided as the page decided it).
  const { lang: language } = await getActionI18n();
  let outcome: string;
  try {
    const r = await confirmEmailChange({
      db: await getDb(),
      token,
      keys: config.linkKeys,
      suppressionKey: config.suppressionKey,
      language,
    });
    if (r.ok) {
      await openRecipientSession(r.contact);
      outcome = "ok";
    } else {
      outcome = r.problem;
    }
  } catch {
    outcome = "failed";
  }
  if (outcome === "ok") redirect(`/me?updated=email${lang}`);
  redirect(`/e/${encodeURIComponent(token)}?result=${outcome}${lang}`);
}
