// The day a pause of marketing mail ends, as the person reads it ("4 March 2027", "4 mars 2027"): Stockholm's
// calendar, where the pause's end instant falls, in the page's language. One wording for the preference page, its
// confirmation and the person's data page.
import type { Language } from "@/lib/i18n/languages";
import { STOCKHOLM } from "@/lib/time/stockholm-day";

export function formatPauseEnd(until: Date, lang: Language): string {
  return new Intl.DateTimeFormat(lang === "sv" ? "sv-SE" : "en-GB", { dateStyle: "long", timeZone: STOCKHOLM }).format(
    until,
  );
}
