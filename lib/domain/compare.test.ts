import { describe, expect, it } from "vitest";
import type { Qualifier } from "./enums";
import {
  canNormalise,
  compareWithSiblings,
  comparisonRows,
  figuresAcrossTerms,
  normalisation,
  parentFigure,
  perThousand,
  periodFigure,
  ranks,
  referenceKind,
  sortRows,
  unitFigures,
  type IndicatorShape,
  type PeriodFigure,
  type UnitValueInput,
} from "./compare";
import type { SourceRef, ValueInput } from "./indicator-summary";

const report: SourceRef = { key: "bc", title: "Báo cáo", issuedOn: "2019-11-05", kind: "REPORT" };
const demo: SourceRef = { key: "demo", title: "Dữ liệu minh họa", issuedOn: null, kind: "DEMO" };
const year = (y: number, value: string, source = demo, qualifier: Qualifier = "EXACT"): ValueInput => ({
  period: { kind: "YEAR", year: y },
  value,
  qualifier,
  note: null,
  source,
});
const termValue = (value: string, source = report): ValueInput => ({
  period: { kind: "TERM", year: null },
  value,
  qualifier: "EXACT",
  note: "5 năm",
  source,
});
const fig = (value: string | null, isDemo = true, qualifier: Qualifier = "EXACT"): PeriodFigure => ({
  basis: value === null ? "none" : "computed",
  value,
  qualifier,
  years: [],
  sources: [],
  isDemo,
  note: null,
});
const unit = (slug: string, shortName = slug) => ({ slug, name: `Phường ${shortName}`, shortName });
const count: IndicatorShape = { aggregation: "SUM", valueType: "COUNT", unit: "trường hợp", direction: "NEUTRAL" };
const percent: IndicatorShape = {
  aggregation: "AVERAGE",
  valueType: "PERCENT",
  unit: "%",
  direction: "HIGHER_IS_BETTER",
};
const yesNo: IndicatorShape = {
  aggregation: "LATEST",
  valueType: "BOOLEAN",
  unit: "đạt",
  direction: "HIGHER_IS_BETTER",
};

describe("periodFigure", () => {
  const values = [year(2015, "213"), year(2016, "286"), termValue("1691")];

  it("keeps the reported term value (with its source, not demo) over the demo years", () => {
    expect(periodFigure("SUM", values, { kind: "TERM" })).toMatchObject({
      basis: "reported",
      value: "1691",
      sources: [report],
      isDemo: false,
      note: "5 năm",
    });
  });

  it("computes the term from the years when no term value is stored", () => {
    expect(periodFigure("SUM", values.slice(0, 2), { kind: "TERM" })).toMatchObject({
      basis: "computed",
      value: "499",
      years: [2015, 2016],
      isDemo: true,
    });
  });

  it("takes the stored value of a year, never a share of the term", () => {
    expect(periodFigure("SUM", values, { kind: "YEAR", year: 2016 })).toMatchObject({
      basis: "year",
      value: "286",
      isDemo: true,
    });
    expect(periodFigure("SUM", [termValue("1691")], { kind: "YEAR", year: 2016 })).toMatchObject({
      basis: "none",
      value: null,
    });
  });

  it("groups values by unit in the units' order", () => {
    const v: UnitValueInput[] = [
      { ...year(2015, "1"), unitSlug: "b" },
      { ...year(2015, "2"), unitSlug: "a" },
    ];
    const out = unitFigures([unit("a"), unit("b"), unit("c")], v, "SUM", { kind: "TERM" });
    expect(out.map((u) => [u.unit.slug, u.figure.value])).toEqual([
      ["a", "2"],
      ["b", "1"],
      ["c", null],
    ]);
  });
});

describe("parent figure", () => {
  it("chooses total, average or count achieved by the indicator's rule", () => {
    expect(referenceKind(count)).toBe("total");
    expect(referenceKind({ ...count, aggregation: "YEARS_ACHIEVED", valueType: "BOOLEAN", unit: "năm" })).toBe("total");
    expect(referenceKind(percent)).toBe("average");
    expect(referenceKind({ ...percent, aggregation: "LATEST" })).toBe("average");
    expect(referenceKind({ ...count, aggregation: "LATEST" })).toBe("average");
    expect(referenceKind({ ...count, aggregation: "MAX" })).toBe("average");
    expect(referenceKind(yesNo)).toBe("achieved");
  });

  it("totals summed indicators over the units with a figure, with the mean for the line", () => {
    expect(parentFigure(count, [fig("1691", false), fig("400"), fig(null)])).toEqual({
      kind: "total",
      value: "2091",
      qualifier: "EXACT",
      mean: "1045.5",
      count: 2,
      of: 3,
      hasDemo: true,
    });
  });

  it("averages rates, carrying the report's 'trên'", () => {
    expect(parentFigure(percent, [fig("90", false, "MORE_THAN"), fig("93", false)])).toMatchObject({
      kind: "average",
      value: "91.5",
      qualifier: "MORE_THAN",
      hasDemo: false,
    });
  });

  it("counts the units that achieved a yes/no indicator", () => {
    expect(parentFigure(yesNo, [fig("1"), fig("0"), fig("1")])).toMatchObject({
      kind: "achieved",
      value: "2",
      count: 3,
    });
  });

  it("has nothing to say without figures", () => {
    expect(parentFigure(count, [fig(null)])).toBeNull();
  });
});

