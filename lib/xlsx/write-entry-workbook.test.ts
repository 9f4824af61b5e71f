import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { EntryFileGrid } from "@/lib/domain/entry-file-grid";
import { SHEETS } from "@/lib/domain/entry-template";
import { writeEntryWorkbook } from "./write-entry-workbook";

const grid: EntryFileGrid = {
  ward: { id: 1, slug: "ngoc-thuy", name: "Phường Ngọc Thụy", shortName: "Ngọc Thụy" },
  year: 2020,
  periodId: 1,
  programme: { id: 1, slug: "03-CTr-QU", code: "03-CTr/QU", title: "Chương trình 03" },
  submission: null,
  sections: [],
  groups: [],
  cells: {},
  lastYear: {},
  targets: {},
  history: {},
  rules: [],
};

describe("entry workbook header", () => {
  it("writes the export time as dd/mm/yyyy hh:mm with a 4-digit year, in Hà Nội time", async () => {
    const buffer = await writeEntryWorkbook(grid, new Date("2026-12-02T12:14:00Z"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(SHEETS.ward)!;
    const row = [2, 3, 4, 5, 6].find((r) => ws.getCell(`B${r}`).value === "Xuất lúc")!;
    expect(ws.getCell(`C${row}`).value).toBe("02/12/2026 19:14");
  });
});
