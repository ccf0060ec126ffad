"use server";
// The three forms of /me/correct. Each checks the session itself (the proxy is not a security boundary), parses with
// the shared schema inside its use-case, and maps the typed result to messages in the person's language.
import { correctContact } from "@/lib/contacts/correct-contact";
import { reportOtherError } from "@/lib/contacts/report-other-error";
import { requestEmailChange } from "@/lib/contacts/request-email-change";
import { getDb } from "@/lib/db/client";
import type { Language } from "@/lib/i18n/languages";
import { getActionI18n } from "@/lib/i18n/server";
import { translatorFor } from "@/lib/i18n/translator";
import { currentRecipient } from "@/lib/recipients/current-recipient";
import type { FormState } from "./state";
import { textsAt } from "@/lib/i18n/texts-at";

// The page's language, decided as the page decided it (the form is posted from it), for answers and mails.

function localise(lang: Language, codes: Record<string, string>): Record<string, string> {
  const errors = textsAt(lang, "myData.correct.errors");
  const fallback = translatorFor(lang)("myData.correct.errorFallback");
  return Object.fromEntries(Object.entries(codes).map(([f, code]) => [f, errors[code] ?? fallback]));
}

const str = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

export async function saveCorrection(_prev: FormState, form: FormData): Promise<FormState> {
  const { lang, t } = await getActionI18n();
  const values = {
    name: str(form, "name"),
    phone: str(form, "phone"),
    jobTitle: str(form, "jobTitle"),
    language: str(form, "language"),
  };
  const recipient = await currentRecipient();
  if (!recipient)
    return { status: "session_ended", message: t("myData.correct.sessionEnded"), fieldErrors: {}, values };
  try {
    const r = await correctContact({ db: await getDb(), contactId: recipient.contact.id, input: values });
    if (r.ok) {
      return {
        status: r.changed.length ? "saved" : "unchanged",
        message: r.changed.length ? t("myData.correct.saved") : t("myData.correct.unchanged"),
        fieldErrors: {},
        values,
      };
    }
    if (r.code === "invalid")
      return {
        status: "invalid",
        message: t("myData.correct.invalid"),
        fieldErrors: localise(lang, r.fieldErrors),
        values,
      };
    return { status: "session_ended", message: t("myData.correct.sessionEnded"), fieldErrors: {}, values };
  } catch {
    return { status: "failed", message: t("myData.correct.failed"), fieldErrors: {}, values };
  }
}

export async function changeEmail(_prev: FormState, form: FormData): Promise<FormState> {
  const { lang, t } = await getActionI18n();
  const values = { email: str(form, "email") };
  const recipient = await currentRecipient();
  if (!recipient)
    return { status: "session_ended", message: t("myData.correct.sessionEnded"), fieldErrors: {}, values };
  try {
    const r = await requestEmailChange({
      db: await getDb(),
      contactId: recipient.contact.id,
      input: values,
      language: lang,
    });
    if (r.ok)
      return {
        status: "saved",
        message: t("myData.correct.emailSent", { masked: r.maskedNewAddress }),
        fieldErrors: {},
        values: { email: "" },
      };
    if (r.code === "invalid")
      return {
        status: "invalid",
        message: t("myData.correct.invalid"),
        fieldErrors: localise(lang, r.fieldErrors),
        values,
      };
    if (r.code === "rate_limited")
      return { status: "failed", message: t("myData.correct.emailLimited"), fieldErrors: {}, values };
    if (r.code === "not_found")
      return { status: "session_ended", message: t("myData.correct.sessionEnded"), fieldErrors: {}, values };
    return { status: "failed", message: t("myData.correct.failed"), fieldErrors: {}, values };
  } catch {
    return { status: "failed", message: t("myData.correct.failed"), fieldErrors: {}, values };
  }
}

export async function reportOther(_prev: FormState, form: FormData): Promise<FormState> {
  const { lang, t } = await getActionI18n();
  const values = { details: str(form, "details") };
  const recipient = await currentRecipient();
  if (!recipient)
    return { status: "session_ended", message: t("myData.correct.sessionEnded"), fieldErrors: {}, values };
  try {
    const r = await reportOtherError({ db: await getDb(), contactId: recipient.contact.id, input: values });
    if (r.ok)
      return { status: "saved", message: t("myData.correct.otherSent"), fieldErrors: {}, values: { details: "" } };
    return {
      status: "invalid",
      message: t("myData.correct.invalid"),
      fieldErrors: localise(lang, r.fieldErrors),
      values,
    };
  } catch {
    return { status: "failed", message: t("myData.correct.failed"), fieldErrors: {}, values };
  }
}
