// Staff enter and read days in Stockholm time (the company's); the database stores instants. A day filter
// "from 2026-03-29" means from Stockholm's midnight of that day, which is 23:00 or 22:00 UTC the day before.
export const STOCKHOLM = "Europe/Stockholm";

const offsetFormat = new Intl.DateTimeFormat("en-US", { timeZone: STOCKHOLM, timeZoneName: "longOffset" });

/** Minutes Stockholm is ahead of UTC at an instant (60 in winter, 120 in summer). */
function offsetMinutes(at: Date): number {
  const name = offsetFormat.formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!m) return 0;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** The instant a Stockholm calendar day (YYYY-MM-DD) begins. Midnight is never inside a DST change (02:00–03:00). */
export function stockholmDayStart(day: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  return new Date(utcMidnight.getTime() - offsetMinutes(utcMidnight) * 60_000);
}

/** The instant the Stockholm day after `day` begins (an exclusive upper bound for "to and including"). */
export function stockholmDayEnd(day: string): Date {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return stockholmDayStart(next);
}

/**
 * The instant of a Stockholm wall-clock time as a datetime-local input sends it (YYYY-MM-DDTHH:mm), or null when the
 * text is not one. In the hour the clocks go back the earlier instant is taken.
 */
export function stockholmLocalTime(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const asUtc = Date.parse(`${value}:00Z`);
  if (Number.isNaN(asUtc)) return null;
  const guess = new Date(asUtc - offsetMinutes(new Date(asUtc)) * 60_000);
  return new Date(asUtc - offsetMinutes(guess) * 60_000);
}

const localFormat = new Intl.DateTimeFormat("sv-SE", {
  timeZone: STOCKHOLM,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** An instant as a datetime-local input's value in Stockholm time (the inverse of stockholmLocalTime). */
export function toStockholmLocalTime(at: Date): string {
  return localFormat.format(at).replace(" ", "T");
}
