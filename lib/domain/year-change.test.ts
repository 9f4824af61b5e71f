import { describe, expect, it } from "vitest";
import { latestYearChange } from "./year-change";

describe("latest year against the year before", () => {
  it("gives the exact difference with the previous year that has a figure", () => {
    const c = latestYearChange([
      { year: 2020, value: "96.8", qualifier: "EXACT" },
      { year: 2018, value: "95.1", qualifier: "EXACT" },
      { year: 2015, value: "90", qualifier: "EXACT" },
    ]);
    expect(c).toEqual({ year: 2020, value: "96.8", qualifier: "EXACT", previousYear: 2018, difference: "1.7" });
  });

  it("has no difference for a single year, nor when a figure is only 'trên'", () => {
    expect(latestYearChange([{ year: 2019, value: "3", qualifier: "EXACT" }])?.difference).toBeNull();
    expect(
      latestYearChange([
        { year: 2019, value: "3", qualifier: "EXACT" },
        { year: 2020, value: "5", qualifier: "MORE_THAN" },
      ])?.difference,
    ).toBeNull();
    expect(latestYearChange([])).toBeNull();
  });

  it("keeps money exact and signs a fall", () => {
    const c = latestYearChange([
      { year: 2019, value: "2850000", qualifier: "EXACT" },
      { year: 2020, value: "950000", qualifier: "EXACT" },
    ]);
    expect(c?.difference).toBe("-1900000");
  });
});
