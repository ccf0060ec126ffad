// The person's own language first on their pages; ?lang= (the language switcher) overrides it.
import { isLanguage, type Language } from "@/lib/i18n/languages";

type SearchParams = Record<string, string | string[] | undefined>;

export function recipientLang(query: SearchParams, contactLanguage: Language): Language {
  return isLanguage(query.lang) ? query.lang : contactLanguage;
}

export function formatDate(d: Date | null | undefined, lang: Language): string | null {
  if (!d) return null;
  return new Intl.DateTimeFormat(lang === "sv" ? "sv-SE" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(d);
}

export function formatDateTime(d: Date, lang: Language): string {
  return new Intl.DateTimeFormat(lang === "sv" ? "sv-SE" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Stockholm",
  }).format(d);
}
