// The public pages with nothing personal on them (/, /privacy, /preferences, and /link/invalid, where proxy.ts sends
// a link that is not one of ours) are rendered once per variant and then
// answered from memory by proxy.ts, instead of being rendered for every request.
//
// Why not Next's static generation: every page carries a Content-Security-Policy with a fresh nonce, which Next puts
// on its scripts at render time (lib/security/content-security-policy.ts). A page generated at build time has no
// nonce, and would need 'unsafe-inline' scripts. So the page is rendered once by this same server, with a placeholder
// nonce that is an unguessable per-process value, and every answer gets that placeholder replaced by its own fresh
// nonce: the policy stays exactly as strict, per response, and the rendering happens once per variant.
//
// A variant is everything the page's HTML depends on, and nothing else reaches the render:
// - the path (four pages);
// - the URL's query: none, or ?lang=<an offered language> alone (the language links keep the query). Any other query
//   is rendered as usual, so no visitor can grow the cache;
// - the language, decided as for every page (decideLanguage: ?lang, the lang cookie, Accept-Language, the default;
//   only the policy file's languages; these pages belong to no contact);
// - the cookie choice the banner starts from (none, accepted, declined, declined by Global Privacy Control), and for
//   a visitor without one whether their browser sends `Sec-GPC: 1` (which answers "decline" for them).
// The render is asked with only those: a lang cookie with the decided language, the consent cookie and the GPC header;
// never the visitor's other cookies or headers. Server actions, client navigations (RSC requests) and prefetches are not cached.
// The answers stay `private, no-store` to any other cache: each carries its own nonce.
import "server-only";
import { CONSENT_COOKIE } from "@/lib/consent/consent-cookie";
import { currentConsent } from "@/lib/consent/read-consent";
import { FLIGHT_REQUEST_HEADER } from "@/lib/http/peer-address";
import { decideLanguage, isOffered, LANG_COOKIE, type Language } from "@/lib/i18n/languages";
import { offeredLanguages } from "@/lib/i18n/offered-languages";
import { getPolicy } from "@/lib/policy/current-policy";

/** The pages that have nothing personal and read nothing but language, cookie choice and ?lang. */
export const CACHED_PUBLIC_PATHS: ReadonlySet<string> = new Set(["/", "/privacy", "/preferences", "/link/invalid"]);

/** Marks the server's own render request; the value is a per-process secret, so no client can send it. */
export const PAGE_FILL_HEADER = "x-tillit-page-fill";

function randomBase64(bytes: number): string {
  const b = new Uint8Array(bytes);
  crypto.getRandomValues(b);
  return btoa(String.fromCharCode(...b));
}

type Process = { fillSecret: string; placeholderNonce: string; entries: Map<string, Promise<CachedPage | null>> };
const STATE = Symbol.for("tillit.publicPageCache");
const holder = globalThis as unknown as { [STATE]?: Process };

function state(): Process {
  // One per process, whichever bundle (proxy, pages) imports this module.
  holder[STATE] ??= {
    fillSecret: randomBase64(24),
    // Same alphabet and length as a real nonce, so it passes wherever a nonce does.
    placeholderNonce: randomBase64(16),
    entries: new Map(),
  };
  return holder[STATE];
}

/** The page as UTF-8 bytes, cut where the placeholder nonce was: an answer joins the parts with its own nonce. */
export type CachedPage = { status: number; headers: [string, string][]; parts: Buffer[]; length: number };

export type PublicPageVariant = {
  key: string;
  path: string;
  /** The ?lang of the URL, when there is one (the only query a cached page may have). */
  query: Language | null;
  lang: Language;
  /** The raw consent cookie, passed to the render only when it holds a valid choice. */
  consentCookie: string | null;
  /** No valid choice stored, and the browser sends Global Privacy Control: rendered with `Sec-GPC: 1`. */
  gpc: boolean;
};

type RequestLike = {
  method: string;
  pathname: string;
  search: string;
  searchParams: URLSearchParams;
  headers: Headers;
  cookie: (name: string) => string | undefined;
};

