// Figures typed into the land-clearance and achievement forms, the Vietnamese way: "." groups
// thousands, "," marks decimals (1.691; 305.000.000; 1.250,5). An empty field is "not given" (null).
//
// Local adapter: lib/domain/vi-number.ts (parseViNumber, branch `rules`) is the shared parser of
// the entry grid. When it lands on main, `readFigure` delegates to it; the grammar is the same.

export type FigureType = "COUNT" | "MONEY" | "DECIMAL";
export type FigureResult = { ok: true; value: string | null } | { ok: false; message: string };

const MONEY_SUFFIX = /\s*(?:đồng|đ|₫|vnđ|vnd)$/iu;
const SPACES = /[ \u00a0\u2009\u202f]/g;

export function readFigure(input: string, type: FigureType): FigureResult {
  let s = input.normalize("NFC").trim();
  if (s === "") return { ok: true, value: null };
  if (type === "MONEY") s = s.replace(MONEY_SUFFIX, "").trim();
  if (/^[-\u2212\u2013]/u.test(s)) return { ok: false, message: "Không nhập số âm." };
  if (/\p{L}/u.test(s)) return { ok: false, message: "Nhập đầy đủ bằng chữ số, ví dụ 1.691 hoặc 305.000.000; không viết chữ (“tỷ”, “triệu”…)." };
  // spaces may group thousands instead of dots (pasted from Excel or Word)
  const dotted = s.includes(".") ? s : s.replace(SPACES, ".");
  const compact = dotted.replace(SPACES, "");
  if (/[^\d.,]/u.test(compact)) return { ok: false, message: "Chỉ nhập chữ số, dấu chấm (hàng nghìn) và dấu phẩy (thập phân)." };
  if (compact.includes(",") && type !== "DECIMAL") {
    return { ok: false, message: `Số nguyên: không dùng dấu phẩy. Dấu chấm phân cách hàng nghìn, ví dụ ${compact.replace(/,/g, ".")}.` };
  }
  const parts = compact.split(",");
  if (parts.length > 2) return { ok: false, message: "Chỉ được có một dấu phẩy (phần thập phân), ví dụ 1.250,5." };
  const [intText, fracText = ""] = parts;
  if (parts.length === 2 && !/^\d+$/.test(fracText)) return { ok: false, message: "Sau dấu phẩy thập phân chỉ có chữ số, ví dụ 1.250,5." };
  let digits: string;
  if (/^\d+$/.test(intText)) digits = intText;
  else if (intText === "" && parts.length === 2) digits = "0";
  else if (/^[1-9]\d{0,2}(?:\.\d{3})+$/.test(intText)) digits = intText.replace(/\./g, "");
  else return { ok: false, message: "Dấu chấm chỉ để phân cách hàng nghìn (1.691); phần thập phân dùng dấu phẩy (1,5)." };
  digits = digits.replace(/^0+(?=\d)/, "");
  const frac = fracText.replace(/0+$/, "");
  return { ok: true, value: frac ? `${digits}.${frac}` : digits };
}

/** A stored canonical figure ("1691", "1250.5") as the person would type it ("1.691", "1.250,5"). */
export function figureInput(value: string | null): string {
  if (value === null) return "";
  const [int, frac] = value.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return frac ? `${grouped},${frac}` : grouped;
}
