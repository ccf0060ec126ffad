// Runs before every request (static files aside) and does five things:
// - gives the request an id (X-Request-Id, in every log line of the request; our own random value, never a
//   client's, so a client cannot forge or collide log entries) and logs one line for it, tokens masked;
// - for pages: a Content-Security-Policy with a fresh nonce (lib/security/content-security-policy.ts). Next.js reads
//   the nonce from the request's CSP header and puts it on its scripts; the layout reads it for the analytics
//   container. The page's path goes to the layout too, which decides by it whether analytics may exist on the page;
// - for pages: the ?lang= of the URL, handed to layouts, pages and actions in a request header (the root layout cannot
//   read searchParams, and <html lang> must match the page; lib/i18n/request-language.ts decides the language). An
//   explicit ?lang choice is remembered in the lang cookie (a preference the visitor asked for: no consent needed).
// - refuses oversized server-action bodies on every path but the CSV import's (lib/http/server-action-body-limit.ts);
// - on the staff sign-in pages, issues next-auth's CSRF cookie when there is none, so the pages can render the token
//   into their forms on the server (forms then work without JavaScript);
// - in production, answers the public pages with nothing personal (/, /privacy, /preferences) from memory, rendered
//   once per language and cookie choice, each answer with its own fresh nonce (lib/http/public-page-cache.ts).
// Every header set here is overwritten, never appended, so a client cannot smuggle in its own value. Not a security
// boundary for access: nothing here authorises anything.
import { NextResponse, type NextRequest } from "next/server";
import { analyticsSettings } from "@/lib/consent/analytics-config";
import { analyticsAllowedOn, PAGE_PATH_HEADER } from "@/lib/consent/analytics-scope";
import { getConfig } from "@/lib/env/config";
import { INVALID_LINK_PATH, isInvalidLinkPage } from "@/lib/recipients/link-page-path";
import { localOriginFrom } from "@/lib/http/peer-address";
import {
  cachedPublicPage,
  isPageFill,
  placeholderNonce,
  publicPageVariant,
  withNonce,
} from "@/lib/http/public-page-cache";
import { refuseOversizedAction } from "@/lib/http/server-action-body-limit";
import { csrfCookieName, mintCsrfToken, readCsrfToken } from "@/lib/auth/csrf-token";
import { isOffered, LANG_COOKIE, LANG_COOKIE_MAX_AGE_SECONDS, LANG_QUERY_HEADER } from "@/lib/i18n/languages";
import { offeredLanguages } from "@/lib/i18n/offered-languages";
import { logger, REQUEST_ID_HEADER } from "@/lib/log/logger";
import { routeForLog } from "@/lib/log/route-for-log";
import { SIGNUP_EMBED_PATH } from "@/lib/signups/signup-paths";
import {
  analyticsOriginsFor,
  contentSecurityPolicy,
  generateNonce,
  NONCE_HEADER,
} from "@/lib/security/content-security-policy";

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

