// Decides the language of every page request once (?lang, then the lang cookie, then Accept-Language, then Swedish)
// and hands it to layouts and pages in a request header: the root layout cannot read searchParams, and <html lang>
// must match the page. An explicit ?lang choice is remembered in the lang cookie (a preference the visitor asked for,
// so no consent is needed). On the staff sign-in pages it also issues next-auth's CSRF cookie when there is none, so
// the pages can render the token into their forms on the server (forms then work without JavaScript). Not a security
// boundary: nothing here authorises anything.
import { NextResponse, type NextRequest } from "next/server";
import { csrfCookieName, mintCsrfToken, readCsrfToken } from "@/lib/auth/csrf-token";
import { getConfig } from "@/lib/env/config";
import { isLanguage, LANG_COOKIE, LANG_COOKIE_MAX_AGE_SECONDS, LANG_HEADER, pickLanguage } from "@/lib/i18n/languages";

/** next-auth's CSRF cookie for the sign-in pages, minted when missing; also put on the request the page will read. */
function csrfCookie(request: NextRequest): { name: string; value: string; secure: boolean } | null {
  if (!request.nextUrl.pathname.startsWith("/staff/sign-in")) return null;
  const { authSecret, publicUrl } = getConfig();
  const secure = publicUrl.startsWith("https://");
  const name = csrfCookieName(secure);
  if (readCsrfToken(request.cookies.get(name)?.value, authSecret)) return null;
  const { cookieValue } = mintCsrfToken(authSecret);
  request.cookies.set(name, cookieValue);
  return { name, value: cookieValue, secure };
}

export function proxy(request: NextRequest) {
  const csrf = csrfCookie(request);
  const query = request.nextUrl.searchParams.get("lang");
  const cookie = request.cookies.get(LANG_COOKIE)?.value;
  const lang = pickLanguage({ query, cookie, acceptLanguage: request.headers.get("accept-language") });

  // Always overwrite, so a client cannot smuggle in its own value.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(LANG_HEADER, lang);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (csrf) {
    // next-auth's own cookie options (core/lib/cookie.js).
    response.cookies.set(csrf.name, csrf.value, { httpOnly: true, sameSite: "lax", path: "/", secure: csrf.secure });
  }

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
