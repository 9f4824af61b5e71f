// The layout of the entry grid's Excel workbook and CSV file, shared by the export (which writes it)
// and the import (which recognises it and reads it back). Change TEMPLATE_VERSION when the layout
// changes: files of an older layout are then refused with a clear message instead of misread.

export const TEMPLATE_ID = "ctk-nhap-lieu";
export const TEMPLATE_VERSION = 1;

export const SHEETS = { ward: "Phường", groups: "Tổ dân phố", meta: "ctk-mau" } as const;

/** Keys of the hidden meta sheet (column A), values in column B. */
export const META_KEYS = {
  template: "mau",
  version: "phien-ban-mau",
  ward: "phuong",
  year: "nam",
  programme: "chuong-trinh",
  exportedAt: "xuat-luc",
} as const;

/** Ward sheet: header row, first data row and column letters. */
export const WARD_SHEET = {
  headerRow: 8,
  firstDataRow: 9,
  columns: {
    code: "A",
    name: "B",
    unit: "C",
    lastYear: "D",
    target: "E",
    value: "F",
    qualifier: "G",
    note: "H",
    version: "I",
  },
} as const;

export const WARD_HEADERS = {
  code: "Mã chỉ tiêu",
  name: "Chỉ tiêu",
  unit: "Đơn vị tính",
  value: "Giá trị",
  qualifier: "Trên",
  note: "Ghi chú",
  version: "Phiên bản",
} as const;

/** Groups sheet: a hidden row of indicator codes above the header; per indicator a value column and a hidden version column. */
export const GROUP_SHEET = { codeRow: 7, headerRow: 8, firstDataRow: 9, firstIndicatorColumn: 3 } as const;
export const GROUP_HEADERS = { slug: "Mã tổ", name: "Tổ dân phố", version: "Phiên bản" } as const;

/** Text of the "trên" column that means MORE_THAN; empty means EXACT. */
export const MORE_THAN_WORDS = new Set(["trên", "tren", ">", "x", "có", "co"]);
export const EXACT_WORDS = new Set(["", "không", "khong"]);

/** CSV columns, in order. The import finds them by name, so their order may change but their names may not. */
export const CSV_COLUMNS = {
  ward: "Mã phường",
  year: "Năm",
  programme: "Mã chương trình",
  unit: "Mã đơn vị",
  unitName: "Đơn vị",
  code: "Mã chỉ tiêu",
  name: "Chỉ tiêu",
  unitOfMeasure: "Đơn vị tính",
  lastYear: "Năm trước",
  target: "Chỉ tiêu năm",
  value: "Giá trị",
  qualifier: "Trên",
  note: "Ghi chú",
  version: "Phiên bản",
} as const;

/** Limits of an uploaded file (also checked on the server). */
export const IMPORT_LIMITS = {
  bytes: 2 * 1024 * 1024,
  /** total uncompressed size of an .xlsx (a zip): guards against zip bombs */
  unzippedBytes: 40 * 1024 * 1024,
  /** uncompressed size of one part of it */
  unzippedPartBytes: 20 * 1024 * 1024,
  zipEntries: 200,
  sheets: 6,
  rowsPerSheet: 2000,
  columnsPerSheet: 200,
  /** values a group sheet may hold (groups × indicators): a ward's tổ dân phố × a programme's group indicators */
  groupValues: 10_000,
  csvRows: 10_000,
  /** files read at once (preview or apply); more are answered "busy" */
  concurrentReads: 2,
  /** files waiting for a turn; beyond that "busy" at once */
  waitingReads: 4,
} as const;

/** 1 → "A", 28 → "AB". */
export function columnLetter(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
