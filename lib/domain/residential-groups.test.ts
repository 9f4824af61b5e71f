import { describe, expect, it } from "vitest";
import type { SourceRef } from "./indicator-summary";
import {
  checkDerivedShare,
  groupNumber,
  groupSlug,
  heatStep,
  pickYear,
  rankGroups,
  wardShareFromGroups,
  type GroupSeries,
  type GroupYearCell,
} from "./residential-groups";
import { averageOf, roundDecimal } from "./decimal";

const report: SourceRef = { key: "bc", title: "Báo cáo", issuedOn: "2019-11-05", kind: "REPORT" };
const demo: SourceRef = { key: "demo", title: "Dữ liệu minh họa", issuedOn: null, kind: "DEMO" };
const cell = (year: number, value: string, source = demo): GroupYearCell => ({
  year,
  value,
  qualifier: "EXACT",
  note: null,
  source,
  isDemo: source.kind === "DEMO",
});
const group = (n: number, ...cells: GroupYearCell[]): GroupSeries => ({
  slug: `p-to-${n}`,
  name: `Tổ ${n}`,
  order: n,
  cells,
});

describe("rankGroups", () => {
  const groups = [
    group(1, cell(2018, "90.5"), cell(2019, "88")),
    group(2, cell(2018, "95"), cell(2019, "88")),
    group(3, cell(2018, "90.5", report)),
    group(4, cell(2019, "99")),
  ];

  it("ranks one year's values best first, leaving out groups without a value, ties sharing a rank", () => {
    const r = rankGroups(groups, { kind: "year", year: 2018 }, "HIGHER_IS_BETTER");
    expect(r.map((g) => [g.name, g.rank, g.value])).toEqual([
      ["Tổ 2", 1, "95"],
      ["Tổ 1", 2, "90.5"],
      ["Tổ 3", 2, "90.5"],
    ]);
    expect(r[2]).toMatchObject({ isDemo: false, partlyDemo: false, sources: [report], years: [2018] });
    expect(r[0]).toMatchObject({ isDemo: true, partlyDemo: false });
  });

  it("puts the lowest first when lower is better", () => {
    const r = rankGroups(groups, { kind: "year", year: 2019 }, "LOWER_IS_BETTER");
    expect(r.map((g) => [g.name, g.rank])).toEqual([
      ["Tổ 1", 1],
      ["Tổ 2", 1],
      ["Tổ 4", 3],
    ]);
  });

  it("ranks yes/no indicators by the number of years achieved in the term", () => {
    const yesNo = [
      group(1, cell(2018, "0"), cell(2019, "1"), cell(2020, "0")),
      group(22, cell(2018, "1", report), cell(2019, "1"), cell(2020, "1")),
      group(5, cell(2018, "0"), cell(2019, "0"), cell(2020, "0")),
    ];
    const r = rankGroups(yesNo, { kind: "term", rule: "YEARS_ACHIEVED" }, "HIGHER_IS_BETTER");
    expect(r.map((g) => [g.name, g.value, g.rank])).toEqual([
      ["Tổ 22", "3", 1],
      ["Tổ 1", "1", 2],
      ["Tổ 5", "0", 3],
    ]);
    // a figure partly from the report and partly from demo years is neither reported nor all demo
    expect(r[0]).toMatchObject({ isDemo: false, partlyDemo: true, years: [2018, 2019, 2020] });
    expect(r[0].sources[0]).toEqual(report);
  });

  it("is empty without values", () => {
    expect(rankGroups([group(1)], { kind: "term", rule: "AVERAGE" }, "HIGHER_IS_BETTER")).toEqual([]);
  });
});

describe("averageOf and roundDecimal", () => {
  it("averages exactly", () => {
    expect(averageOf(["90", "91", "92.5"])).toBe("91.1667");
    expect(averageOf(["0.1", "0.2"])).toBe("0.15");
    expect(averageOf([])).toBeNull();
  });
  it("rounds half away from zero", () => {
    expect(roundDecimal("73.6842", 1)).toBe("73.7");
    expect(roundDecimal("73.65", 1)).toBe("73.7");
    expect(roundDecimal("73.6499", 1)).toBe("73.6");
    expect(roundDecimal("73.4", 0)).toBe("73");
  });
});

describe("wardShareFromGroups (ward figure derived from the groups)", () => {
  it("is the groups achieving over the number of groups", () => {
    const values = [...Array(28).fill({ value: "1" }), ...Array(10).fill({ value: "0" })];
    expect(wardShareFromGroups(values, 38)).toEqual({ achieved: 28, groups: 38, percent: "73.6842" });
  });
  it("counts groups without a value as not achieving", () => {
    expect(wardShareFromGroups([{ value: "1" }], 4)).toEqual({ achieved: 1, groups: 4, percent: "25" });
  });
  it("has nothing to say for a ward without groups", () => {
    expect(wardShareFromGroups([], 0)).toBeNull();
  });
});

describe("checkDerivedShare", () => {
  const derived = { achieved: 28, groups: 38, percent: "73.6842" };
  it("matches at the precision of the stored figure", () => {
    expect(checkDerivedShare({ value: "73.7", qualifier: "EXACT" }, derived)).toMatchObject({ status: "match" });
    expect(checkDerivedShare({ value: "74", qualifier: "EXACT" }, derived)).toMatchObject({ status: "match" });
    expect(checkDerivedShare({ value: "73.6", qualifier: "EXACT" }, derived)).toMatchObject({ status: "mismatch" });
  });
  it("a 'more than' figure holds for any derived value above it", () => {
    expect(checkDerivedShare({ value: "73", qualifier: "MORE_THAN" }, derived)).toMatchObject({ status: "match" });
    expect(checkDerivedShare({ value: "75", qualifier: "MORE_THAN" }, derived)).toMatchObject({ status: "mismatch" });
  });
  it("needs both figures", () => {
    expect(checkDerivedShare(null, derived)).toEqual({ status: "incomplete", derived: "73.6842", stored: null });
    expect(checkDerivedShare({ value: "70", qualifier: "EXACT" }, null)).toMatchObject({ status: "incomplete" });
  });
});

describe("heatStep", () => {
  it("spreads values over five steps, the best highest", () => {
    expect(heatStep(80, 80, 100)).toBe(0);
    expect(heatStep(90, 80, 100)).toBe(2);
    expect(heatStep(100, 80, 100)).toBe(4);
    expect(heatStep(100, 80, 100, "LOWER_IS_BETTER")).toBe(0);
  });
  it("gives the top step when every value is equal", () => {
    expect(heatStep(5, 5, 5)).toBe(4);
  });
});

describe("pickYear", () => {
  it("keeps the requested year when it has values, else falls back to the latest", () => {
    expect(pickYear(2018, [2018, 2019, 2020])).toEqual({ year: 2018, fallback: false });
    expect(pickYear(undefined, [2018, 2020, 2019])).toEqual({ year: 2020, fallback: false });
    expect(pickYear(2015, [2018, 2019, 2020])).toEqual({ year: 2020, fallback: true });
    expect(pickYear(2018, [])).toBeNull();
  });
});

describe("group slugs", () => {
  it("build and read the slug of a group", () => {
    expect(groupSlug("ngoc-thuy", 22)).toBe("ngoc-thuy-to-22");
    expect(groupNumber("ngoc-thuy", "ngoc-thuy-to-22")).toBe(22);
    expect(groupNumber("ngoc-thuy", "ngoc-thuy-to-022")).toBeNull();
    expect(groupNumber("ngoc-thuy", "bo-de-to-1")).toBeNull();
  });
});
