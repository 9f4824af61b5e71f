// Reading a figure as a Vietnamese official types it into the entry grid (or an imported cell),
// and showing a stored figure the same way. Shared by the browser form, the server action and
// imports, so all three accept and refuse exactly the same input.
//
// The format: "." groups thousands, "," is the decimal mark (1.691; 90,5; 305.000.000). Spaces
// (also non-breaking and thin spaces, as pasted from Excel or Word) may group thousands instead.
//
// Ambiguity rule — "," is ALWAYS the decimal mark, "." ALWAYS groups thousands:
// - COUNT and MONEY are whole, so any comma is refused, with the grouped form to type instead:
//   "1,691" might be an English thousand separator, and we never guess a figure 1 000 times off.
// - PERCENT and DECIMAL read "1,691" as 1,691 (one point six nine one), as Vietnamese writes it and
//   as formatViInput shows it. A thousandfold slip there is what the outlier check is for.
// - A "." must be followed by groups of exactly 3 digits; anything else ("1.5", "1.69", "1.6910")
//   looks like an English decimal point and is refused: "Dùng dấu phẩy cho phần thập phân (1,5)".
// - English-formatted input ("1,691.5") is refused with its Vietnamese spelling ("1.691,5").
// Empty input is not an error here: it returns { ok: false, empty: true } and the caller decides
// (in the entry form an empty cell clears the value).

import { viDigits } from "./vi-digits";
import { checkValueType, MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS } from "./value-rules";
import type { ValueType } from "./enums";
import { isWholeType } from "./value-type";

export type ParseResult = { ok: true; value: string } | { ok: false; empty: boolean; message: string };

const fail = (message: string): ParseResult => ({ ok: false, empty: false, message });

// space, no-break space, thin space, narrow no-break space: thousands groups
const GROUP_SPACE = /[ \u00a0\u2009\u202f]/;
const GROUP_SPACES = /[ \u00a0\u2009\u202f]/g;
const MONEY_SUFFIX = /\s*(?:đồng|đ|₫|vnđ|vnd)$/iu;
const PERCENT_SUFFIX = /\s*%$/u;
const AMOUNT_WORDS = /(?:tỷ|tỉ|triệu|nghìn|ngàn)/iu;

const TRUE_WORDS = new Set(["có", "đạt", "1", "x", "co", "dat"]);
const FALSE_WORDS = new Set(["không", "chưa đạt", "không đạt", "0", "khong", "chua dat", "khong dat"]);

export function parseViNumber(input: string, valueType: ValueType): ParseResult {
  // NFC: "đồng" typed with combining marks must match; trim() also removes no-break and thin spaces.
  const text = input.normalize("NFC").trim();
  if (text === "") return { ok: false, empty: true, message: "Chưa nhập giá trị." };
  if (valueType === "BOOLEAN") return parseBoolean(text);

  if (/^(?:trên|tren|>)/iu.test(text)) {
    return fail("Không gõ “trên” vào ô số: chỉ nhập số và chọn “trên” ở ô bên cạnh.");
  }
  let s = text;
  if (PERCENT_SUFFIX.test(s)) {
    if (valueType !== "PERCENT") return fail("Chỉ tiêu này không tính bằng %; chỉ nhập số.");
    s = s.replace(PERCENT_SUFFIX, "");
  } else if (MONEY_SUFFIX.test(s)) {
    if (valueType !== "MONEY") return fail("Chỉ tiêu này không tính bằng tiền; chỉ nhập số.");
    s = s.replace(MONEY_SUFFIX, "");
  }
  s = s.trim();
  if (s === "") return fail("Chưa nhập số.");
  if (/^[-\u2212\u2013]/u.test(s)) return fail("Không nhập số âm.");
  if (AMOUNT_WORDS.test(s))
    return fail("Nhập đầy đủ bằng chữ số, ví dụ 10.934.000.000; không viết “tỷ”, “triệu”, “nghìn”.");
  if (/\p{L}/u.test(s)) return fail("Chỉ nhập chữ số, ví dụ 1.691 hoặc 90,5; không nhập chữ.");
  const bad = s.replace(GROUP_SPACES, "").match(/[^\d.,]/u);
  if (bad)
    return fail(`Ký tự không hợp lệ “${bad[0]}”: chỉ nhập chữ số, dấu chấm (hàng nghìn) và dấu phẩy (thập phân).`);

  // Whole types first: for them the fix is always "no comma", whatever else is wrong.
  if (s.includes(",") && isWholeType(valueType)) return fail(wholeMessage(valueType, s.replace(/,/g, ".")));
  const english = englishSpelling(s);
  if (english)
    return fail(
      `Viết theo kiểu tiếng Anh? Dùng dấu chấm phân cách hàng nghìn, dấu phẩy cho phần thập phân: ${english}.`,
    );
  const commas = s.split(",").length - 1;
  if (commas > 1) return fail("Chỉ được có một dấu phẩy (phần thập phân), ví dụ 1.691,5.");

  const [intText, fracText = null] = s.split(",");
  if (fracText !== null && !/^\d+$/.test(fracText)) {
    return fail(
      fracText === "" ? "Thiếu chữ số sau dấu phẩy." : "Sau dấu phẩy thập phân chỉ có chữ số, ví dụ 1.691,5.",
    );
  }
  const int = ungroup(intText);
  if (int === null) return fail(groupingMessage(valueType, intText));

  const digits = int.replace(/^0+(?=\d)/, "");
  if (digits.length > MAX_INTEGER_DIGITS) return fail(`Số quá lớn: tối đa ${MAX_INTEGER_DIGITS} chữ số phần nguyên.`);
  const frac = (fracText ?? "").replace(/0+$/, "");
  if (frac.length > MAX_FRACTION_DIGITS) return fail(`Tối đa ${MAX_FRACTION_DIGITS} chữ số thập phân.`);
  const value = frac ? `${digits}.${frac}` : digits;
  const invalid = checkValueType(valueType, value);
  return invalid ? fail(invalid) : { ok: true, value };
}

