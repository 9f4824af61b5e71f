import "server-only";
// The entry grid as an Excel workbook laid out like the form: a header block, the ward's indicators
// grouped by section (category sub-rows indented), the residential groups' indicators as a second
// sheet (groups × indicators), and a very hidden sheet that names the template, ward, year and
// programme so that an import recognises the file. Sheets are protected without a password: only
// the value, "trên" and note cells are editable — it guides, it is not security.

import ExcelJS from "exceljs";
import { allIndicators, cellOf, type EntryFileGrid, type GridIndicator } from "@/lib/domain/entry-file-grid";
import { figureStamp, versionCell } from "@/lib/domain/export-stamp";
import { formatDateTime } from "@/lib/format/date-time";
import { comparisonSign } from "@/lib/format/target";
import { nameWithUnit } from "@/lib/format/vi";
import {
  GROUP_HEADERS,
  GROUP_SHEET,
  META_KEYS,
  SHEETS,
  TEMPLATE_ID,
  TEMPLATE_VERSION,
  WARD_HEADERS,
  WARD_SHEET,
} from "@/lib/domain/entry-template";
import { decimalToCellNumber } from "@/lib/domain/excel-number";
import { formatViInput } from "@/lib/domain/vi-number";
import type { ValueType } from "@/lib/domain/enums";

const PROTECTION = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
} as const;
const EDITABLE_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF8DC" } };
const SECTION_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1E3A8A" } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FFCBD5E1" } },
  bottom: { style: "thin", color: { argb: "FFCBD5E1" } },
  left: { style: "thin", color: { argb: "FFCBD5E1" } },
  right: { style: "thin", color: { argb: "FFCBD5E1" } },
};

/** Excel number formats; the separators shown follow the computer's regional settings (1.691 on a Vietnamese Windows). */
const numFmt = (t: ValueType) => (t === "COUNT" || t === "MONEY" ? "#,##0" : "General");

/** A stored value as a cell: a number when Excel keeps it exactly, else Vietnamese text; Đạt/Chưa đạt for yes/no. */
function cellValue(value: string | null, valueType: ValueType): string | number | null {
  if (value === null) return null;
  if (valueType === "BOOLEAN") return formatViInput(value, valueType);
  return decimalToCellNumber(value) ?? formatViInput(value, valueType);
}

function headerBlock(ws: ExcelJS.Worksheet, grid: EntryFileGrid, title: string, exportedAt: Date) {
  ws.getCell("B1").value = title;
  ws.getCell("B1").font = { bold: true, size: 14 };
  const rows: [string, string | number][] = [
    ["Đơn vị", grid.ward.name],
    ["Năm", grid.year],
    ["Chương trình", `${grid.programme.code} — ${grid.programme.title}`],
    // dd/mm/yyyy hh:mm in Hà Nội time, as every moment the app shows (not "19:14 2/12/26")
    ["Xuất lúc", formatDateTime(exportedAt)],
    [
      "Hướng dẫn",
      "Chỉ sửa các ô nền vàng. Số viết kiểu Việt Nam (1.691; 90,5) hoặc để Excel tự định dạng; không dán công thức, không gộp ô. Ô trống = xóa giá trị.",
    ],
  ];
  rows.forEach(([label, value], i) => {
    ws.getCell(`B${i + 2}`).value = label;
    ws.getCell(`B${i + 2}`).font = { bold: true };
    ws.getCell(`C${i + 2}`).value = value;
    ws.getCell(`C${i + 2}`).alignment = { horizontal: "left", wrapText: false };
  });
}

function styleHeader(row: ExcelJS.Row) {
  row.font = { bold: true, color: { argb: "FFFFFFFF" } };
  row.alignment = { vertical: "middle", wrapText: true };
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.border = THIN;
  });
  row.height = 32;
}

