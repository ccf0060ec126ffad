// The request's language and a translator for it, for server components, actions and route handlers.
import "server-only";
import { getTranslations } from "next-intl/server";
import { getLanguage, type SearchParams } from "./request-language";
import { translatorFor } from "./translator";

export { getLanguage };

/** The request's language and next-intl's translator for it (absolute keys: t("staff.home.heading")). */
export async function getI18n(searchParams?: Promise<SearchParams> | SearchParams) {
  const lang = await getLanguage(searchParams);
  return { lang, t: await getTranslations({ locale: lang }) };
}

/**
 * The same for server actions and route handlers: next-intl's createTranslator over the same catalogue. They run
 * outside React rendering (and, in the integration tests, outside Next), where getTranslations is not available.
 */
export async function getActionI18n(searchParams?: Promise<SearchParams> | SearchParams) {
  const lang = await getLanguage(searchParams);
  return { lang, t: translatorFor(lang) };
}
