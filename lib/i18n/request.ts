// next-intl's request configuration (registered in next.config.js). No i18n routing: URLs carry no locale. The
// language is the one proxy.ts decided for the request (?lang, cookie, Accept-Language, Swedish), unless a page asks
// for another one explicitly (getTranslations({ locale }), e.g. a recipient page in the contact's own language).
import { getRequestConfig } from "next-intl/server";
import { messagesFor } from "./catalogue";
import { isLanguage } from "./languages";
import { getLanguage } from "./request-language";
import { TIME_ZONE } from "./translator";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLanguage(requested) ? requested : await getLanguage();
  return { locale, messages: messagesFor(locale), timeZone: TIME_ZONE };
});
