// Languages and how one is chosen for a request. Pure functions: used by proxy.ts, server helpers and tests.
// LANGUAGES are the ones Tillit has texts for; a deployment offers those its policy file lists (`languages`, the first
// the default), read on the server by offeredLanguages() (offered-languages.ts) and passed in here.
export const LANGUAGES = ["sv", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
/** The languages a deployment offers, its default first (the policy file's `languages`, never empty). */
export type OfferedLanguages = readonly [Language, ...Language[]];

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

/** True for a language this deployment offers: a choice of any other (?lang=sv on an English-only site) is ignored. */
export function isOffered(value: unknown, offered: readonly Language[]): value is Language {
  return isLanguage(value) && offered.includes(value);
}

/** `value` when offered, else the deployment's default (a contact's stored language the site no longer offers). */
export function offeredOrDefault(value: unknown, offered: OfferedLanguages): Language {
  return isOffered(value, offered) ? value : offered[0];
}

/** The first offered language in an Accept-Language header, by quality then order; undefined when none fits. */
export function languageFromAcceptLanguage(
  header: string | null | undefined,
  offered: readonly Language[] = LANGUAGES,
): Language | undefined {
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
  return ranges.map((r) => r.primary).find((l): l is Language => isOffered(l, offered));
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
 * actions send: ?lang=, then the lang cookie, then the contact's stored language, then Accept-Language, then the
 * deployment's default (the first offered). Only offered languages count at each step.
 */
export function decideLanguage(input: LanguageChoice, offered: OfferedLanguages): Language {
  if (isOffered(input.query, offered)) return input.query;
  if (isOffered(input.cookie, offered)) return input.cookie;
  if (isOffered(input.stored, offered)) return input.stored;
  return languageFromAcceptLanguage(input.acceptLanguage, offered) ?? offered[0];
}

/** Each language's name in itself, as a switcher shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = { sv: "Svenska", en: "English" };
