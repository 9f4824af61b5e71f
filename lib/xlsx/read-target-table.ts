import "server-only";
// An uploaded target file (Excel .xlsx or CSV) read into rows of text, with the entry import's guards:
// the zip inflated within limits before exceljs sees it, only the first sheet streamed (stream-sheets.ts),
// rows and columns capped, formulas named instead of trusted. What the text means is read by lib/services/targets.ts.
import { IMPORT_LIMITS } from "@/lib/domain/entry-template";
import { parseCsvRecords } from "@/lib/format/entry-csv";
import { ODS, rawCell } from "./read-entry-workbook";
import { sheetsOf, streamSheets } from "./stream-sheets";
import { isOpenDocument, unzipWithinLimits } from "./zip-guard";

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
  // only the first sheet is streamed, and of it the first 10 columns: never the whole workbook
  const parts = new Map(zip.parts.map((p) => [p.name, p.data]));
  const first = sheetsOf(parts)[0];
  if (!first) return { ok: false, message: "Tệp rỗng." };
  const read = new Map<number, string[]>();
  let rowCount = 0;
  let columnCount = 0;
  try {
    await streamSheets(parts, new Set([first.name]), (_, row) => {
      rowCount = Math.max(rowCount, row.number);
      columnCount = Math.max(columnCount, row.cellCount);
      if (rowCount > IMPORT_LIMITS.rowsPerSheet || columnCount > IMPORT_LIMITS.columnsPerSheet) return read.clear();
      const cells: string[] = [];
      for (let c = 1; c <= Math.min(row.cellCount, 10); c++) {
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
      read.set(row.number, cells);
    });
  } catch {
    return { ok: false, message: "Không đọc được tệp Excel: tệp hỏng hoặc không phải định dạng .xlsx." };
  }
  if (rowCount > IMPORT_LIMITS.rowsPerSheet || columnCount > IMPORT_LIMITS.columnsPerSheet)
    return { ok: false, message: `Trang tính quá lớn: tối đa ${IMPORT_LIMITS.rowsPerSheet} dòng.` };
  // every row from the first to the last, each as wide as the widest (up to 10 columns), as before
  const width = Math.min(columnCount, 10);
  const rows = Array.from({ length: rowCount }, (_, i) => {
    const cells = read.get(i + 1) ?? [];
    return Array.from({ length: width }, (_, c) => cells[c] ?? "");
  });
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
