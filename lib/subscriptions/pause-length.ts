// How long a person may pause marketing mail, and when a pause that starts now ends: the one rule the preference
// page, the use-case and the tests share.

/** The lengths offered, in calendar months. */
export const PAUSE_MONTHS = [1, 3, 6] as const;
export type PauseMonths = (typeof PAUSE_MONTHS)[number];

export function isPauseMonths(n: number): n is PauseMonths {
  return (PAUSE_MONTHS as readonly number[]).includes(n);
}

/**
 * `months` calendar months after `now`, at the same time of day; a day the target month lacks becomes its last day
 * (31 January + 1 month is 28 or 29 February), so a pause never runs into the month after.
 */
export function pauseEndsAt(now: Date, months: PauseMonths): Date {
  const end = new Date(now.getTime());
  const day = end.getUTCDate();
  end.setUTCDate(1);
  end.setUTCMonth(end.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(day, lastDay));
  return end;
}

/** Whether marketing is paused at `now` (a pause whose end has passed is no pause: nothing needs to clear it). */
export function isPaused(pausedUntil: Date | null, now: Date): boolean {
  return pausedUntil !== null && pausedUntil.getTime() > now.getTime();
}
