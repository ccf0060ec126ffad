// Decides the language of every page request once (?lang, then the lang cookie, then Accept-Language, then Swedish)
// and hands it to layouts and pages in a request header: the root layout cannot read searchParams, and <html lang>
// must match the page. An explicit ?lang choice is remembered in the lang cookie (a preference the visitor asked for,
// so no consent is needed). Nothing here authorises anything; it only refuses oversized server-action bodies.
import { NextResponse, type NextRequest } from "next/server";
import { refuseOversizedAction } from "@/lib/http/server-action-body-limit";
import { isLanguage, LANG_COOKIE, LANG_COOKIE_MAX_AGE_SECONDS, LANG_HEADER, pickLanguage } from "@/lib/i18n/languages";

export function proxy(request: NextRequest) {
  // The one exception to "not a security boundary": Next has a single body limit for all server actions, sized for
  // the CSV import, so public actions get their 1 MB limit here (lib/http/server-action-body-limit.ts).
  const refused = refuseOversizedAction({
    method: request.method,
    pathname: request.nextUrl.pathname,
    headers: request.headers,
  });
  if (refused) return refused;
  const query = request.nextUrl.searchParams.get("lang");
  const cookie = request.cookies.get(LANG_COOKIE)?.value;
  const lang = pickLanguage({ query, cookie, acceptLanguage: request.headers.get("accept-language") });

  // Always overwrite, so a client cannot smuggle in its own value.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(LANG_HEADER, lang);
  const response = NextResponse.next({ request: { headers: requestHeaders } });

  if (isLanguage(query) && query !== cookie) {
    const https =
      request.nextUrl.protocol === "https:" ||
      request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
    response.cookies.set(LANG_COOKIE, query, {
      path: "/",
      maxAge: LANG_COOKIE_MAX_AGE_SECONDS,
      sameSite: "lax",
      httpOnly: true,
      secure: https,
    });
  }
  return response;
}

export const config = {
  // Pages only: API routes (one-click unsubscribe, webhooks) and static assets need no language.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
