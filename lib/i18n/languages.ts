// Supported languages and how one is chosen for a request. Pure functions: used by proxy.ts, server helpers and tests.
export const LANGUAGES = ["sv", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "sv";

/** Cookie that keeps a visitor's explicit choice (set only after they pick a language). */
export const LANG_COOKIE = "lang";
/**
 * Request header through which proxy.ts hands the page's ?lang= to layouts, pages and server actions (the root
 * layout cannot read searchParams). Overwritten by the proxy, never taken from the client.
 */
export const LANG_QUERY_HEADER = "x-tillit-lang-query";
export const LANG_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The first supported language in an Accept-Language header, by quality then order; undefined when none fits. */
export function languageFromAcceptLanguage(header: string | null | undefined): Language | undefined {
  if (!header) return undefined;
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return {
        primary: tag.trim().toLowerCase().split("-")[0] ?? "",
        quality: Number.isFinite(quality) ? quality : 0,
        index,
      };
    })
    .filter((r) => r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranges.map((r) => r.primary).find(isLanguage);
}

/** What a request offers for choosing its language; every part may be missing. */
export type LanguageChoice = {
  /** ?lang= of the page (or of the page a server action was posted from). */
  query?: string | null;
  /** The lang cookie, set when the visitor picked a language with the switcher. */
  cookie?: string | null;
  /** The contact's own stored language, on pages tied to a contact (/p, /s, /e, /me); null elsewhere. */
  stored?: Language | null;
  /** The browser's Accept-Language header. */
  acceptLanguage?: string | null;
};

/**
 * The one decision of a page's language, for the whole page (layout, body, client parts) and for the mails its
 * actions send: ?lang=, then the lang cookie, then the contact's stored language, then Accept-Language, then Swedish.
 */
export function decideLanguage(input: LanguageChoice): Language {
  if (isLanguage(input.query)) return input.query;
  if (isLanguage(input.cookie)) return input.cookie;
  if (isLanguage(input.stored)) return input.stored;
  return languageFromAcceptLanguage(input.acceptLanguage) ?? DEFAULT_LANGUAGE;
}

/** Each language's name in itself, as a switcher shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = { sv: "Svenska", en: "English" };
