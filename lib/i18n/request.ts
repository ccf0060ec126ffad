// next-intl's request configuration (registered in next.config.js). No i18n routing: URLs carry no locale. The
// language is the page's (request-language.ts: ?lang, cookie, the contact's stored language, Accept-Language, the
// deployment's default), the same for the layout and the page.
import { getRequestConfig } from "next-intl/server";
import { messagesFor } from "./catalogue";
import { isOffered } from "./languages";
import { offeredLanguages } from "./offered-languages";
import { getLanguage } from "./request-language";
import { TIME_ZONE } from "./translator";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isOffered(requested, offeredLanguages()) ? requested : await getLanguage();
  return { locale, messages: messagesFor(locale), timeZone: TIME_ZONE };
});
