// Dates on the person's own pages, in the page's language (decided by lib/i18n, decideLanguage).
import type { Language } from "@/lib/i18n/languages";

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
