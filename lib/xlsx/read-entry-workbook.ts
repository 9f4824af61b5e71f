import "server-only";
// Reads an uploaded workbook of the entry grid into rows, refusing — before any value is read — what
// is not our template (template marker, sheets, header columns), what is too big (zip size, sheets,
// rows, columns) and merged cells in the data area. Values are interpreted later (entry-import.ts).
// The template's sheets are streamed (exceljs's WorkbookReader), keeping only the cells the import
// reads; other sheets are never parsed. Loading the whole workbook into exceljs's model instead cost
// ~350 MiB for a file at the limits (742 000 cells, most of them in sheets the template does not have).

import ExcelJS from "exceljs";
import type { ImportFailure, ParsedEntryFile, ParsedRow, RawCell } from "@/lib/domain/entry-import";
import {
  GROUP_HEADERS,
  GROUP_SHEET,
  IMPORT_LIMITS,
  META_KEYS,
  SHEETS,
  TEMPLATE_ID,
  TEMPLATE_VERSION,
  WARD_HEADERS,
  WARD_SHEET,
  columnLetter,
} from "@/lib/domain/entry-template";
import { sheetsOf, streamSheets } from "./stream-sheets";
import { isOpenDocument, unzipWithinLimits } from "./zip-guard";

const fail = (message: string): ImportFailure => ({ ok: false, message });

/** An OpenDocument spreadsheet (LibreOffice, OpenOffice), recognised by its name or its content. */
export const ODS =
  "Hãy lưu tệp dạng Excel (.xlsx) rồi tải lên: tệp .ods (LibreOffice, OpenOffice) không được nhận. Trong LibreOffice: Tệp › Lưu thành…, chọn “Excel 2007-365 (.xlsx)”.";

const NOT_OURS =
  "Tệp không theo mẫu nhập liệu của hệ thống. Hãy bấm “Tải tệp Excel” trên trang này, điền vào tệp đó rồi tải lên.";

/** A cell as plain data: formulas, dates and errors are kept as such so the import can name them. */
export function rawCell(cell: ExcelJS.Cell): RawCell {
  const v = cell.value;
  if (v === null || v === undefined) return { kind: "empty" };
  if (typeof v === "number")
    return { kind: "number", value: v, percent: typeof cell.numFmt === "string" && cell.numFmt.includes("%") };
  if (typeof v === "string") return v.trim() === "" ? { kind: "empty" } : { kind: "text", text: v };
  if (typeof v === "boolean") return { kind: "boolean", value: v };
  if (v instanceof Date) return { kind: "date" };
  if ("formula" in v || "sharedFormula" in v) return { kind: "formula" };
  if ("error" in v) return { kind: "error", text: v.error };
  if ("richText" in v) {
    const text = v.richText.map((t) => t.text).join("");
    return text.trim() === "" ? { kind: "empty" } : { kind: "text", text };
  }
  if ("text" in v) return { kind: "text", text: String(v.text) };
  return { kind: "error", text: "không rõ" };
}

/** Plain text of a cell that names something (a code, a header), or "" when it holds anything else. */
function textOf(raw: RawCell): string {
  if (raw.kind === "text") return raw.text.normalize("NFC").trim();
  if (raw.kind === "number") return String(raw.value);
  return "";
}

/** Merged ranges of a sheet's XML (`<mergeCell ref="F12:G12"/>`) that reach row `fromRow` or below. */
function mergesFrom(xml: Buffer | undefined, fromRow: number): string[] {
  if (!xml) return [];
  const at = xml.indexOf("mergeCell");
  if (at < 0) return [];
  const ranges = [
    ...xml
      .subarray(at - 1)
      .toString("utf8")
      .matchAll(/<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]*)"/g),
  ];
  return ranges
    .map((m) => m[1])
    .filter((range) => {
      const m = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(range);
      return !m || Number(m[2]) >= fromRow;
    });
}

