import { describe, expect, it } from "vitest";
import { figureProse, moneyInUnits, moneyProse, numberToWords } from "./vi-words";

describe("numberToWords", () => {
  it.each([
    [0, "không"],
    [5, "năm"],
    [10, "mười"],
    [15, "mười lăm"],
    [21, "hai mươi mốt"],
    [25, "hai mươi lăm"],
    [11, "mười một"],
    [105, "một trăm lẻ năm"],
    [110, "một trăm mười"],
    [1005, "một nghìn không trăm lẻ năm"],
    [1691, "một nghìn sáu trăm chín mươi mốt"],
    [1947, "một nghìn chín trăm bốn mươi bảy"],
    [1_000_005, "một triệu không trăm lẻ năm"],
    [305_000_000, "ba trăm lẻ năm triệu"],
    ["10934000000", "mười tỷ chín trăm ba mươi bốn triệu"],
    ["1000000000000", "một nghìn tỷ"],
    ["2000000001", "hai tỷ không trăm lẻ một"],
  ])("%s → %s", (n, words) => {
    expect(numberToWords(n)).toBe(words);
  });
});

describe("money", () => {
  it("names each non-zero group from 1 tỷ up, dropping nothing", () => {
    expect(moneyInUnits("10934000000")).toBe("10 tỷ 934 triệu đồng");
    expect(moneyInUnits("92500000")).toBe("92 triệu 500 nghìn đồng");
    expect(moneyInUnits("1000000250")).toBe("1 tỷ 250 đồng");
    expect(moneyInUnits("1500000000000")).toBe("1.500 tỷ đồng");
  });
  it("rounds to whole đồng, half away from zero", () => {
    expect(moneyInUnits("1000000000.5")).toBe("1 tỷ 1 đồng");
    expect(moneyProse("18000000.4")).toBe("18.000.000đ");
  });
  it("writes amounts under 1 tỷ in digits as the reports do, keeping “trên”", () => {
    expect(moneyProse("305000000", "MORE_THAN")).toBe("trên 305.000.000đ");
    expect(moneyProse("92500000")).toBe("92.500.000đ");
    expect(moneyProse("10934000000")).toBe("10 tỷ 934 triệu đồng");
  });
});

describe("figureProse", () => {
  it("keeps the unit and the qualifier", () => {
    expect(figureProse({ value: "1691", qualifier: "EXACT", valueType: "COUNT", unit: "trường hợp" })).toBe(
      "1.691 trường hợp",
    );
    expect(figureProse({ value: "500", qualifier: "MORE_THAN", valueType: "COUNT", unit: "hội viên" })).toBe(
      "trên 500 hội viên",
    );
  });
  it("reads a term average of a rate as “bình quân đạt”", () => {
    const f = { value: "90", qualifier: "MORE_THAN", valueType: "PERCENT", unit: "%", aggregation: "AVERAGE" } as const;
    expect(figureProse({ ...f, ofTerm: true })).toBe("bình quân đạt trên 90%");
    expect(figureProse({ ...f, ofTerm: false })).toBe("trên 90%");
    expect(figureProse({ ...f, value: "73.68", qualifier: "EXACT", ofTerm: false })).toBe("73,7%");
  });
  it("writes an achievement as đạt / chưa đạt", () => {
    expect(figureProse({ value: "1", qualifier: "EXACT", valueType: "BOOLEAN", unit: "đạt" })).toBe("đạt");
    expect(figureProse({ value: "0", qualifier: "EXACT", valueType: "BOOLEAN", unit: "đạt" })).toBe("chưa đạt");
  });
});