/** What the entry grid shows for a stored canonical value; parseViNumber reads it back unchanged. */
export function formatViInput(value: string, valueType: ValueType): string {
  if (valueType === "BOOLEAN" && (value === "1" || value === "0")) return value === "1" ? "Đạt" : "Chưa đạt";
  try {
    return viDigits(value);
  } catch {
    return value; // not a decimal: shown as stored rather than breaking the form
  }
}

function parseBoolean(text: string): ParseResult {
  const word = text.toLowerCase().replace(/\s+/gu, " ");
  if (TRUE_WORDS.has(word)) return { ok: true, value: "1" };
  if (FALSE_WORDS.has(word)) return { ok: true, value: "0" };
  return fail("Nhập “đạt” (hoặc “có”, “x”, 1) hoặc “chưa đạt” (hoặc “không”, 0).");
}

/** The integer digits of a whole part grouped by "." or by spaces (not both), or null when grouped wrongly. */
function ungroup(text: string): string | null {
  if (text === "") return "0"; // ",5" is 0,5
  if (/^\d+$/.test(text)) return text;
  // dots and spaces mixed: a group split at the dots then holds a space and fails the 3-digit test
  const hasDot = text.includes(".");
  const groups = hasDot ? text.split(".") : text.split(GROUP_SPACE);
  const [first, ...rest] = groups;
  if (!/^[1-9]\d{0,2}$/.test(first) || !rest.every((g) => /^\d{3}$/.test(g))) return null;
  return groups.join("");
}

/** "1,691.5" → "1.691,5": input that is well-formed English, spelt the Vietnamese way; else null. */
function englishSpelling(s: string): string | null {
  const m = /^(\d{1,3}(?:,\d{3})*)\.(\d+)$/.exec(s);
  if (!m || !m[1].includes(",")) return null;
  return `${m[1].replace(/,/g, ".")},${m[2]}`;
}

/** The whole-number message, with the user's own digits regrouped when they make sense ("1,691" → 1.691). */
function wholeMessage(valueType: ValueType, dotted?: string): string {
  const example =
    dotted && dotted.includes(".") && ungroup(dotted) !== null
      ? dotted
      : valueType === "MONEY"
        ? "305.000.000"
        : "1.691";
  const what = valueType === "MONEY" ? "Số tiền phải là số đồng nguyên" : "Số đếm phải là số nguyên";
  return `${what}; dùng dấu chấm để phân cách hàng nghìn (${example}).`;
}

function groupingMessage(valueType: ValueType, intText: string): string {
  const dots = intText.split(".").length - 1;
  // One misplaced dot ("1.5", "1.69", "0.691"): an English decimal point.
  if (dots === 1 && !GROUP_SPACE.test(intText)) {
    if (isWholeType(valueType)) return wholeMessage(valueType);
    const [before, after] = intText.split(".");
    return `Dùng dấu phẩy cho phần thập phân (${before || "0"},${after}).`;
  }
  return "Dấu phân cách hàng nghìn đặt sai: mỗi nhóm sau dấu chấm (hoặc dấu cách) phải có đúng 3 chữ số (ví dụ 1.691 hoặc 305.000.000).";
}