function sizeProblem(ws: SheetRead): string | null {
  if (ws.rowCount > IMPORT_LIMITS.rowsPerSheet)
    return `Trang “${ws.name}” có ${ws.rowCount} dòng, quá giới hạn ${IMPORT_LIMITS.rowsPerSheet} dòng.`;
  if (ws.columnCount > IMPORT_LIMITS.columnsPerSheet)
    return `Trang “${ws.name}” có ${ws.columnCount} cột, quá giới hạn ${IMPORT_LIMITS.columnsPerSheet} cột.`;
  return null;
}

/** What the reader did: which sheets it parsed and how many rows it looked at (for tests and measurements). */
export type ReadTrace = { sheetsParsed: string[]; rowsVisited: number };

/** One template sheet as the stream gave it: only the cells the import reads, and its extent. */
type SheetRead = {
  name: string;
  rowCount: number;
  columnCount: number;
  /** the cells the import reads, by row number and column number */
  cells: Map<number, Map<number, RawCell>>;
  /** rows arrived out of order (a file no spreadsheet program writes) */
  disordered: boolean;
  /** group sheet: rows with a group's code, and its indicator columns (from the code row) */
  groups: number;
  indicators: number;
};

const EMPTY: RawCell = { kind: "empty" };
const cellOf = (ws: SheetRead, r: number, c: number | string) =>
  ws.cells.get(r)?.get(typeof c === "number" ? c : columnNumber(c)) ?? EMPTY;
const textAt = (ws: SheetRead, r: number, c: number | string) => textOf(cellOf(ws, r, c));
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/**
 * Which cells of a row the import reads. Meta: keys and values of the first 20 rows. Ward sheet: the
 * template's columns. Group sheet: every column of rows 1–8 (codes, headers); of data rows, column A
 * and the indicator and version columns named in row 7 (which streams before them).
 */
function keptColumns(kind: keyof typeof SHEETS, r: number, cellCount: number, groupColumns: number[]): number[] {
  if (kind === "meta") return r <= 20 ? [1, 2] : [];
  if (kind === "ward") return WARD_COLUMNS;
  if (r < GROUP_SHEET.firstDataRow) return Array.from({ length: cellCount }, (_, i) => i + 1);
  return [1, ...groupColumns];
}
const WARD_COLUMNS = Object.values(WARD_SHEET.columns).map(columnNumber);

/** The group sheet's indicator columns (and each one's version column), from its code row. */
function groupColumnsOf(ws: SheetRead): number[] {
  const columns: number[] = [];
  for (let col = GROUP_SHEET.firstIndicatorColumn; col <= ws.columnCount; col += 2) {
    if (!textAt(ws, GROUP_SHEET.codeRow, col)) break;
    columns.push(col, col + 1);
  }
  return columns;
}

/**
 * Reads the template's sheets as they stream from the (verified, stored) parts: sheets the template
 * does not have never reach the reader, and of the template's sheets only the cells the import reads
 * are kept, row by row — never the whole workbook in memory. Past a sheet's limits (rows, columns)
 * rows are only counted, for the message.
 */
