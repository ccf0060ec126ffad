// The language of the current request, for server code. proxy.ts decides it once per request (?lang, cookie,
// Accept-Language, Swedish) and passes it on in a request header, so the root layout, which cannot read searchParams,
// agrees with the page. Without the proxy (a path its matcher skips) the same rule runs here on cookie and header.
// Kept apart from server.ts so that next-intl's request configuration (request.ts) can read it without importing
// next-intl/server back.
import "server-only";
import { cookies, headers } from "next/headers";
import { isLanguage, LANG_COOKIE, LANG_HEADER, pickLanguage, type Language } from "./languages";

export type SearchParams = Record<string, string | string[] | undefined>;

export async function getLanguage(searchParams?: Promise<SearchParams> | SearchParams): Promise<Language> {
  const query = searchParams ? (await searchParams).lang : undefined;
  if (isLanguage(query)) return query;
  const requestHeaders = await headers();
  const decided = requestHeaders.get(LANG_HEADER);
  if (isLanguage(decided)) return decided;
  const cookieStore = await cookies();
  return pickLanguage({
    cookie: cookieStore.get(LANG_COOKIE)?.value,
    acceptLanguage: requestHeaders.get("accept-language"),
  });
}
