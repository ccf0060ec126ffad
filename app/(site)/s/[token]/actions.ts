"use server";
// The "continue" press on a step-up link: spend the link, open the session, and leave the token behind (303 to /me).
// On any problem the browser goes back to the link's page, which explains it (used, expired, revoked).
import { redirect } from "next/navigation";
import { spendStepUpLink } from "@/lib/contacts/spend-step-up-link";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { isOffered } from "@/lib/i18n/languages";
import { offeredLanguages } from "@/lib/i18n/offered-languages";
import { openRecipientSession } from "@/lib/recipients/open-recipient-session";

export async function continueStepUp(form: FormData): Promise<never> {
  const token = String(form.get("token") ?? "");
  const langValue = form.get("lang");
  const lang = isOffered(langValue, offeredLanguages()) ? `?lang=${langValue}` : "";
  const result = await spendStepUpLink({ db: await getDb(), token, keys: getConfig().linkKeys });
  if (!result.ok) redirect(`/s/${encodeURIComponent(token)}${lang}`);
  await openRecipientSession(result.contact);
  redirect(`/me${lang}`);
}
