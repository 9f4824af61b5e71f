// CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Vietnamese correctly),
// CRLF line ends, fields quoted when they hold a separator, a quote or a line break.

export const BOM = "\ufeff";

export type CsvCell = string | number | null | undefined;

function field(v: CsvCell): string {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return BOM + [header, ...rows].map((r) => r.map(field).join(",")).join("\r\n") + "\r\n";
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