async function streamTemplateSheets(
  parts: Map<string, Buffer>,
  wanted: Map<string, keyof typeof SHEETS>,
  trace?: ReadTrace,
): Promise<Map<keyof typeof SHEETS, SheetRead>> {
  const out = new Map<keyof typeof SHEETS, SheetRead>();
  const groupColumns = new Map<SheetRead, number[]>();
  await streamSheets(parts, new Set(wanted.keys()), (name, row) => {
    const kind = wanted.get(name)!;
    let ws = out.get(kind);
    if (!ws) {
      ws = { name, rowCount: 0, columnCount: 0, cells: new Map(), disordered: false, groups: 0, indicators: 0 };
      out.set(kind, ws);
      trace?.sheetsParsed.push(name);
    } else if (ws.name !== name) return;
    if (trace) trace.rowsVisited++;
    if (row.number <= ws.rowCount) ws.disordered = true;
    ws.rowCount = Math.max(ws.rowCount, row.number);
    ws.columnCount = Math.max(ws.columnCount, row.cellCount);
    if (
      ws.rowCount > IMPORT_LIMITS.rowsPerSheet ||
      ws.columnCount > IMPORT_LIMITS.columnsPerSheet ||
      ws.groups * ws.indicators > IMPORT_LIMITS.groupValues
    ) {
      // refused for its size: nothing more is kept, rows (and groups) are only counted for the message
      ws.cells.clear();
      if (kind === "groups" && row.number >= GROUP_SHEET.firstDataRow && textOf(rawCell(row.getCell(1)))) ws.groups++;
      return;
    }
    const cells = new Map<number, RawCell>();
    for (const c of keptColumns(kind, row.number, row.cellCount, groupColumns.get(ws) ?? [])) {
      if (c > row.cellCount) continue;
      const raw = rawCell(row.getCell(c));
      if (raw.kind !== "empty") cells.set(c, raw);
    }
    if (cells.size > 0) ws.cells.set(row.number, cells);
    if (kind !== "groups") return;
    if (row.number === GROUP_SHEET.codeRow) {
      const columns = groupColumnsOf(ws);
      groupColumns.set(ws, columns);
      ws.indicators = columns.length / 2;
    } else if (row.number >= GROUP_SHEET.firstDataRow && textOf(cells.get(1) ?? EMPTY)) ws.groups++;
  });
  return out;
}

const CORRUPT = "Không đọc được tệp Excel: tệp hỏng hoặc không phải định dạng .xlsx.";

/** `trace`: filled with what was parsed (tests, measurements). */
export async function readEntryWorkbook(
  bytes: Uint8Array,
  trace?: ReadTrace,
): Promise<({ ok: true } & ParsedEntryFile) | ImportFailure> {
  const zip = await unzipWithinLimits(bytes, {
    entries: IMPORT_LIMITS.zipEntries,
    totalBytes: IMPORT_LIMITS.unzippedBytes,
    partBytes: IMPORT_LIMITS.unzippedPartBytes,
  });
  if (!zip.ok) {
    if (zip.code === "invalid")
      return fail("Tệp không phải là tệp Excel .xlsx đọc được. Tệp .xls cũ hãy mở bằng Excel và lưu lại dạng .xlsx.");
    if (zip.over === "entries")
      return fail(`Tệp Excel có quá nhiều phần (quá ${IMPORT_LIMITS.zipEntries}). Tệp mẫu chỉ có vài chục phần.`);
    return fail(
      `Tệp Excel quá lớn khi giải nén (quá ${IMPORT_LIMITS.unzippedBytes / 1048576} MB, hoặc một phần quá ${IMPORT_LIMITS.unzippedPartBytes / 1048576} MB). Tệp mẫu chỉ vài trăm KB.`,
    );
  }
  if (isOpenDocument(zip.parts)) return fail(ODS);
  const parts = new Map(zip.parts.map((p) => [p.name, p.data]));
  if (!parts.has("xl/workbook.xml")) return fail(CORRUPT);
  const sheets = sheetsOf(parts);
  if (sheets.length > IMPORT_LIMITS.sheets)
    return fail(`Tệp có ${sheets.length} trang tính, quá giới hạn ${IMPORT_LIMITS.sheets}. ${NOT_OURS}`);

  let read: Map<keyof typeof SHEETS, SheetRead>;
  try {
    const wanted = new Map(Object.entries(SHEETS).map(([kind, name]) => [name as string, kind as keyof typeof SHEETS]));
    read = await streamTemplateSheets(parts, wanted, trace);
  } catch {
    return fail(CORRUPT);
  }
  if ([...read.values()].some((ws) => ws.disordered)) return fail(CORRUPT);
  const xmlOf = (name: string) => {
    const part = sheets.find((s) => s.name === name)?.part;
    return part ? parts.get(part) : undefined;
  };

  const meta = read.get("meta");
  if (!meta) return fail(`${NOT_OURS} (Không thấy dấu hiệu mẫu.)`);
  const metaValues = new Map<string, string>();
  for (let r = 1; r <= Math.min(meta.rowCount, 20); r++) metaValues.set(textAt(meta, r, 1), textAt(meta, r, 2));
  if (metaValues.get(META_KEYS.template) !== TEMPLATE_ID) return fail(`${NOT_OURS} (Không thấy dấu hiệu mẫu.)`);
  if (metaValues.get(META_KEYS.version) !== String(TEMPLATE_VERSION)) {
    return fail(
      `Tệp theo mẫu phiên bản ${metaValues.get(META_KEYS.version) || "không rõ"}, hệ thống đang dùng mẫu phiên bản ${TEMPLATE_VERSION}. Hãy tải tệp mẫu mới.`,
    );
  }
  const header = {
    ward: metaValues.get(META_KEYS.ward) ?? "",
    year: Number(metaValues.get(META_KEYS.year)),
    programme: metaValues.get(META_KEYS.programme) ?? "",
  };
  if (!header.ward || !Number.isInteger(header.year) || !header.programme)
    return fail(`${NOT_OURS} (Thiếu đơn vị, năm hoặc chương trình.)`);

  const ward = read.get("ward");
  if (!ward) return fail(`${NOT_OURS} (Thiếu trang “${SHEETS.ward}”.)`);
  const rows: ParsedRow[] = [];
  const wardRows = readWardSheet(ward, xmlOf(ward.name), header.ward, rows);
  if (wardRows) return wardRows;
  const groups = read.get("groups");
  if (groups) {
    const problem = readGroupSheet(groups, xmlOf(groups.name), rows);
    if (problem) return problem;
  }
  return { ok: true, header, rows };
}

