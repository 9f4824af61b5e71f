import { describe, expect, it } from "vitest";
import { BOM, fileSlug, toCsv } from "./csv";

describe("toCsv", () => {
  it("starts with a BOM and ends lines with CRLF", () => {
    const csv = toCsv(["Năm", "Giá trị"], [["2019", "1691"]]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1)).toBe("Năm,Giá trị\r\n2019,1691\r\n");
  });
  it("quotes separators, quotes and line breaks, and leaves empty cells empty", () => {
    const csv = toCsv(["a", "b", "c"], [['Tổ 22, "Xanh"', null, "x\ny"]]);
    expect(csv.slice(1).split("\r\n")[1]).toBe('"Tổ 22, ""Xanh""",,"x\ny"');
  });
});

describe("fileSlug", () => {
  it("drops diacritics for file names", () => {
    expect(fileSlug("Vi phạm trật tự đô thị – Đường 25m")).toBe("vi-pham-trat-tu-do-thi-duong-25m");
  });
});
