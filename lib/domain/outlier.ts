// Is a newly entered value far from what the same ward reported for the same indicator in earlier
// years? A flagged value is not refused: the official confirms it and notes why.
//
// The rule (chosen to catch slips such as an extra "000" without nagging about ordinary change):
// - fewer than MIN_HISTORY earlier values: never flagged (no basis to judge);
// - a value within [min, max] of the history is never flagged;
// - otherwise it is flagged only when it is far by BOTH measures:
//   · relative: outside [min / 3, max × 3], and
//   · robust deviation: |value − median| > 5 × spread, where spread is the median absolute
//     deviation (MAD) with a floor of 10 % of |median| and of 1, so that a steady history (MAD 0:
//     100, 100, 100) or an all-zero one (late files: 0, 0, 0) does not flag every small change.

import { fromScaled, isDecimalString, ONE, toScaled } from "./decimal";
import { viDigits } from "./vi-digits";

export const MIN_HISTORY = 3;
const RATIO = 3n;
const DEVIATIONS = 5;

export type OutlierCheck = { outlier: boolean; message?: string };

export function checkOutlier(value: string, history: readonly string[]): OutlierCheck {
  const v = scaled(value);
  const past = history
    .map(scaled)
    .filter((h): h is bigint => h !== null)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (v === null || past.length < MIN_HISTORY) return { outlier: false };
  const min = past[0];
  const max = past[past.length - 1];
  if (v >= min && v <= max) return { outlier: false };
  // Relative band, exact: min/3 ≤ v ≤ 3·max  ⇔  min ≤ 3v and v ≤ 3·max.
  if (min <= RATIO * v && v <= RATIO * max) return { outlier: false };
  // Robust band: a heuristic, so floats are precise enough here.
  const nums = past.map(Number);
  const med = median(nums);
  const mad = median(nums.map((x) => Math.abs(x - med)));
  const floor = Math.max(Math.abs(med) * 0.1, Number(ONE));
  if (Math.abs(Number(v) - med) <= DEVIATIONS * Math.max(mad, floor)) return { outlier: false };
  const range = min === max ? digits(min) : `${digits(min)}–${digits(max)}`;
  return {
    outlier: true,
    message: `Giá trị ${digits(v)} khác xa các năm trước (${range}). Hãy kiểm tra lại; nếu đúng, đánh dấu xác nhận và ghi chú lý do.`,
  };
}

function scaled(s: string): bigint | null {
  if (!isDecimalString(s)) return null;
  try {
    return toScaled(s);
  } catch {
    return null;
  }
}

function median(sorted: number[]): number {
  const s = [...sorted].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const digits = (v: bigint): string => viDigits(fromScaled(v));
