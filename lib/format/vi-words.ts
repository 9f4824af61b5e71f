// Vietnamese wording of figures for documents (the committee's brief, the ward's report), as an
// official writes them: "1.691 trường hợp", "trên 305.000.000đ", "10 tỷ 934 triệu đồng",
// "bình quân đạt trên 90%". Values arrive as exact decimal strings; nothing goes through floats.
//
// Rules, stated once:
// - Money is rounded to whole đồng, half away from zero.
// - Money of 1 tỷ or more is written in units ("10 tỷ 934 triệu đồng"): each non-zero group of three
//   digits is named (tỷ, triệu, nghìn, then the đồng left over); groups that are zero are left out,
//   nothing is rounded away (92.500.000 → "92 triệu 500 nghìn đồng"). Below 1 tỷ money is written in
//   digits with "đ" joined, as the reports do ("305.000.000đ").
// - Numbers in words: "lẻ" for a zero tens digit before a units digit (105 → "một trăm lẻ năm"),
//   "mốt" for a 1 after a tens digit of 2 or more, "lăm" for a 5 after any tens digit, "mười" for
//   the tens digit 1, "không trăm" inside a larger number (1.005 → "một nghìn không trăm lẻ năm").
// - Percentages are shown to one decimal, half away from zero ("90,5%").

import { roundDecimal } from "@/lib/domain/decimal";
import type { Aggregation, Qualifier, ValueType } from "@/lib/domain/enums";
import { formatNumber } from "./vi";

const DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

/** Three digits (0–999) in words; `full` reads a leading zero hundred ("không trăm") inside a number. */
function threeDigits(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const words: string[] = [];
  if (hundreds > 0 || full) words.push(DIGITS[hundreds], "trăm");
  if (tens === 0) {
    if (units > 0 && words.length > 0) words.push("lẻ");
    if (units > 0) words.push(DIGITS[units]);
  } else if (tens === 1) {
    words.push("mười");
    if (units === 5) words.push("lăm");
    else if (units > 0) words.push(DIGITS[units]);
  } else {
    words.push(DIGITS[tens], "mươi");
    if (units === 1) words.push("mốt");
    else if (units === 5) words.push("lăm");
    else if (units > 0) words.push(DIGITS[units]);
  }
  return words;
}

/** Below one tỷ (0 < n < 10⁹); `inner` when higher digits come before it (reads "không trăm"). */
function belowBillion(n: number, inner: boolean): string[] {
  const groups = [Math.floor(n / 1_000_000), Math.floor(n / 1000) % 1000, n % 1000];
  const names = ["triệu", "nghìn", ""];
  const words: string[] = [];
  groups.forEach((g, i) => {
    if (g === 0) return;
    words.push(...threeDigits(g, inner || words.length > 0));
    if (names[i]) words.push(names[i]);
  });
  return words;
}

/** A whole number in Vietnamese words: 1691 → "một nghìn sáu trăm chín mươi mốt"; 10⁹ → "một tỷ". */
export function numberToWords(value: bigint | number | string): string {
  const n = BigInt(value);
  if (n < 0n) return `âm ${numberToWords(-n)}`;
  if (n === 0n) return "không";
  const billions = n / 1_000_000_000n;
  const rest = Number(n % 1_000_000_000n);
  const words: string[] = [];
  if (billions > 0n) words.push(numberToWords(billions), "tỷ");
  if (rest > 0) words.push(...belowBillion(rest, billions > 0n));
  return words.join(" ");
}

/** Whole đồng, half away from zero: "92500000.5" → 92500001n. */
function wholeDong(value: string): bigint {
  return BigInt(roundDecimal(value, 0));
}

/** Money in units: 10934000000 → "10 tỷ 934 triệu đồng"; 92500000 → "92 triệu 500 nghìn đồng". */
export function moneyInUnits(value: string): string {
  const dong = wholeDong(value);
  if (dong === 0n) return "0 đồng";
  const negative = dong < 0n;
  let rest = negative ? -dong : dong;
  const billions = rest / 1_000_000_000n;
  rest %= 1_000_000_000n;
  const parts: string[] = [];
  if (billions > 0n) parts.push(`${formatNumber(billions.toString())} tỷ`);
  const millions = rest / 1_000_000n;
  const thousands = (rest / 1000n) % 1000n;
  const units = rest % 1000n;
  if (millions > 0n) parts.push(`${millions} triệu`);
  if (thousands > 0n) parts.push(`${thousands} nghìn`);
  if (units > 0n) parts.push(`${units}`);
  return `${negative ? "âm " : ""}${parts.join(" ")} đồng`;
}

/** Money as a report writes it: "10 tỷ 934 triệu đồng" from 1 tỷ up, else "305.000.000đ". */
export function moneyProse(value: string, qualifier: Qualifier = "EXACT"): string {
  const prefix = qualifier === "MORE_THAN" ? "trên " : "";
  const dong = wholeDong(value);
  const abs = dong < 0n ? -dong : dong;
  if (abs >= 1_000_000_000n) return prefix + moneyInUnits(value);
  return `${prefix}${formatNumber(dong.toString())}đ`;
}

export type FigureWording = {
  value: string;
  qualifier: Qualifier;
  valueType: ValueType;
  unit: string;
  /** AVERAGE term figures of rates read "bình quân đạt …". */
  aggregation?: Aggregation;
  /** true for a figure of the whole term (a term total or average), false for one year's */
  ofTerm?: boolean;
};

/**
 * One figure in words with its unit and qualifier: "1.691 trường hợp", "trên 500 hội viên",
 * "trên 305.000.000đ", "bình quân đạt trên 90%", "đạt" / "chưa đạt".
 */
export function figureProse(f: FigureWording): string {
  const prefix = f.qualifier === "MORE_THAN" ? "trên " : "";
  switch (f.valueType) {
    case "MONEY":
      return moneyProse(f.value, f.qualifier);
    case "PERCENT": {
      const pct = `${prefix}${formatNumber(roundDecimal(f.value, 1))}%`;
      return f.ofTerm && f.aggregation === "AVERAGE" ? `bình quân đạt ${pct}` : pct;
    }
    case "BOOLEAN":
      if (f.unit === "đạt") return Number(f.value) >= 1 ? "đạt" : "chưa đạt";
      return `${prefix}${formatNumber(f.value)} ${f.unit}`;
    default:
      return `${prefix}${formatNumber(f.value)} ${f.unit}`;
  }
}
