// The language of the current request, for server code: the layout, pages, their metadata, server actions and route
// handlers all ask here, so one page is in one language and the mails its actions send are in that language too.
// The decision itself is decideLanguage (languages.ts): ?lang=, the lang cookie, the contact's stored language on
// pages tied to a contact (lib/recipients/stored-language-for-page.ts, found from the page's path), Accept-Language,
// the deployment's default; only languages its policy file offers (offered-languages.ts). proxy.ts hands the page's path and its ?lang= to the layout, which cannot read searchParams.
// Kept apart from server.ts so that next-intl's request configuration (request.ts) can read it without importing
// next-intl/server back.
import "server-only";
import { cookies, headers } from "next/headers";
import { PAGE_PATH_HEADER } from "@/lib/consent/analytics-scope";
import { storedLanguageForPage } from "@/lib/recipients/stored-language-for-page";
import { decideLanguage, isOffered, LANG_COOKIE, LANG_QUERY_HEADER, type Language } from "./languages";
import { offeredLanguages } from "./offered-languages";

export type SearchParams = Record<string, string | string[] | undefined>;

export async function getLanguage(searchParams?: Promise<SearchParams> | SearchParams): Promise<Language> {
  const [requestHeaders, cookieStore, params] = await Promise.all([headers(), cookies(), searchParams]);
  const fromParams = params?.lang;
  const query = typeof fromParams === "string" ? fromParams : requestHeaders.get(LANG_QUERY_HEADER);
  const cookie = cookieStore.get(LANG_COOKIE)?.value;
  const path = requestHeaders.get(PAGE_PATH_HEADER);
  // The database is asked only when neither the URL nor the cookie has chosen already.
  const offered = offeredLanguages();
  const chosen = isOffered(query, offered) || isOffered(cookie, offered);
  const stored = !chosen && path ? await storedLanguageForPage(path) : null;
  return decideLanguage({ query, cookie, stored, acceptLanguage: requestHeaders.get("accept-language") }, offered);
}
