/** The ISO 8601 week number of a day given as YYYY-MM-DD (the week with the year's first Thursday is week 1). */
export function isoWeek(day: string): number {
  const d = new Date(`${day}T00:00:00Z`);
  const thursday = new Date(+d + (3 - ((d.getUTCDay() + 6) % 7)) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((+thursday - yearStart) / (7 * 86_400_000)) + 1;
}
