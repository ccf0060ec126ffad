// The authority clock in words, in the reader's language: the list, the incident page and the staff dashboard say
// "Due in 5 hours", "Overdue by 3 hours", "Notified 2026-03-10 09:00 CET (IMY-…)" the same way. Dates are formatted by
// the caller's page format, passed in, so this stays free of the staff pages' code.
import type { Translator } from "@/lib/i18n/translator";
import type { AuthorityClockStatus } from "./authority-clock";

export function describeAuthorityClock(t: Translator, clock: AuthorityClockStatus, date: (d: Date) => string): string {
  switch (clock.state) {
    case "due":
      return t("accountability.incidents.clock.due", { hours: clock.hoursLeft });
    case "overdue":
      return t("accountability.incidents.clock.overdue", { hours: clock.hoursOver });
    case "notified":
      return t("accountability.incidents.clock.notified", { date: date(clock.at), reference: clock.reference });
    case "not_notified":
      return t("accountability.incidents.clock.notNotified");
  }
}
