// Staff schedule mailings in Swedish time whatever their browser's zone: a datetime-local value is read as
// Europe/Stockholm wall-clock time, and times are shown back the same way.
export const MAILING_TIME_ZONE = "Europe/Stockholm";

const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: MAILING_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

function wallClock(at: Date): Record<string, number> {
  return Object.fromEntries(
    parts
      .formatToParts(at)
      .filter((p) => p.type !== "literal")
      .map((p) => [p.type, Number(p.value)]),
  );
}

/** Milliseconds Stockholm is ahead of UTC at that instant (+1 h in winter, +2 h in summer). */
function offsetAt(at: Date): number {
  const w = wallClock(at);
  return (
    Date.UTC(w.year!, w.month! - 1, w.day!, w.hour!, w.minute!, w.second!) - Math.floor(at.getTime() / 1000) * 1000
  );
}

/** "2026-11-25T14:30" in Stockholm → the instant; null when not a valid datetime-local value. */
export function stockholmLocalToDate(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0));
  const asUtc = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  if (Number.isNaN(asUtc) || new Date(asUtc).getUTCDate() !== d) return null;
  // Two passes settle the offset across a daylight-saving change.
  let at = asUtc - offsetAt(new Date(asUtc));
  at = asUtc - offsetAt(new Date(at));
  return new Date(at);
}

/** The instant as a datetime-local value in Stockholm time ("2026-11-25T14:30"). */
export function dateToStockholmLocal(at: Date): string {
  const w = wallClock(at);
  const two = (n: number | undefined) => String(n ?? 0).padStart(2, "0");
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`;
}

/** For display: "2026-11-25 14:30" in Stockholm time. */
export function formatStockholm(at: Date | null | undefined): string {
  return at ? dateToStockholmLocal(at).replace("T", " ") : "";
}
