import { describe, expect, it } from "vitest";
import {
  basisLabel,
  formatDifference,
  formatRatio,
  formatShown,
  periodLabel,
  readable,
  roundTo,
  withBound,
} from "./compare";

const nb = (s: string) => s.replace(/\u00a0/g, " ");
const count = { valueType: "COUNT" as const, unit: "trường hợp" };

describe("comparison wording", () => {
  it("names the period", () => {
    expect(periodLabel({ kind: "TERM" }, { startYear: 2015, endYear: 2020 })).toBe("cả nhiệm kỳ 2015–2020");
    expect(periodLabel({ kind: "YEAR", year: 2019 }, { startYear: 2015, endYear: 2020 })).toBe("năm 2019");
  });

  it("writes figures with their unit, per 1 000 when normalised, keeping 'trên'", () => {
    expect(nb(formatShown("1691", "EXACT", count, null))).toBe("1.691 trường hợp");
    expect(nb(formatShown("67.64", "EXACT", count, "capita"))).toBe("67,64 trường hợp/1.000 dân");
    expect(nb(formatShown("305000000", "MORE_THAN", { valueType: "MONEY", unit: "đồng" }, "household"))).toBe(
      "trên 305.000.000 đ/1.000 hộ",
    );
  });

  it("signs differences; percentages differ in points", () => {
    expect(nb(formatDifference("1191", count))).toBe("+1.191 trường hợp");
    expect(nb(formatDifference("-12.5", count))).toBe("−12,5 trường hợp");
    expect(nb(formatDifference("0", count))).toBe("0 trường hợp");
    expect(nb(formatDifference("-2.5", { valueType: "PERCENT", unit: "%" }))).toBe("−2,5 điểm %");
    expect(nb(formatRatio("338.2"))).toBe("338,2 %");
    expect(nb(formatRatio("99.9999"))).toBe("100 %");
  });

  it("says how a figure was obtained", () => {
    expect(basisLabel({ basis: "reported", value: "1691", qualifier: "EXACT", years: [] }, "SUM")).toBe(
      "Số cả nhiệm kỳ theo nguồn",
    );
    expect(basisLabel({ basis: "computed", value: "9", qualifier: "EXACT", years: [2015, 2016, 2017] }, "SUM")).toBe(
      "Tổng các năm 2015–2017",
    );
    expect(basisLabel({ basis: "year", value: "9", qualifier: "EXACT", years: [2019] }, "SUM")).toBe(
      "Số liệu năm 2019",
    );
    expect(basisLabel({ basis: "none", value: null, qualifier: "EXACT", years: [] }, "SUM")).toBe("Chưa có số liệu");
  });
});

describe("roundTo", () => {
  it("rounds exact decimals for reading", () => {
    expect(roundTo("1678.8571", 1)).toBe("1678.9");
    expect(roundTo("91.1667", 1)).toBe("91.2");
    expect(roundTo("67.645", 2)).toBe("67.65");
    expect(roundTo("-2.25", 1)).toBe("-2.3");
    expect(roundTo("1691", 1)).toBe("1691");
    expect(readable("12373153846.1538", "MONEY")).toBe("12373153846");
    expect(readable("1678.8571", "COUNT")).toBe("1678.9");
  });

  it("keeps the bounds that 'trên' puts on a comparison", () => {
    expect(withBound("96,6 %", "lower")).toBe("trên 96,6 %");
    expect(withBound("96,6 %", "upper")).toBe("dưới 96,6 %");
    expect(withBound("96,6 %", "exact")).toBe("96,6 %");
    expect(withBound("96,6 %", "uncertain")).toBe("khoảng 96,6 % (chưa đủ căn cứ)");
  });
});
