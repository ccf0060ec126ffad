// Translators outside a request and in plain functions: the worker rendering mails (emails/), server actions and use
// cases that return text, route handlers. Same catalogue and ICU rules as getTranslations/useTranslations.
import { createTranslator } from "next-intl";
import { messagesFor } from "./catalogue";
import type { Language } from "./languages";

/** Every time in the product is Swedish time (the mailings' schedule, the audit trail). */
export const TIME_ZONE = "Europe/Stockholm";

export function translatorFor(lang: Language) {
  return createTranslator({ locale: lang, messages: messagesFor(lang), timeZone: TIME_ZONE });
}

/** A translator over the whole catalogue, with absolute keys ("linkPages.prefs.heading"). */
export type Translator = ReturnType<typeof translatorFor>;
