import "server-only";
// An uploaded target file (Excel .xlsx or CSV) read into rows of text, with the entry import's guards:
// the zip inflated within limits before exceljs sees it, sheets, rows and columns capped, formulas
// named instead of trusted. What the text means is read by lib/services/targets.ts.
import ExcelJS from "exceljs";
import { IMPORT_LIMITS } from "@/lib/domain/entry-template";
import { parseCsvRecords } from "@/lib/format/entry-csv";
import { ODS, rawCell } from "./read-entry-workbook";
import { isOpenDocument, storedZip, unzipWithinLimits } from "./zip-guard";

export type TableOutcome = { ok: true; rows: string[][] } | { ok: false; message: string };

const FORMULA = "\u0000formula";
/** A cell holding a formula reads as this marker: the import refuses it, naming the cell. */
export const isFormulaCell = (s: string) => s === FORMULA;

function readCsv(bytes: Uint8Array): TableOutcome {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: "Tệp CSV phải lưu dạng UTF-8 (trong Excel: Lưu thành › “CSV UTF-8”)." };
  }
  text = text.replace(/^\ufeff/, "");
  const first = text.split(/\r?\n/, 1)[0] ?? "";
  const rows = parseCsvRecords(text, first.includes(";") ? ";" : ",");
  if (!rows) return { ok: false, message: `Tệp CSV hỏng hoặc dài quá ${IMPORT_LIMITS.csvRows} dòng.` };
  return { ok: true, rows: rows.map((r) => r.map((c) => c.replace(/^'(?=[=+\-@])/, ""))) };
}

async function readXlsx(bytes: Uint8Array): Promise<TableOutcome> {
  const zip = await unzipWithinLimits(bytes, {
    entries: IMPORT_LIMITS.zipEntries,
    totalBytes: IMPORT_LIMITS.unzippedBytes,
    partBytes: IMPORT_LIMITS.unzippedPartBytes,
  });
  if (!zip.ok)
    return {
      ok: false,
      message:
        zip.code === "invalid"
          ? "Tệp không phải là tệp Excel .xlsx đọc được. Tệp .xls cũ hãy mở bằng Excel và lưu lại dạng .xlsx."
          : "Tệp Excel quá lớn khi giải nén.",
    };
  if (isOpenDocument(zip.parts)) return { ok: false, message: ODS };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(storedZip(zip.parts) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, message: "Không đọc được tệp Excel: tệp hỏng hoặc không phải định dạng .xlsx." };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { ok: false, message: "Tệp rỗng." };
  if (ws.rowCount > IMPORT_LIMITS.rowsPerSheet || ws.columnCount > IMPORT_LIMITS.columnsPerSheet)
    return { ok: false, message: `Trang tính quá lớn: tối đa ${IMPORT_LIMITS.rowsPerSheet} dòng.` };
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(ws.columnCount, 10); c++) {
      const raw = rawCell(row.getCell(c));
      cells.push(
        raw.kind === "text"
          ? raw.text
          : raw.kind === "number"
            ? // Excel's own number, written the Vietnamese way so the cell parser reads it
              String(raw.value).replace(".", ",")
            : raw.kind === "formula"
              ? FORMULA
              : "",
      );
    }
    rows.push(cells);
  }
  return { ok: true, rows };
}

/** The rows of an uploaded target file, by its name (.xlsx or .csv). */
export async function readTargetTable(file: { name: string; bytes: Uint8Array }): Promise<TableOutcome> {
  if (file.bytes.length === 0) return { ok: false, message: "Tệp rỗng." };
  if (/\.ods$/i.test(file.name)) return { ok: false, message: ODS };
  if (/\.csv$/i.test(file.name)) return readCsv(file.bytes);
  if (/\.xlsx$/i.test(file.name)) return readXlsx(file.bytes);
  return { ok: false, message: "Hãy tải lên tệp Excel (.xlsx) hoặc CSV." };
}
