import { describe, expect, it } from "vitest";
import { stockholmDayEnd, stockholmDayStart } from "@/lib/time/stockholm-day";
import { dateTime, day } from "@/app/staff/_components/format";

describe("Stockholm days", () => {
  it.each([
    ["2026-01-15", "2026-01-14T23:00:00.000Z", "2026-01-15T23:00:00.000Z"], // winter, CET
    ["2026-07-02", "2026-07-01T22:00:00.000Z", "2026-07-02T22:00:00.000Z"], // summer, CEST
    ["2026-03-29", "2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z"], // the day summer time starts: 23 hours
    ["2026-10-25", "2026-10-24T22:00:00.000Z", "2026-10-25T23:00:00.000Z"], // the day it ends: 25 hours
  ])("%s begins at %s and ends at %s", (d, start, end) => {
    expect(stockholmDayStart(d).toISOString()).toBe(start);
    expect(stockholmDayEnd(d).toISOString()).toBe(end);
  });

  it("shows staff the Stockholm day and time with the zone", () => {
    expect(day(new Date("2026-12-02T23:30:00Z"))).toBe("2026-12-03");
    expect(dateTime(new Date("2026-12-02T20:15:00Z"))).toBe("2026-12-02 21:15 CET");
    expect(dateTime(new Date("2026-07-02T19:15:00Z"))).toBe("2026-07-02 21:15 CEST");
    expect(day(null)).toBe("");
  });
});
