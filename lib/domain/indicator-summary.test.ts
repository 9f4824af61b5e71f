import { describe, expect, it } from "vitest";
import { summariseGroups, summariseIndicator, type SourceRef, type ValueInput } from "./indicator-summary";

const report: SourceRef = { key: "bc", title: "Báo cáo", issuedOn: "2019-11-05", kind: "REPORT" };
const demo: SourceRef = { key: "demo", title: "Dữ liệu minh họa", issuedOn: null, kind: "DEMO" };
const year = (y: number, value: string, source = demo): ValueInput => ({
  period: { kind: "YEAR", year: y },
  value,
  qualifier: "EXACT",
  note: null,
  source,
});

describe("summariseIndicator", () => {
  it("shows the reported term total with its source, even beside demo years", () => {
    const s = summariseIndicator("SUM", [
      year(2015, "30"),
      year(2016, "31"),
      { period: { kind: "TERM", year: null }, value: "161", qualifier: "EXACT", note: "5 năm", source: report },
    ]);
    expect(s.figure).toEqual({ basis: "reported", value: "161", qualifier: "EXACT" });
    expect(s.sources).toEqual([report]);
    expect(s.isDemo).toBe(false);
    expect(s.note).toBe("5 năm");
    expect(s.years.map((y) => y.year)).toEqual([2015, 2016]);
  });

  it("computes from demo years and says it is demo", () => {
    const s = summariseIndicator("SUM", [year(2016, "2"), year(2015, "1")]);
    expect(s.figure).toMatchObject({ basis: "computed", value: "3" });
    expect(s.isDemo).toBe(true);
    expect(s.sources).toEqual([demo]);
  });

  it("is not demo when a reported year is among the years", () => {
    const s = summariseIndicator("YEARS_ACHIEVED", [year(2015, "1", report), year(2016, "0")]);
    expect(s.isDemo).toBe(false);
    expect(s.figure).toMatchObject({ value: "1" });
  });

  it("has no figure and no source without values", () => {
    expect(summariseIndicator("SUM", [])).toMatchObject({ figure: { basis: "none" }, isDemo: false, sources: [] });
  });
});

describe("summariseGroups", () => {
  it("lists reported achievements apart from demo values", () => {
    const s = summariseGroups(
      [
        { ...year(2018, "1", report), groupName: "Tổ 22" },
        { ...year(2018, "0"), groupName: "Tổ 1" },
        { ...year(2019, "1"), groupName: "Tổ 1" },
      ],
      true,
    );
    expect(s).toMatchObject({ groupsWithValues: 2, demoValues: 2, reportedValues: 1 });
    expect(s.reportedAchieved).toEqual([{ group: "Tổ 22", year: 2018, source: report }]);
  });
});
