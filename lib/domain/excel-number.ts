// Numbers between exact decimal strings and spreadsheet cells. A cell number is an IEEE double; we
// read it as the person sees it in Excel (at most 15 significant digits), so float noise such as
// 0.30000000000000004 reads as 0.3 and 305000000 stays 305000000.

import { isDecimalString } from "./decimal";

/** The plain decimal string of a finite double, no exponent ("305000000", "90.5"); null for NaN/∞. */
export function numberToDecimalString(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  if (Number.isSafeInteger(n)) return String(n);
  const [mantissa, exp = "0"] = n.toPrecision(15).split("e");
  return trimDecimal(shiftDecimal(mantissa, Number(exp)));
}

/** Multiplies a decimal string by 10^places, exactly (places may be negative). */
export function shiftDecimal(value: string, places: number): string {
  const negative = value.startsWith("-");
  const [int, frac = ""] = (negative ? value.slice(1) : value).split(".");
  let digits = int + frac;
  let point = int.length + places;
  if (point < 0) {
    digits = "0".repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += "0".repeat(point - digits.length);
  const out = trimDecimal(`${digits.slice(0, point) || "0"}.${digits.slice(point)}`);
  return negative && out !== "0" ? `-${out}` : out;
}

function trimDecimal(s: string): string {
  const negative = s.startsWith("-");
  let [int, frac = ""] = (negative ? s.slice(1) : s).split(".");
  int = int.replace(/^0+(?=\d)/, "");
  frac = frac.replace(/0+$/, "");
  return `${negative ? "-" : ""}${int}${frac ? `.${frac}` : ""}`;
}

/**
 * The double to write into a cell for a canonical decimal string, when the cell reads back as the
 * same string; null when it would not (more than 15 significant digits): write it as text then.
 */
export function decimalToCellNumber(value: string): number | null {
  if (!isDecimalString(value)) return null;
  const n = Number(value);
  return numberToDecimalString(n) === trimDecimal(value) ? n : null;
}