describe("normalisation per 1 000", () => {
  it("divides exactly", () => {
    expect(perThousand("1691", 25000)).toBe("67.64");
    expect(perThousand("305000000", 3)).toBe("101666666666.6667");
    expect(() => perThousand("1", 0)).toThrow();
  });

  it("applies only to summed counts, money and amounts", () => {
    expect(canNormalise(count)).toBe(true);
    expect(canNormalise({ aggregation: "SUM", valueType: "MONEY" })).toBe(true);
    expect(canNormalise({ aggregation: "SUM", valueType: "DECIMAL" })).toBe(true);
    expect(canNormalise(percent)).toBe(false);
    expect(canNormalise({ aggregation: "LATEST", valueType: "COUNT" })).toBe(false);
    expect(canNormalise({ aggregation: "YEARS_ACHIEVED", valueType: "BOOLEAN" })).toBe(false);
  });

  it("never invents a population: unknown sizes turn it off", () => {
    const sizes = [
      { slug: "a", population: 20000, households: 5000 },
      { slug: "b", population: null, households: null },
    ];
    expect(normalisation("none", count, sizes)).toEqual({ state: "off" });
    expect(normalisation("capita", percent, sizes)).toEqual({ state: "not-applicable" });
    expect(normalisation("capita", count, sizes)).toEqual({ state: "unknown", missing: ["b"] });
  });

  it("normalises per inhabitants or households when every size is known", () => {
    const sizes = [
      { slug: "a", population: 20000, households: 5000 },
      { slug: "b", population: 10000, households: 2000 },
    ];
    const n = normalisation("household", count, sizes);
    expect(n).toMatchObject({ state: "on", per: "household", total: 7000 });
    const rows = comparisonRows({
      indicator: count,
      figures: [
        { unit: unit("a"), figure: fig("100") },
        { unit: unit("b"), figure: fig("60") },
      ],
      normalisation: n,
      target: null,
      sort: "desc",
    });
    // a: 100 / 5 000 hộ = 20 per 1 000; b: 60 / 2 000 = 30 per 1 000 → b first
    expect(rows.map((r) => [r.unit.slug, r.shown?.value, r.rank])).toEqual([
      ["b", "30", 1],
      ["a", "20", 2],
    ]);
  });
});

describe("rows, ranks and order", () => {
  const figures = [
    { unit: unit("bo-de", "Bồ Đề"), figure: fig("2438") },
    { unit: unit("ngoc-thuy", "Ngọc Thụy"), figure: fig("1691", false) },
    { unit: unit("cu-khoi", "Cự Khối"), figure: fig(null) },
    { unit: unit("duc-giang", "Đức Giang"), figure: fig("1691") },
  ];
  const rows = (sort: "desc" | "asc" | "name") =>
    comparisonRows({ indicator: count, figures, normalisation: { state: "off" }, target: null, sort });

  it("ranks largest first, ties sharing a rank", () => {
    expect(ranks(["5", null, "7", "5", "1"])).toEqual([2, null, 1, 2, 4]);
  });

  it("sorts descending, ascending (reversed) or by Vietnamese name, units without figure last", () => {
    expect(rows("desc").map((r) => r.unit.slug)).toEqual(["bo-de", "duc-giang", "ngoc-thuy", "cu-khoi"]);
    expect(rows("asc").map((r) => r.unit.slug)).toEqual(["duc-giang", "ngoc-thuy", "bo-de", "cu-khoi"]);
    expect(rows("name").map((r) => r.unit.shortName)).toEqual(["Bồ Đề", "Cự Khối", "Đức Giang", "Ngọc Thụy"]);
    expect(rows("desc").map((r) => r.rank)).toEqual([1, 2, 2, null]);
  });

  it("compares exactly, beyond float precision", () => {
    const big = [
      { unit: unit("a"), shown: { value: "12345678901234567891", qualifier: "EXACT" as const } },
      { unit: unit("b"), shown: { value: "12345678901234567890", qualifier: "EXACT" as const } },
    ];
    expect(sortRows(big, "asc").map((r) => r.unit.slug)).toEqual(["b", "a"]);
  });

  it("gives each unit its status against the target", () => {
    const r = comparisonRows({
      indicator: { ...count, direction: "LOWER_IS_BETTER" },
      figures: [
        { unit: unit("a"), figure: fig("0") },
        { unit: unit("b"), figure: fig("2") },
        { unit: unit("c"), figure: fig(null) },
      ],
      normalisation: { state: "off" },
      target: { comparison: "LTE", value: "0" },
      sort: "name",
    });
    expect(r.map((x) => x.status)).toEqual(["met", "not-met", "no-figure"]);
  });
});

