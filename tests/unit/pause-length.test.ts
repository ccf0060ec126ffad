// When a pause of marketing mail ends (lib/subscriptions/pause-length.ts): calendar months at the same time of day, a
// missing day clamped to the month's last, and a pause whose end has passed is no pause.
import { describe, expect, it } from "vitest";
import { isPaused, isPauseMonths, pauseEndsAt } from "@/lib/subscriptions/pause-length";

describe("pauseEndsAt", () => {
  it.each([
    ["2031-03-10T09:00:00.000Z", 1, "2031-04-10T09:00:00.000Z"],
    ["2031-03-10T09:00:00.000Z", 3, "2031-06-10T09:00:00.000Z"],
    ["2031-03-10T09:00:00.000Z", 6, "2031-09-10T09:00:00.000Z"],
    ["2031-01-31T23:30:00.000Z", 1, "2031-02-28T23:30:00.000Z"],
    ["2032-01-31T08:00:00.000Z", 1, "2032-02-29T08:00:00.000Z"],
    ["2031-08-31T08:00:00.000Z", 3, "2031-11-30T08:00:00.000Z"],
    ["2031-10-15T08:00:00.000Z", 6, "2032-04-15T08:00:00.000Z"],
  ] as const)("%s + %i months is %s", (from, months, until) => {
    expect(pauseEndsAt(new Date(from), months).toISOString()).toBe(until);
  });
});

describe("isPaused and isPauseMonths", () => {
  it("is paused only before the end", () => {
    const until = new Date("2031-06-10T09:00:00Z");
    expect(isPaused(until, new Date("2031-06-10T08:59:59Z"))).toBe(true);
    expect(isPaused(until, until)).toBe(false);
    expect(isPaused(null, until)).toBe(false);
  });
  it("offers 1, 3 and 6 months only", () => {
    expect([0, 1, 2, 3, 6, 12].filter(isPauseMonths)).toEqual([1, 3, 6]);
  });
});
