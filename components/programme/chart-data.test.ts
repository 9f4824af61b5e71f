import { describe, expect, it } from "vitest";
import type { DashboardIndicator, ProgrammeDashboard } from "@/lib/data/programme-dashboard";
import { sectionBreakdowns } from "@/lib/domain/breakdowns";
import { summariseIndicator } from "@/lib/domain/indicator-summary";
import { chartSection, SourceList } from "./chart-data";

const REPORT = {
  key: "bc",
  title: "Báo cáo của Đảng ủy phường Ngọc Thụy",
  issuedOn: "2019-11-05",
  kind: "REPORT",
} as const;
const DEMO = { key: "demo", title: "Minh họa", issuedOn: null, kind: "DEMO" } as const;

function indicator(code: string, over: Partial<DashboardIndicator> = {}, years: number[] = [2016, 2017]) {
  const summary = summariseIndicator(
    "SUM",
    years.map((year, k) => ({
      period: { kind: "YEAR" as const, year },
      value: String(10 + k),
      qualifier: "EXACT" as const,
      note: null,
      source: k === 0 ? DEMO : REPORT,
    })),
  );
  return {
    code,
    name: `Chỉ tiêu ${code}`,
    unit: "trường hợp",
    valueType: "COUNT",
    aggregation: "SUM",
    direction: "HIGHER_IS_BETTER",
    collectionLevel: "WARD",
    wardFromGroups: false,
    categories: {},
    headline: false,
    parentCode: null,
    description: null,
    summary,
    figure: summary.figure,
    isDemo: summary.isDemo,
    targets: { term: null, years: {} },
    status: "no-target",
    perGroup: false,
    ...over,
  } as DashboardIndicator;
}

function section(indicators: DashboardIndicator[]): ProgrammeDashboard["sections"][number] {
  return { code: "muc", name: "Mục", indicators, breakdowns: sectionBreakdowns(indicators) };
}

describe("chartSection: a section's charts as compact data", () => {
  it("sends each source text once and each year as a tuple", () => {
    const sources = new SourceList();
    const s = chartSection(section([indicator("a"), indicator("b")]), sources);
    expect(sources.texts).toEqual(["Báo cáo của Đảng ủy phường Ngọc Thụy, 05/11/2019"]);
    expect(s.charted).toEqual(["a", "b"]);
    expect(s.indicators[0].years).toEqual([
      [2016, "10", 0, 1, -1],
      [2017, "11", 0, 0, 0],
    ]);
    expect(s.indicators[0].sources).toEqual([-1, 0]);
  });

  it("charts the children of a breakdown only in it, and leaves out per-group indicators", () => {
    const parent = indicator("p");
    const kids = ["x", "y"].map((k) => indicator(k, { parentCode: "p", categories: { loai: k } }));
    const group = indicator("g", { perGroup: true, collectionLevel: "RESIDENTIAL_GROUP" });
    const s = chartSection(section([parent, ...kids, group]), new SourceList());
    expect(s.charted).toEqual(["p"]);
    expect(s.breakdowns).toHaveLength(1);
    expect(s.breakdowns[0].cells.map(([code]) => code)).toEqual(["x", "y"]);
    expect(s.breakdowns[0].parent).toBe("p");
    // the children's figures are sent, their years (not charted) are not; the group indicator not at all
    expect(s.indicators.map((i) => i.code)).toEqual(["p", "x", "y"]);
    expect(s.indicators.find((i) => i.code === "x")!.years).toEqual([]);
    expect(s.indicatorCount).toBe(4);
  });
});