describe("a unit against its siblings", () => {
  it("gives the siblings' average, the difference and the ratio", () => {
    const c = compareWithSiblings(count, fig("1691", false), [fig("400"), fig("600"), fig(null)]);
    expect(c.average).toEqual({ value: "500", qualifier: "EXACT", count: 2, hasDemo: true });
    expect(c.difference).toBe("1191");
    expect(c.ratioPercent).toBe("338.2");
    expect(c.ratioIsDemo).toBe(true);
  });

  it("has no ratio when a side is missing or the average is zero", () => {
    expect(compareWithSiblings(count, fig(null), [fig("4")]).ratioPercent).toBeNull();
    expect(compareWithSiblings(count, fig("4"), [fig(null)]).average).toBeNull();
    const zero = compareWithSiblings(count, fig("4"), [fig("0")]);
    expect(zero.ratioPercent).toBeNull();
    expect(zero.difference).toBe("4");
  });

  it("turns the report's 'trên' into bounds of the difference and the ratio", () => {
    expect(compareWithSiblings(percent, fig("90", false, "MORE_THAN"), [fig("93.2")]).bound).toBe("lower");
    expect(compareWithSiblings(percent, fig("90"), [fig("93.2", false, "MORE_THAN")]).bound).toBe("upper");
    expect(compareWithSiblings(percent, fig("90", false, "MORE_THAN"), [fig("93.2", false, "MORE_THAN")]).bound).toBe(
      "uncertain",
    );
    expect(compareWithSiblings(percent, fig("90"), [fig("93.2")]).bound).toBe("exact");
  });

  it("is honest about reported figures on both sides", () => {
    expect(compareWithSiblings(percent, fig("90", false), [fig("95", false)]).ratioIsDemo).toBe(false);
  });

  it("counts achieved siblings for yes/no indicators instead of a ratio", () => {
    const c = compareWithSiblings(yesNo, fig("1"), [fig("1"), fig("0"), fig("1")]);
    expect(c.achieved).toEqual({ count: 2, of: 3 });
    expect(c.ratioPercent).toBeNull();
  });
});

describe("one indicator across terms", () => {
  const t1 = { slug: "2015-2020", name: "Nhiệm kỳ 2015–2020", startYear: 2015 };
  const t2 = { slug: "2020-2025", name: "Nhiệm kỳ 2020–2025", startYear: 2020 };

  it("gives the term figure of each term holding the code, oldest first", () => {
    const out = figuresAcrossTerms(
      [
        { code: "xu-phat-vi-pham", aggregation: "SUM", term: t2 },
        { code: "xu-phat-vi-pham", aggregation: "SUM", term: t1 },
        { code: "moi", aggregation: "SUM", term: t2 },
      ],
      [
        { ...termValue("1691"), code: "xu-phat-vi-pham", termSlug: t1.slug },
        { ...year(2021, "300"), code: "xu-phat-vi-pham", termSlug: t2.slug },
        { ...year(2022, "250"), code: "xu-phat-vi-pham", termSlug: t2.slug },
      ],
    );
    expect(out.get("xu-phat-vi-pham")!.map((x) => [x.term.slug, x.figure.basis, x.figure.value])).toEqual([
      ["2015-2020", "reported", "1691"],
      ["2020-2025", "computed", "550"],
    ]);
    expect(out.get("moi")!.map((x) => [x.term.slug, x.figure.basis])).toEqual([["2020-2025", "none"]]);
  });

  it("with a single term each code has one entry", () => {
    const out = figuresAcrossTerms(
      [{ code: "a", aggregation: "SUM", term: t1 }],
      [{ ...year(2015, "1"), code: "a", termSlug: t1.slug }],
    );
    expect([...out.values()].every((l) => l.length === 1)).toBe(true);
  });
});
