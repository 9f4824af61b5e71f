import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { summarizeZip } from "./zip-guard";

describe("zip guard", () => {
  it("reads the entry count and uncompressed size of a workbook", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("a").getCell("A1").value = "x".repeat(10_000);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const s = summarizeZip(bytes)!;
    expect(s.entries).toBeGreaterThan(3);
    expect(s.uncompressedBytes).toBeGreaterThan(10_000);
    expect(s.uncompressedBytes).toBeGreaterThan(bytes.length);
  });

  it("refuses what is not a zip", () => {
    expect(summarizeZip(new TextEncoder().encode("Mã phường;Năm\r\n"))).toBeNull();
    expect(summarizeZip(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toBeNull();
  });
});
