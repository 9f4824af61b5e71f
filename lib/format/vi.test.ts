import { describe, expect, it } from "vitest";
import {
  formatCompact,
  formatDate,
  formatFigure,
  formatMoney,
  formatNumber,
  formatSource,
  nameWithUnit,
  shownUnit,
  formatYearFigure,
  figureColumn,
} from "./vi";

const nb = (s: string) => s.replace(/\u00a0/g, " ");

describe("Vietnamese number formatting", () => {
  it("groups thousands with dots and marks decimals with a comma", () => {
    expect(formatNumber("1691")).toBe("1.691");
    expect(formatNumber("1947")).toBe("1.947");
    expect(formatNumber("90.5")).toBe("90,5");
    expect(formatNumber("0")).toBe("0");
    expect(formatNumber("161")).toBe("161");
  });

  it("stays exact beyond what a float can hold", () => {
    expect(formatNumber("12345678901234567890")).toBe("12.345.678.901.234.567.890");
  });

  it("writes money in đồng", () => {
    expect(nb(formatMoney("305000000"))).toBe("305.000.000 đ");
    expect(nb(formatMoney("10934000000"))).toBe("10.934.000.000 đ");
  });

  it("keeps the report's 'trên' and the unit", () => {
    expect(nb(formatFigure("305000000", "MONEY", "đồng", "MORE_THAN"))).toBe("trên 305.000.000 đ");
    expect(nb(formatFigure("90", "PERCENT", "%", "MORE_THAN"))).toBe("trên 90 %");
    expect(nb(formatFigure("91.1667", "PERCENT", "%"))).toBe("91,2 %");
    expect(nb(formatFigure("90.5", "PERCENT", "%"))).toBe("90,5 %");
    expect(nb(formatFigure("1691", "COUNT", "trường hợp"))).toBe("1.691 trường hợp");
    expect(nb(formatFigure("860", "DECIMAL", "kg"))).toBe("860 kg");
    expect(formatFigure("1", "BOOLEAN", "đạt")).toBe("Đạt");
    expect(formatFigure("0", "BOOLEAN", "đạt")).toBe("Chưa đạt");
    expect(nb(formatFigure("3", "BOOLEAN", "năm"))).toBe("3 năm");
  });

  it("writes dates as dd/mm/yyyy whatever the server's time zone", () => {
    expect(formatDate("2019-11-05")).toBe("05/11/2019");
    expect(formatDate(new Date("2019-11-05T00:00:00Z"))).toBe("05/11/2019");
    expect(formatSource({ title: "Báo cáo của Đảng ủy phường Ngọc Thụy", issuedOn: "2019-11-05" })).toBe(
      "Báo cáo của Đảng ủy phường Ngọc Thụy, 05/11/2019",
    );
    expect(formatSource({ title: "Dữ liệu minh họa", issuedOn: null })).toBe("Dữ liệu minh họa");
  });
});

describe("formatCompact (chart axes)", () => {
  it("shortens millions and billions the Vietnamese way", () => {
    expect(formatCompact(12_000_000)).toBe("12 triệu"); // "triệu", never the abbreviation "tr"
    expect(formatCompact(10_934_000_000)).toBe("10,9 tỷ");
    expect(formatCompact(90.5)).toBe("90,5");
    expect(formatCompact(1691)).toBe("1.691");
  });
});

describe("formatTarget", () => {
  it("writes the comparison before the figure", async () => {
    const { formatTarget } = await import("./target");
    expect(nb(formatTarget({ comparison: "GTE", value: "90" }, "PERCENT", "%"))).toBe("≥ 90 %");
    expect(nb(formatTarget({ comparison: "LTE", value: "0" }, "COUNT", "hồ sơ"))).toBe("≤ 0 hồ sơ");
    expect(nb(formatTarget({ comparison: "GTE", value: "10000000000" }, "MONEY", "đồng"))).toBe("≥ 10.000.000.000 đ");
  });
});

describe("nameWithUnit", () => {
  it("puts the unit in brackets, except on yes/no questions", () => {
    expect(nameWithUnit({ name: "Số vụ vi phạm", valueType: "COUNT", unit: "trường hợp" })).toBe(
      "Số vụ vi phạm (trường hợp)",
    );
    expect(nameWithUnit({ name: "Đạt mô hình cơ quan điện tử", valueType: "BOOLEAN", unit: "đạt" })).toBe(
      "Đạt mô hình cơ quan điện tử",
    );
    expect(nameWithUnit({ name: "Đạt danh hiệu Tổ dân phố văn hóa", valueType: "BOOLEAN", unit: "năm" })).toBe(
      "Đạt danh hiệu Tổ dân phố văn hóa",
    );
  });
});

describe("shownUnit and formatYearFigure: yes/no indicators", () => {
  it("shows no unit beside a yes/no question, whatever unit counts its term", () => {
    expect(shownUnit({ valueType: "BOOLEAN", unit: "năm" })).toBeNull();
    expect(shownUnit({ valueType: "BOOLEAN", unit: "đạt" })).toBeNull();
    expect(shownUnit({ valueType: "COUNT", unit: "chi bộ" })).toBe("chi bộ");
  });

  it('writes a yes/no year as Đạt / Chưa đạt, never as "1 năm"', () => {
    expect(formatYearFigure("1", "BOOLEAN", "năm")).toBe("Đạt");
    expect(formatYearFigure("0", "BOOLEAN", "năm")).toBe("Chưa đạt");
    expect(nb(formatYearFigure("12", "COUNT", "cuộc"))).toBe("12 cuộc");
  });

  it("a term target in years stays a number of years", async () => {
    const { formatTarget } = await import("./target");
    expect(nb(formatTarget({ comparison: "GTE", value: "3" }, "BOOLEAN", "năm"))).toBe("≥ 3 năm");
  });
});

describe("figureColumn", () => {
  it("gives every figure of a column the decimals of its most precise one", () => {
    const f = figureColumn({ values: ["96", "96.8", null, "100"], valueType: "PERCENT", unit: "%" });
    expect(["96", "96.8", "100"].map((v) => nb(f(v)))).toEqual(["96,0 %", "96,8 %", "100,0 %"]);
    expect(nb(f("90", "MORE_THAN"))).toBe("trên 90,0 %");
    // rates are read to one decimal: 91,1667 rounds as formatFigure rounds it
    expect(nb(figureColumn({ values: ["91.1667", "90"], valueType: "PERCENT", unit: "%" })("90"))).toBe("90,0 %");
  });

  it("leaves whole columns and thousands alone", () => {
    const counts = figureColumn({ values: ["1691", "12"], valueType: "COUNT", unit: "trường hợp" });
    expect(nb(counts("1691"))).toBe("1.691 trường hợp");
    const decimals = figureColumn({ values: ["1234.5", "2000"], valueType: "DECIMAL", unit: "kg" });
    expect(nb(decimals("2000"))).toBe("2.000,0 kg");
  });
});
