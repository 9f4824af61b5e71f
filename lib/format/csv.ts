// The one CSV writer, for every file the app writes (chart and table downloads, the entry grid):
// UTF-8 with a byte-order mark (Excel then reads the diacritics), ";" between fields (Vietnamese
// Windows has "," as its decimal mark and ";" as its list separator, so a double-click opens the file
// in columns), CRLF line ends, figures the Vietnamese way (1.691; 90,5), fields quoted when they hold
// a separator, a quote or a line break, and text a spreadsheet would run as a formula kept as text.

import { viDigits } from "@/lib/domain/vi-digits";

export const BOM = "\ufeff";
export const CSV_SEPARATOR = ";";

/** A number (a rank, a year, a count) is written with its digits; a figure goes through csvNumber first. */
export type CsvCell = string | number | null | undefined;

/** Text that may start a formula ("=…", "+…", "-…", "@…"); the reader drops the writer's apostrophe before it. */
export const FORMULA_START = /^[=+\-@\t\r]/;
/** A number as this writer spells it ("-1.234,5"): a spreadsheet reads it as a number, never as a formula. */
const WRITTEN_NUMBER = /^-?\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^-?\d+(?:,\d+)?$/;
/** What turns a signed text into a formula: calls, operators, links to other programs (DDE "cmd|…!A0"). */
const FORMULA_SIGNS = /[()|!=&^*/<>@$[\]{}%+]/;
/** A cell reference right after the sign ("-A1", "+$B$2"). */
const CELL_REF = /^\$?[A-Za-z]{1,3}\$?\d/;

/**
 * Would a spreadsheet evaluate this text? "=…", "@…", a leading tab or CR, and "+"/"-" followed by
 * a number, a reference, a call or an operator do. A sign followed by words ("- đã kiểm tra", a
 * bullet) is a note, written as it is.
 */
export function evaluatesAsFormula(text: string): boolean {
  if (!FORMULA_START.test(text) || WRITTEN_NUMBER.test(text)) return false;
  if (text[0] !== "+" && text[0] !== "-") return true;
  const rest = text.slice(1).trimStart();
  const words = /^\p{L}/u.test(rest) && !CELL_REF.test(rest) && !FORMULA_SIGNS.test(rest);
  return !words;
}

/** An exact decimal string as a CSV figure: "1691" → "1.691", "90.5" → "90,5". */
export const csvNumber = (value: string): string => viDigits(value);

function field(v: CsvCell): string {
  if (v === null || v === undefined) return "";
  const s = typeof v === "number" ? String(v).replace(".", ",") : evaluatesAsFormula(v) ? `'${v}` : v;
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return BOM + [header, ...rows].map((r) => r.map(field).join(CSV_SEPARATOR)).join("\r\n") + "\r\n";
}

/** A file name safe on every system: "vi-pham-2019.csv" from "Vi phạm 2019". */
export function fileSlug(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);
}
