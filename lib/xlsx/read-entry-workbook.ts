import "server-only";
// Reads an uploaded workbook of the entry grid into rows, refusing — before any value is read — what
// is not our template (template marker, sheets, header columns), what is too big (zip size, sheets,
// rows, columns) and merged cells in the data area. Values are interpreted later (entry-import.ts).

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
import { isOpenDocument, storedZip, unzipWithinLimits } from "./zip-guard";

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
function textOf(cell: ExcelJS.Cell): string {
  const raw = rawCell(cell);
  if (raw.kind === "text") return raw.text.normalize("NFC").trim();
  if (raw.kind === "number") return String(raw.value);
  return "";
}

/** Merged ranges that reach row `fromRow` or below. */
function mergesFrom(ws: ExcelJS.Worksheet, fromRow: number): string[] {
  return (ws.model.merges ?? []).filter((range) => {
    const m = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(range);
    return !m || Number(m[2]) >= fromRow;
  });
}

function sizeProblem(ws: ExcelJS.Worksheet): string | null {
  if (ws.rowCount > IMPORT_LIMITS.rowsPerSheet)
    return `Trang “${ws.name}” có ${ws.rowCount} dòng, quá giới hạn ${IMPORT_LIMITS.rowsPerSheet} dòng.`;
  if (ws.columnCount > IMPORT_LIMITS.columnsPerSheet)
    return `Trang “${ws.name}” có ${ws.columnCount} cột, quá giới hạn ${IMPORT_LIMITS.columnsPerSheet} cột.`;
  return null;
}

export async function readEntryWorkbook(bytes: Uint8Array): Promise<({ ok: true } & ParsedEntryFile) | ImportFailure> {
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
  const wb = new ExcelJS.Workbook();
  try {
    // the verified parts, stored without compression: the reader has nothing left to inflate
    await wb.xlsx.load(storedZip(zip.parts) as unknown as ArrayBuffer);
  } catch {
    return fail("Không đọc được tệp Excel: tệp hỏng hoặc không phải định dạng .xlsx.");
  }
  if (wb.worksheets.length > IMPORT_LIMITS.sheets)
    return fail(`Tệp có ${wb.worksheets.length} trang tính, quá giới hạn ${IMPORT_LIMITS.sheets}. ${NOT_OURS}`);

  const meta = wb.getWorksheet(SHEETS.meta);
  if (!meta) return fail(`${NOT_OURS} (Không thấy dấu hiệu mẫu.)`);
  const metaValues = new Map<string, string>();
  for (let r = 1; r <= Math.min(meta.rowCount, 20); r++)
    metaValues.set(textOf(meta.getCell(r, 1)), textOf(meta.getCell(r, 2)));
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

  const ward = wb.getWorksheet(SHEETS.ward);
  if (!ward) return fail(`${NOT_OURS} (Thiếu trang “${SHEETS.ward}”.)`);
  const rows: ParsedRow[] = [];
  const wardRows = readWardSheet(ward, header.ward, rows);
  if (wardRows) return wardRows;
  const groups = wb.getWorksheet(SHEETS.groups);
  if (groups) {
    const problem = readGroupSheet(groups, rows);
    if (problem) return problem;
  }
  return { ok: true, header, rows };
}

function readWardSheet(ws: ExcelJS.Worksheet, wardSlug: string, rows: ParsedRow[]): ImportFailure | null {
  const size = sizeProblem(ws);
  if (size) return fail(size);
  const C = WARD_SHEET.columns;
  const head = ws.getRow(WARD_SHEET.headerRow);
  const expected: [string, string][] = [
    [C.code, WARD_HEADERS.code],
    [C.name, WARD_HEADERS.name],
    [C.value, WARD_HEADERS.value],
    [C.qualifier, WARD_HEADERS.qualifier],
    [C.note, WARD_HEADERS.note],
    [C.version, WARD_HEADERS.version],
  ];
  const missing = expected.filter(([col, name]) => !textOf(head.getCell(col)).startsWith(name));
  if (missing.length > 0) {
    return fail(
      `${NOT_OURS} (Trang “${ws.name}”: dòng ${WARD_SHEET.headerRow} thiếu cột ${missing.map(([col, n]) => `“${n}” (cột ${col})`).join(", ")}.)`,
    );
  }
  const merged = mergesFrom(ws, WARD_SHEET.firstDataRow);
  if (merged.length > 0)
    return fail(
      `Trang “${ws.name}” có ô gộp trong vùng số liệu (${merged.slice(0, 3).join(", ")}). Hãy bỏ gộp ô rồi tải lên lại.`,
    );

  for (let r = WARD_SHEET.firstDataRow; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const code = textOf(row.getCell(C.code));
    const value = rawCell(row.getCell(C.value));
    const qualifier = rawCell(row.getCell(C.qualifier));
    const note = rawCell(row.getCell(C.note));
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
      version: rawCell(row.getCell(C.version)),
      versionRef: `${C.version}${r}`,
      codeRef: `${C.code}${r}`,
    });
  }
  return null;
}

function readGroupSheet(ws: ExcelJS.Worksheet, rows: ParsedRow[]): ImportFailure | null {
  const size = sizeProblem(ws);
  if (size) return fail(size);
  const head = ws.getRow(GROUP_SHEET.headerRow);
  if (textOf(head.getCell(1)) !== GROUP_HEADERS.slug || textOf(head.getCell(2)) !== GROUP_HEADERS.name) {
    return fail(`${NOT_OURS} (Trang “${ws.name}”: dòng ${GROUP_SHEET.headerRow} không phải tiêu đề của mẫu.)`);
  }
  const merged = mergesFrom(ws, GROUP_SHEET.firstDataRow);
  if (merged.length > 0)
    return fail(
      `Trang “${ws.name}” có ô gộp trong vùng số liệu (${merged.slice(0, 3).join(", ")}). Hãy bỏ gộp ô rồi tải lên lại.`,
    );
  const codes = ws.getRow(GROUP_SHEET.codeRow);
  const columns: { col: number; code: string }[] = [];
  for (let col = GROUP_SHEET.firstIndicatorColumn; col <= ws.columnCount; col += 2) {
    const code = textOf(codes.getCell(col));
    if (!code) break;
    if (textOf(codes.getCell(col + 1)) !== GROUP_HEADERS.version) {
      return fail(`${NOT_OURS} (Trang “${ws.name}”: cột ${columnLetter(col + 1)} phải là cột phiên bản ẩn.)`);
    }
    columns.push({ col, code });
  }
  for (let r = GROUP_SHEET.firstDataRow; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const unit = textOf(row.getCell(1));
    if (!unit) {
      const stray = columns.find(({ col }) => rawCell(row.getCell(col)).kind !== "empty");
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
        value: rawCell(row.getCell(col)),
        valueRef: where(col),
        version: rawCell(row.getCell(col + 1)),
        versionRef: where(col + 1),
        codeRef: where(col),
      });
    }
  }
  return null;
}
