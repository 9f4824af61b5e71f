import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readTargetTable } from "./read-target-table";

async function targetWorkbook(extraSheet: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Chỉ tiêu");
  ws.getCell("A1").value = "Mã";
  ws.getCell("B1").value = "Chỉ tiêu";
  ws.getCell("C1").value = "Mục tiêu";
  ws.getCell("A2").value = "ra-quan-xu-ly";
  ws.getCell("B2").value = "Ra quân xử lý";
  ws.getCell("C2").value = 12.5;
  // row 3 left empty; row 4 a formula and a cell past the 10 columns read
  ws.getCell("A4").value = "vp-khac";
  ws.getCell("C4").value = { formula: "1+1", result: 2 };
  ws.getCell("L4").value = "ngoài";
  if (extraSheet) {
    const more = wb.addWorksheet("Ghi chú");
    for (let r = 1; r <= 500; r++) more.addRow(Array.from({ length: 20 }, (_, c) => r * 100 + c));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("target table from .xlsx", () => {
  it("reads the first sheet's rows, every row up to the last, 10 columns wide, whatever other sheets hold", async () => {
    const expected = [
      ["Mã", "Chỉ tiêu", "Mục tiêu", "", "", "", "", "", "", ""],
      ["ra-quan-xu-ly", "Ra quân xử lý", "12,5", "", "", "", "", "", "", ""],
      ["", "", "", "", "", "", "", "", "", ""],
      ["vp-khac", "", "\u0000formula", "", "", "", "", "", "", ""],
    ];
    for (const extra of [false, true]) {
      expect(await readTargetTable({ name: "muc-tieu.xlsx", bytes: await targetWorkbook(extra) })).toEqual({
        ok: true,
        rows: expected,
      });
    }
  });

  it("refuses a first sheet past the row limit", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Chỉ tiêu").getCell("A2500").value = "x";
    expect(
      await readTargetTable({ name: "muc-tieu.xlsx", bytes: new Uint8Array(await wb.xlsx.writeBuffer()) }),
    ).toEqual({ ok: false, message: "Trang tính quá lớn: tối đa 2000 dòng." });
  });
});
