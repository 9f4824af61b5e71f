import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { IMPORT_LIMITS } from "@/lib/domain/entry-template";
import { unzip, workbookAtLimits, zip } from "../../scripts/lib/bench-jobs.mjs";

// bench:scale --jobs imports a workbook "at the limits": it must really be within every limit of the
// import (else the server refuses it before reading it, and the job measures nothing), and exceljs must
// see its extra sheets (else they cost the server nothing).
describe("the workbook at the import's limits (scripts/lib/bench-jobs.mjs)", () => {
  it("zips and unzips parts unchanged", () => {
    const parts = new Map([
      ["a.xml", Buffer.from("<a>Phường Ngọc Thụy</a>".repeat(100))],
      ["dir/b.bin", Buffer.from([0, 1, 2, 255])],
    ]);
    expect(unzip(zip(parts))).toEqual(parts);
  });

  const exported = async () => {
    const wb = new ExcelJS.Workbook();
    for (const name of ["Thông tin", "Phường", "Tổ dân phố"]) wb.addWorksheet(name).addRow([1, 2, 3]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };

  it("fits the upload and inflate limits, close to the 2 MB upload", async () => {
    const grown = workbookAtLimits(await exported());
    expect(grown.bytes.length).toBeLessThanOrEqual(IMPORT_LIMITS.bytes);
    expect(grown.bytes.length).toBeGreaterThan(IMPORT_LIMITS.bytes * 0.85);
    const parts = unzip(grown.bytes);
    expect(parts.size).toBeLessThanOrEqual(IMPORT_LIMITS.zipEntries);
    const sizes = [...parts.values()].map((b) => b.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(IMPORT_LIMITS.unzippedPartBytes);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(IMPORT_LIMITS.unzippedBytes);
    expect(grown.sheets).toBeLessThanOrEqual(IMPORT_LIMITS.sheets);
    expect(grown.rows).toBeLessThanOrEqual(IMPORT_LIMITS.rowsPerSheet);
    expect(grown.cells).toBe(grown.rows * 200 * 2);
  }, 30_000);

  it("adds sheets exceljs reads, cell by cell", async () => {
    const small = workbookAtLimits(await exported(), { rows: 30, columns: 12 });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(small.bytes as unknown as ArrayBuffer);
    expect(back.worksheets.map((w) => [w.name, w.rowCount, w.columnCount])).toEqual([
      ["Thông tin", 1, 3],
      ["Phường", 1, 3],
      ["Tổ dân phố", 1, 3],
      ["Phụ lục 1", 30, 12],
      ["Phụ lục 2", 30, 12],
    ]);
    expect(back.worksheets[4].getCell(30, 12).value).toBe(12);
  });
});
