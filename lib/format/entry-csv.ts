// The entry grid as CSV, both ways. Written by the app's one CSV writer (./csv: BOM, ";", CRLF,
// formulas kept as text), with numbers in the Vietnamese format (1.691; 90,5) as Excel shows them
// there. The import accepts ";" or "," (a file re-saved elsewhere).

import { allIndicators, cellOf, type EntryFileGrid, type GridIndicator } from "@/lib/domain/entry-file-grid";
import { figureStamp, versionCell } from "@/lib/domain/export-stamp";
import { comparisonSign } from "./target";
import type { ImportFailure, ParsedEntryFile, ParsedRow, RawCell } from "@/lib/domain/entry-import";
import { CSV_COLUMNS, IMPORT_LIMITS, columnLetter } from "@/lib/domain/entry-template";
import { formatViInput } from "@/lib/domain/vi-number";
import { BOM, type CsvCell, FORMULA_START, toCsv } from "./csv";

const COLUMN_ORDER = Object.keys(CSV_COLUMNS) as (keyof typeof CSV_COLUMNS)[];

/** The whole grid, ward rows first (in the form's order), then each residential group's. */
export function entryGridToCsv(grid: EntryFileGrid): string {
  const rows: CsvCell[][] = [];
  const indicators = allIndicators(grid);
  const row = (unit: { slug: string; shortName: string }, i: GridIndicator, withContext: boolean) => {
    const cell = cellOf(grid, unit.slug, i.code);
    const last = withContext ? grid.lastYear[i.code] : undefined;
    const target = withContext ? grid.targets[i.code] : undefined;
    const values: Record<keyof typeof CSV_COLUMNS, CsvCell> = {
      ward: grid.ward.slug,
      year: grid.year,
      programme: grid.programme.slug,
      unit: unit.slug,
      unitName: unit.shortName,
      code: i.code,
      name: i.name,
      unitOfMeasure: i.unit,
      lastYear: last
        ? `${last.qualifier === "MORE_THAN" ? "trên " : ""}${formatViInput(last.value, i.valueType)}`
        : null,
      target: target ? `${comparisonSign(target.comparison)} ${formatViInput(target.value, i.valueType)}` : null,
      value: cell.value === null ? null : formatViInput(cell.value, i.valueType),
      qualifier: cell.qualifier === "MORE_THAN" ? "trên" : null,
      note: cell.note,
      version: versionCell(cell.version, figureStamp(cell, true)),
    };
    rows.push(COLUMN_ORDER.map((k) => values[k]));
  };
  for (const i of indicators) if (!i.perGroup) row(grid.ward, i, true);
  for (const g of grid.groups) for (const i of indicators) if (i.perGroup) row(g, i, false);
  return toCsv(
    COLUMN_ORDER.map((k) => CSV_COLUMNS[k]),
    rows,
  );
}

/** Splits CSV text into records of fields (RFC 4180: quotes, doubled quotes, line breaks in quotes). */
export function parseCsvRecords(text: string, separator: string): string[][] | null {
  const records: string[][] = [];
  let record: string[] = [];
  let f = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          f += '"';
          i++;
        } else quoted = false;
      } else f += c;
    } else if (c === '"' && f === "") quoted = true;
    else if (c === separator) {
      record.push(f);
      f = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(f);
      records.push(record);
      record = [];
      f = "";
      if (records.length > IMPORT_LIMITS.csvRows) return null;
    } else f += c;
  }
  if (quoted) return null;
  if (f !== "" || record.length > 0) {
    record.push(f);
    records.push(record);
  }
  return records;
}

const fail = (message: string): ImportFailure => ({ ok: false, message });

/** A CSV file of the entry grid, read into rows; refuses what is not our file before reading any value. */
export function readEntryCsv(bytes: Uint8Array): ({ ok: true } & ParsedEntryFile) | ImportFailure {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail("Tệp CSV không ở mã UTF-8. Trong Excel, hãy lưu lại bằng “CSV UTF-8 (Comma delimited)”.");
  }
  if (text.startsWith(BOM)) text = text.slice(1);
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const separator = count(firstLine, ";") >= count(firstLine, ",") ? ";" : ",";
  const records = parseCsvRecords(text, separator);
  if (!records) {
    return fail(
      `Tệp CSV không đọc được: có dấu ngoặc kép chưa đóng, hoặc quá ${IMPORT_LIMITS.csvRows.toLocaleString("vi-VN")} dòng.`,
    );
  }
  const [header = [], ...body] = records;
  const index = new Map(header.map((h, i) => [h.normalize("NFC").trim(), i]));
  const missing = COLUMN_ORDER.filter(
    (k) => !["unitName", "name", "unitOfMeasure", "lastYear", "target"].includes(k) && !index.has(CSV_COLUMNS[k]),
  );
  if (missing.length > 0) {
    return fail(
      `Tệp CSV không theo mẫu nhập liệu: thiếu cột ${missing.map((k) => `“${CSV_COLUMNS[k]}”`).join(", ")}. Hãy tải tệp CSV mẫu từ trang này.`,
    );
  }
  const col = (k: keyof typeof CSV_COLUMNS) => index.get(CSV_COLUMNS[k])!;
  const ref = (k: keyof typeof CSV_COLUMNS, line: number) => `${columnLetter(col(k) + 1)}${line}`;
  const rows: ParsedRow[] = [];
  let header0: ParsedEntryFile["header"] | null = null;
  for (let r = 0; r < body.length; r++) {
    const cells = body[r];
    const line = r + 2;
    const get = (k: keyof typeof CSV_COLUMNS) => (cells[col(k)] ?? "").normalize("NFC");
    if (cells.every((c) => c.trim() === "")) continue;
    const context = { ward: get("ward").trim(), year: Number(get("year").trim()), programme: get("programme").trim() };
    if (!header0) header0 = context;
    else if (
      context.ward !== header0.ward ||
      context.year !== header0.year ||
      context.programme !== header0.programme
    ) {
      return fail(
        `Dòng ${line} là số liệu của đơn vị, năm hoặc chương trình khác dòng 2; mỗi tệp chỉ chứa số liệu của một phường, một năm, một chương trình.`,
      );
    }
    const text = (k: keyof typeof CSV_COLUMNS): RawCell => {
      let v = get(k);
      if (v.startsWith("'") && FORMULA_START.test(v.slice(1)))
        v = v.slice(1); // the writer's own escape (./csv)
      else if (/^\s*=/.test(v)) return { kind: "formula" }; // it was a formula in the spreadsheet it came from
      return v.trim() === "" ? { kind: "empty" } : { kind: "text", text: v };
    };
    const unit = get("unit").trim();
    rows.push({
      sheet: unit === context.ward ? "ward" : "groups",
      unit,
      indicator: get("code").trim(),
      value: text("value"),
      valueRef: ref("value", line),
      qualifier: { cell: text("qualifier"), ref: ref("qualifier", line) },
      note: { cell: text("note"), ref: ref("note", line) },
      version: text("version"),
      versionRef: ref("version", line),
      codeRef: ref("code", line),
    });
  }
  if (!header0) return fail("Tệp CSV không có dòng số liệu nào.");
  if (!Number.isInteger(header0.year)) return fail("Cột “Năm” của tệp CSV không phải là năm.");
  return { ok: true, header: header0, rows };
}

const count = (s: string, c: string) => s.split(c).length - 1;
