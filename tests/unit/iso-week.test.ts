// Week numbers on the opt-out chart's axis: ISO 8601, where week 1 holds the year's first Thursday.
import { describe, expect, it } from "vitest";
import { isoWeek } from "@/app/staff/_dashboard/iso-week";

describe("isoWeek", () => {
  it("numbers weeks as ISO 8601 does, across year ends", () => {
    expect(isoWeek("2026-11-30")).toBe(49);
    expect(isoWeek("2026-12-28")).toBe(53); // 2026 has 53 weeks
    expect(isoWeek("2027-01-04")).toBe(1);
    expect(isoWeek("2024-12-30")).toBe(1); // Monday of 2025's week 1
    expect(isoWeek("2031-03-10")).toBe(11);
  });
});
