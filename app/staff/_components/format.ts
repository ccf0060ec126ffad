// Dates and times on staff pages: always Stockholm time (the company's), always labelled with the zone (CET/CEST), and
// written the same unambiguous way in both languages (2026-12-02 21:15 CET). A day is the Stockholm calendar day, so
// a change made at 00:30 on the 3rd is not shown as the 2nd.
const STOCKHOLM = "Europe/Stockholm";

const dayFormat = new Intl.DateTimeFormat("sv-SE", { timeZone: STOCKHOLM, dateStyle: "short" });
const timeFormat = new Intl.DateTimeFormat("sv-SE", {
  timeZone: STOCKHOLM,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
});
const secondsFormat = new Intl.DateTimeFormat("sv-SE", {
  timeZone: STOCKHOLM,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZoneName: "short",
});

/** The Stockholm calendar day, YYYY-MM-DD ("" for none). */
export const day = (d: Date | null | undefined) => (d ? dayFormat.format(d) : "");
/** Stockholm date and time to the minute with its zone: 2026-12-02 21:15 CET. */
export const dateTime = (d: Date | null | undefined) => (d ? timeFormat.format(d) : "");
/** As dateTime, to the second (the audit trail). */
export const dateTimeSeconds = (d: Date | null | undefined) => (d ? secondsFormat.format(d) : "");
/** Today's Stockholm day, for date inputs' defaults. */
export const today = (now: Date = new Date()) => dayFormat.format(now);
export const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

const clockFormat = new Intl.DateTimeFormat("sv-SE", { timeZone: STOCKHOLM, hour: "2-digit", minute: "2-digit" });
/** Stockholm time of day, 21:15, for chart axes whose table gives the full dateTime. */
export const clock = (d: Date) => clockFormat.format(d);