/** The variant of a request that may be answered from the cache, or null for one that must be rendered as usual. */
export function publicPageVariant(request: RequestLike): PublicPageVariant | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (!CACHED_PUBLIC_PATHS.has(request.pathname)) return null;
  const h = request.headers;
  // Client navigations and prefetches ask for the RSC payload; actions post. Only plain document requests here. Next
  // strips its flight headers before the proxy runs: the peer-address hook marks such requests from the raw request
  // (and without the hook there is no local origin either, so nothing is cached).
  if (h.has(FLIGHT_REQUEST_HEADER) || h.has("rsc") || h.has("next-router-prefetch") || h.has("next-action"))
    return null;
  const offered = offeredLanguages();
  let query: Language | null = null;
  if (request.search !== "") {
    const keys = [...request.searchParams.keys()];
    const lang = request.searchParams.get("lang");
    if (keys.length !== 1 || keys[0] !== "lang" || !isOffered(lang, offered) || request.search !== `?lang=${lang}`)
      return null;
    query = lang;
  }
  const lang = decideLanguage(
    { query, cookie: request.cookie(LANG_COOKIE), acceptLanguage: h.get("accept-language") },
    offered,
  );
  const rawConsent = request.cookie(CONSENT_COOKIE) ?? null;
  const consent = currentConsent(rawConsent, getPolicy().consent.lifetimeDays);
  const gpc = !consent && h.get("sec-gpc")?.trim() === "1";
  const choice = consent ? `${consent.choice}${consent.signal ? `-${consent.signal}` : ""}` : gpc ? "ask-gpc" : "ask";
  return {
    key: `${request.pathname}|${query ?? ""}|${lang}|${choice}`,
    path: request.pathname,
    query,
    lang,
    consentCookie: consent ? rawConsent : null,
    gpc,
  };
}

/** True for the server's own render request (it must be rendered, with the placeholder nonce). */
export function isPageFill(headers: Headers): boolean {
  return headers.get(PAGE_FILL_HEADER) === state().fillSecret;
}

/** The nonce a fill render is given; replaced in every answer by that answer's own nonce. */
export function placeholderNonce(): string {
  return state().placeholderNonce;
}

/** Response headers that belong to one answer, not to the page: set afresh for each answer. */
const PER_ANSWER = new Set([
  "content-security-policy",
  "x-request-id",
  "set-cookie",
  "date",
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "etag",
  "vary",
]);

async function render(origin: string, variant: PublicPageVariant): Promise<CachedPage | null> {
  const cookies = [`${LANG_COOKIE}=${variant.lang}`];
  if (variant.consentCookie) cookies.push(`${CONSENT_COOKIE}=${variant.consentCookie}`);
  const url = `${origin}${variant.path}${variant.query ? `?lang=${variant.query}` : ""}`;
  const response = await fetch(url, {
    headers: {
      [PAGE_FILL_HEADER]: state().fillSecret,
      cookie: cookies.join("; "),
      accept: "text/html",
      ...(variant.gpc ? { "sec-gpc": "1" } : {}),
    },
    redirect: "manual",
    cache: "no-store",
  });
  const body = await response.text();
  // Only a whole, good page is kept; anything else is rendered again next time.
  if (response.status !== 200 || !(response.headers.get("content-type") ?? "").startsWith("text/html")) return null;
  const headers = [...response.headers.entries()].filter(([name]) => !PER_ANSWER.has(name.toLowerCase()));
  // Encoded once here, not for every answer.
  const parts = body.split(state().placeholderNonce).map((part) => Buffer.from(part, "utf8"));
  return { status: response.status, headers, parts, length: parts.reduce((n, p) => n + p.length, 0) };
}

/**
 * The page for this variant: from memory, or rendered once by this server at `origin` (concurrent first requests
 * share one render). Null when it could not be rendered: the caller then lets the request through as usual.
 */
export async function cachedPublicPage(origin: string, variant: PublicPageVariant): Promise<CachedPage | null> {
  const { entries } = state();
  let entry = entries.get(variant.key);
  if (!entry) {
    entry = render(origin, variant).catch(() => null);
    entries.set(variant.key, entry);
  }
  const page = await entry;
  if (!page && entries.get(variant.key) === entry) entries.delete(variant.key);
  return page;
}

/** The cached page with this answer's nonce in place of the placeholder. */
export function withNonce(page: CachedPage, nonce: string): Uint8Array<ArrayBuffer> {
  const bytes = Buffer.from(nonce, "utf8");
  const list: Buffer[] = [];
  page.parts.forEach((part, i) => {
    if (i > 0) list.push(bytes);
    list.push(part);
  });
  const joined = Buffer.concat(list, page.length + bytes.length * (page.parts.length - 1));
  return new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength) as Uint8Array<ArrayBuffer>;
}