function wardSheet(wb: ExcelJS.Workbook, grid: EntryFileGrid, exportedAt: Date) {
  const ws = wb.addWorksheet(SHEETS.ward, {
    views: [{ state: "frozen", xSplit: 2, ySplit: WARD_SHEET.headerRow }],
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const C = WARD_SHEET.columns;
  ws.columns = [
    { key: "code", width: 24, hidden: true },
    { key: "name", width: 62 },
    { key: "unit", width: 12 },
    { key: "lastYear", width: 16 },
    { key: "target", width: 16 },
    { key: "value", width: 18 },
    { key: "qualifier", width: 7 },
    { key: "note", width: 36 },
    { key: "version", width: 10, hidden: true },
  ];
  headerBlock(ws, grid, `Số liệu năm ${grid.year} — ${grid.programme.code}`, exportedAt);
  const header = ws.getRow(WARD_SHEET.headerRow);
  header.values = [
    WARD_HEADERS.code,
    WARD_HEADERS.name,
    WARD_HEADERS.unit,
    `Năm ${grid.year - 1}`,
    `Chỉ tiêu ${grid.year}`,
    `${WARD_HEADERS.value} ${grid.year}`,
    WARD_HEADERS.qualifier,
    WARD_HEADERS.note,
    WARD_HEADERS.version,
  ];
  styleHeader(header);

  let r = WARD_SHEET.firstDataRow;
  for (const section of grid.sections) {
    const own = section.indicators.filter((i) => !i.perGroup);
    if (own.length === 0) continue;
    const sectionRow = ws.getRow(r++);
    sectionRow.getCell(C.name).value = section.name;
    sectionRow.font = { bold: true };
    for (let c = 2; c <= 8; c++) sectionRow.getCell(c).fill = SECTION_FILL;
    for (const i of own) wardRow(ws.getRow(r++), grid, i);
  }
  ws.protect("", PROTECTION);
}

function wardRow(row: ExcelJS.Row, grid: EntryFileGrid, i: GridIndicator) {
  const C = WARD_SHEET.columns;
  const cell = cellOf(grid, grid.ward.slug, i.code);
  const last = grid.lastYear[i.code];
  const target = grid.targets[i.code];
  row.getCell(C.code).value = i.code;
  row.getCell(C.name).value = i.name;
  if (i.parentCode) row.getCell(C.name).alignment = { indent: 2 };
  row.getCell(C.unit).value = i.unit;
  if (last) {
    row.getCell(C.lastYear).value =
      last.qualifier === "MORE_THAN"
        ? `trên ${formatViInput(last.value, i.valueType)}`
        : cellValue(last.value, i.valueType);
    row.getCell(C.lastYear).numFmt = numFmt(i.valueType);
  }
  if (target)
    row.getCell(C.target).value = `${comparisonSign(target.comparison)} ${formatViInput(target.value, i.valueType)}`;
  const value = row.getCell(C.value);
  value.value = cellValue(cell.value, i.valueType);
  value.numFmt = numFmt(i.valueType);
  if (i.valueType === "BOOLEAN") {
    value.dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: ['"Đạt,Chưa đạt"'],
      showErrorMessage: true,
      error: "Chọn “Đạt” hoặc “Chưa đạt”.",
    };
  }
  row.getCell(C.qualifier).value = cell.qualifier === "MORE_THAN" ? "trên" : null;
  // computed from the groups' sheet when the file is imported: shown, not typed
  if (i.derivedFrom) {
    row.getCell(C.version).value = versionCell(cell.version, figureStamp(cell, true));
    row.getCell(C.note).value = cell.note ?? "Tính từ các tổ dân phố (trang “Tổ dân phố”).";
    row.eachCell({ includeEmpty: true }, (c) => (c.border = THIN));
    return;
  }
  // the "trên" column takes one word; a list keeps it to that
  row.getCell(C.qualifier).dataValidation = {
    type: "list",
    allowBlank: true,
    formulae: ['"trên"'],
    showErrorMessage: true,
    errorTitle: "Cột “Trên”",
    error: "Chỉ ghi “trên” (giá trị thực tế lớn hơn số đã nhập) hoặc để trống.",
  };
  row.getCell(C.note).value = cell.note;
  row.getCell(C.version).value = versionCell(cell.version, figureStamp(cell, true));
  for (const c of [C.value, C.qualifier, C.note]) {
    row.getCell(c).protection = { locked: false };
    row.getCell(c).fill = EDITABLE_FILL;
  }
  row.eachCell({ includeEmpty: true }, (c) => (c.border = THIN));
}

function groupSheet(wb: ExcelJS.Workbook, grid: EntryFileGrid, exportedAt: Date) {
  const indicators = allIndicators(grid).filter((i) => i.perGroup);
  if (indicators.length === 0 || grid.groups.length === 0) return;
  const ws = wb.addWorksheet(SHEETS.groups, {
    views: [{ state: "frozen", xSplit: 2, ySplit: GROUP_SHEET.headerRow }],
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  headerBlock(ws, grid, `Số liệu theo tổ dân phố, năm ${grid.year} — ${grid.programme.code}`, exportedAt);
  ws.getColumn(1).width = 24;
  ws.getColumn(1).hidden = true;
  ws.getColumn(2).width = 22;
  const codes = ws.getRow(GROUP_SHEET.codeRow);
  const header = ws.getRow(GROUP_SHEET.headerRow);
  codes.getCell(1).value = WARD_HEADERS.code;
  header.getCell(1).value = GROUP_HEADERS.slug;
  header.getCell(2).value = GROUP_HEADERS.name;
  indicators.forEach((i, k) => {
    const col = GROUP_SHEET.firstIndicatorColumn + 2 * k;
    codes.getCell(col).value = i.code;
    codes.getCell(col + 1).value = GROUP_HEADERS.version;
    header.getCell(col).value = nameWithUnit(i);
    header.getCell(col + 1).value = GROUP_HEADERS.version;
    ws.getColumn(col).width = 22;
    ws.getColumn(col + 1).hidden = true;
  });
  codes.hidden = true;
  styleHeader(header);
  header.height = 60;

  grid.groups.forEach((g, n) => {
    const row = ws.getRow(GROUP_SHEET.firstDataRow + n);
    row.getCell(1).value = g.slug;
    row.getCell(2).value = g.shortName;
    indicators.forEach((i, k) => {
      const col = GROUP_SHEET.firstIndicatorColumn + 2 * k;
      const cell = cellOf(grid, g.slug, i.code);
      const value = row.getCell(col);
      value.value = cellValue(cell.value, i.valueType);
      value.numFmt = numFmt(i.valueType);
      value.protection = { locked: false };
      value.fill = EDITABLE_FILL;
      if (i.valueType === "BOOLEAN") {
        value.dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: ['"Đạt,Chưa đạt"'],
          showErrorMessage: true,
          error: "Chọn “Đạt” hoặc “Chưa đạt”.",
        };
      }
      row.getCell(col + 1).value = versionCell(cell.version, figureStamp(cell, false));
    });
    row.eachCell({ includeEmpty: true }, (c) => (c.border = THIN));
  });
  ws.protect("", PROTECTION);
}

function metaSheet(wb: ExcelJS.Workbook, grid: EntryFileGrid, exportedAt: Date) {
  const ws = wb.addWorksheet(SHEETS.meta, { state: "veryHidden" });
  ws.addRows([
    [META_KEYS.template, TEMPLATE_ID],
    [META_KEYS.version, TEMPLATE_VERSION],
    [META_KEYS.ward, grid.ward.slug],
    [META_KEYS.year, grid.year],
    [META_KEYS.programme, grid.programme.slug],
    [META_KEYS.exportedAt, exportedAt.toISOString()],
  ]);
  ws.protect("", {});
}

export async function writeEntryWorkbook(grid: EntryFileGrid, exportedAt = new Date()): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Theo dõi Chương trình công tác toàn khóa";
  wb.created = exportedAt;
  wardSheet(wb, grid, exportedAt);
  groupSheet(wb, grid, exportedAt);
  metaSheet(wb, grid, exportedAt);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
