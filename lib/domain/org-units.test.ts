import { describe, expect, it } from "vitest";
import { childLevels, dayBefore, isAdditive, refusalMessage, sumPredecessorYears, type YearValue } from "./org-units";

const v = (unitSlug: string, year: number, value: string, more = false): YearValue => ({
  unitSlug,
  indicatorCode: "dem",
  year,
  value,
  qualifier: more ? "MORE_THAN" : "EXACT",
  sourceKind: "REPORT",
});
const merge = [
  { slug: "a", shortName: "A", share: "1" },
  { slug: "b", shortName: "B", share: "1" },
];
const sum = (values: YearValue[], extra: Partial<Parameters<typeof sumPredecessorYears>[0]> = {}) =>
  sumPredecessorYears({
    predecessors: merge,
    values,
    additiveCodes: new Set(["dem"]),
    lastYear: 2019,
    ownYears: new Set(),
    ...extra,
  });

describe("sumPredecessorYears", () => {
  it("adds the former units' figures of each year exactly, keeping “trên”", () => {
    expect(sum([v("a", 2018, "0.1"), v("b", 2018, "0.2", true)])).toEqual([
      { indicatorCode: "dem", year: 2018, value: "0.3", qualifier: "MORE_THAN", sourceKind: "REPORT" },
    ]);
  });

  it("makes up no sum for a year a former unit did not report, after the reorganisation, or that the unit has itself", () => {
    expect(sum([v("a", 2017, "5")])).toEqual([]);
    expect(sum([v("a", 2020, "5"), v("b", 2020, "6")])).toEqual([]);
    expect(sum([v("a", 2018, "5"), v("b", 2018, "6")], { ownYears: new Set(["dem:2018"]) })).toEqual([]);
  });

  it("adds nothing for a split (a part of a figure would be an estimate) or a rate", () => {
    const split = merge.map((p) => ({ ...p, share: "0.5" }));
    expect(sum([v("a", 2018, "5"), v("b", 2018, "6")], { predecessors: split })).toEqual([]);
    expect(sum([v("a", 2018, "5"), v("b", 2018, "6")], { additiveCodes: new Set() })).toEqual([]);
  });
});

describe("org units", () => {
  it("a city at the top, wards under a city (since 2025) or a district, groups under a ward", () => {
    expect(childLevels(null)).toEqual(["CITY"]);
    expect(childLevels("CITY")).toContain("WARD");
    expect(childLevels("WARD")).toEqual(["RESIDENTIAL_GROUP"]);
    expect(childLevels("RESIDENTIAL_GROUP")).toEqual([]);
  });

  it("only sums of counts, money and quantities are additive", () => {
    expect(isAdditive({ aggregation: "SUM", valueType: "COUNT" })).toBe(true);
    expect(isAdditive({ aggregation: "AVERAGE", valueType: "PERCENT" })).toBe(false);
    expect(isAdditive({ aggregation: "YEARS_ACHIEVED", valueType: "BOOLEAN" })).toBe(false);
  });

  it("the day before crosses months and years; refusals are Vietnamese with dd/mm/yyyy", () => {
    expect(dayBefore("2025-07-01")).toBe("2025-06-30");
    expect(dayBefore("2020-01-01")).toBe("2019-12-31");
    expect(refusalMessage({ rule: "not-active", unit: "Phường A", on: "2019-12-31" })).toBe(
      "Phường A không hoạt động vào ngày 31/12/2019.",
    );
  });
});