export async function proxy(request: NextRequest) {
  // The one exception to "not a security boundary": Next has a single body limit for all server actions, sized for
  // the CSV import, so public actions get their 1 MB limit here (lib/http/server-action-body-limit.ts).
  const refused = refuseOversizedAction({
    method: request.method,
    pathname: request.nextUrl.pathname,
    headers: request.headers,
  });
  if (refused) return refused;

  // Before the request's headers are copied below: it adds the cookie to the request the page sees.
  const csrf = csrfCookie(request);
  const { pathname } = request.nextUrl;
  const requestId = crypto.randomUUID();
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  logger().info({ reqId: requestId, method: request.method, route: routeForLog(pathname) }, "request");

  if (pathname.startsWith("/api/")) {
    // Headers only the proxy may set: an API request carries no page path or language choice of a client's making.
    requestHeaders.delete(PAGE_PATH_HEADER);
    requestHeaders.delete(LANG_QUERY_HEADER);
    const response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set("X-Request-Id", requestId);
    return response;
  }

  const config = getConfig();
  // The proxy runs on Node.js (Next 16's default for proxy.ts), so it reads the policy file like the pages do.
  const offered = offeredLanguages();
  // A link that can only be "invalid" (not one of ours, cut short, meant for another page) goes to the one problem
  // page everybody shares, answered from the cache below, and the broken token leaves the address bar. Expired,
  // revoked and spent links are genuine: their page offers a fresh link to the person, so it renders as usual.
  if ((request.method === "GET" || request.method === "HEAD") && isInvalidLinkPage(pathname, config.linkKeys)) {
    const target = request.nextUrl.clone();
    const lang = request.nextUrl.searchParams.get("lang");
    target.pathname = INVALID_LINK_PATH;
    target.search = isOffered(lang, offered) ? `?lang=${lang}` : "";
    const response = NextResponse.redirect(target, 303);
    response.headers.set("Cache-Control", "private, no-store");
    response.headers.set("X-Request-Id", requestId);
    return response;
  }
  // The server's own render of a cached public page gets the placeholder nonce; every answer its own (see below).
  const fill = isPageFill(requestHeaders);
  const nonce = fill ? placeholderNonce() : generateNonce();
  const csp = contentSecurityPolicy({
    nonce,
    development: config.env === "development",
    analyticsOrigins: analyticsAllowedOn(pathname)
      ? analyticsOriginsFor(analyticsSettings(config.analytics)?.origin ?? null)
      : [],
    // The embeddable sign-up form, and only it, may be framed by the company's own site (SIGNUP_FRAME_ANCESTORS).
    frameAncestors: pathname === SIGNUP_EMBED_PATH ? config.signupFrameAncestors : [],
  });
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set(PAGE_PATH_HEADER, pathname);

  // The language itself is decided on the server (lib/i18n/request-language.ts): a page tied to a contact needs the
  // contact's stored language, which only the database knows. Here only the ?lang= the layout cannot read, and only a
  // language the deployment offers (lib/i18n/offered-languages.ts): ?lang=sv on an English-only site is no choice.
  const query = request.nextUrl.searchParams.get("lang");
  const cookie = request.cookies.get(LANG_COOKIE)?.value;
  if (isOffered(query, offered)) requestHeaders.set(LANG_QUERY_HEADER, query);
  else requestHeaders.delete(LANG_QUERY_HEADER);

  // Never on a fill, and only in production: `next dev` must show every edit at once.
  const variant =
    config.env === "production" && !fill
      ? publicPageVariant({
          method: request.method,
          pathname,
          search: request.nextUrl.search,
          searchParams: request.nextUrl.searchParams,
          headers: request.headers,
          cookie: (name) => request.cookies.get(name)?.value,
        })
      : null;
  const origin = variant ? localOriginFrom(request.headers) : null;
  const cached = variant && origin ? await cachedPublicPage(origin, variant) : null;

  const response = cached
    ? new NextResponse(request.method === "HEAD" ? null : withNonce(cached, nonce), {
        status: cached.status,
        headers: cached.headers,
      })
    : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Request-Id", requestId);
  if (variant) {
    // The same address answers differently by language, cookie choice and GPC signal; no shared cache may keep one
    // for another (nor at all: the nonce is per answer).
    response.headers.set(
      "Vary",
      "RSC, Next-Router-State-Tree, Next-Router-Prefetch, Next-Router-Segment-Prefetch, Cookie, Accept-Language, Sec-GPC",
    );
    response.headers.set("Cache-Control", "private, no-store");
  }
  if (csrf) {
    // next-auth's own cookie options (core/lib/cookie.js).
    response.cookies.set(csrf.name, csrf.value, { httpOnly: true, sameSite: "lax", path: "/", secure: csrf.secure });
  }

  if (isOffered(query, offered) && query !== cookie) {
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
  // Everything but static assets: pages get their CSP and language, API routes their request id.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