/** The row numbers of a sheet that hold a kept cell, from `from` on, in order. */
const rowsFrom = (ws: SheetRead, from: number) => [...ws.cells.keys()].filter((r) => r >= from).sort((a, b) => a - b);

function readWardSheet(
  ws: SheetRead,
  xml: Buffer | undefined,
  wardSlug: string,
  rows: ParsedRow[],
): ImportFailure | null {
  const size = sizeProblem(ws);
  if (size) return fail(size);
  const C = WARD_SHEET.columns;
  const expected: [string, string][] = [
    [C.code, WARD_HEADERS.code],
    [C.name, WARD_HEADERS.name],
    [C.value, WARD_HEADERS.value],
    [C.qualifier, WARD_HEADERS.qualifier],
    [C.note, WARD_HEADERS.note],
    [C.version, WARD_HEADERS.version],
  ];
  const missing = expected.filter(([col, name]) => !textAt(ws, WARD_SHEET.headerRow, col).startsWith(name));
  if (missing.length > 0) {
    return fail(
      `${NOT_OURS} (Trang “${ws.name}”: dòng ${WARD_SHEET.headerRow} thiếu cột ${missing.map(([col, n]) => `“${n}” (cột ${col})`).join(", ")}.)`,
    );
  }
  const merged = mergesFrom(xml, WARD_SHEET.firstDataRow);
  if (merged.length > 0)
    return fail(
      `Trang “${ws.name}” có ô gộp trong vùng số liệu (${merged.slice(0, 3).join(", ")}). Hãy bỏ gộp ô rồi tải lên lại.`,
    );

  for (const r of rowsFrom(ws, WARD_SHEET.firstDataRow)) {
    const code = textAt(ws, r, C.code);
    const value = cellOf(ws, r, C.value);
    const qualifier = cellOf(ws, r, C.qualifier);
    const note = cellOf(ws, r, C.note);
    if (!code) {
      // section headings and blank rows have no code; a value typed there would be lost silently
      const stray = [
        [C.value, value],
        [C.note, note],
      ].find(([, v]) => (v as RawCell).kind !== "empty");
      if (stray)
        return fail(
          `Ô ${stray[0]}${r} có dữ liệu nhưng dòng ${r} không có mã chỉ tiêu (cột ${C.code} ẩn). Hãy nhập vào đúng dòng của chỉ tiêu trong tệp mẫu.`,
        );
      continue;
    }
    rows.push({
      sheet: "ward",
      unit: wardSlug,
      indicator: code,
      value,
      valueRef: `${C.value}${r}`,
      qualifier: { cell: qualifier, ref: `${C.qualifier}${r}` },
      note: { cell: note, ref: `${C.note}${r}` },
      version: cellOf(ws, r, C.version),
      versionRef: `${C.version}${r}`,
      codeRef: `${C.code}${r}`,
    });
  }
  return null;
}

function readGroupSheet(ws: SheetRead, xml: Buffer | undefined, rows: ParsedRow[]): ImportFailure | null {
  const size = sizeProblem(ws);
  if (size) return fail(size);
  if (ws.groups * ws.indicators > IMPORT_LIMITS.groupValues) {
    const n = (k: number) => k.toLocaleString("vi-VN");
    return fail(
      `Trang “${ws.name}” có ${n(ws.groups)} tổ × ${n(ws.indicators)} chỉ tiêu (${n(ws.groups * ws.indicators)} ô số liệu), quá giới hạn ${n(IMPORT_LIMITS.groupValues)} ô. Tệp mẫu chỉ có các tổ dân phố của phường và các chỉ tiêu cấp tổ của chương trình: hãy tải tệp mẫu mới.`,
    );
  }
  const H = GROUP_SHEET.headerRow;
  if (textAt(ws, H, 1) !== GROUP_HEADERS.slug || textAt(ws, H, 2) !== GROUP_HEADERS.name) {
    return fail(`${NOT_OURS} (Trang “${ws.name}”: dòng ${GROUP_SHEET.headerRow} không phải tiêu đề của mẫu.)`);
  }
  const merged = mergesFrom(xml, GROUP_SHEET.firstDataRow);
  if (merged.length > 0)
    return fail(
      `Trang “${ws.name}” có ô gộp trong vùng số liệu (${merged.slice(0, 3).join(", ")}). Hãy bỏ gộp ô rồi tải lên lại.`,
    );
  const columns: { col: number; code: string }[] = [];
  for (let col = GROUP_SHEET.firstIndicatorColumn; col <= ws.columnCount; col += 2) {
    const code = textAt(ws, GROUP_SHEET.codeRow, col);
    if (!code) break;
    if (textAt(ws, GROUP_SHEET.codeRow, col + 1) !== GROUP_HEADERS.version) {
      return fail(`${NOT_OURS} (Trang “${ws.name}”: cột ${columnLetter(col + 1)} phải là cột phiên bản ẩn.)`);
    }
    columns.push({ col, code });
  }
  for (const r of rowsFrom(ws, GROUP_SHEET.firstDataRow)) {
    const unit = textAt(ws, r, 1);
    if (!unit) {
      const stray = columns.find(({ col }) => cellOf(ws, r, col).kind !== "empty");
      if (stray)
        return fail(`Ô ${columnLetter(stray.col)}${r} có dữ liệu nhưng dòng ${r} không có mã tổ dân phố (cột A ẩn).`);
      continue;
    }
    for (const { col, code } of columns) {
      const where = (c: number) => `${columnLetter(c)}${r} (trang “${ws.name}”)`;
      rows.push({
        sheet: "groups",
        unit,
        indicator: code,
        value: cellOf(ws, r, col),
        valueRef: where(col),
        version: cellOf(ws, r, col + 1),
        versionRef: where(col + 1),
        codeRef: where(col),
      });
    }
  }
  return null;
}
