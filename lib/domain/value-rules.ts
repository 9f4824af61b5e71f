// What a stored value may be, by value type, and the cross-field rules declared with a programme.
// Values are canonical decimal strings ("1691", "90.5"); comparisons are exact (bigint, 4 decimals).

import { isDecimalString, toScaled, fromScaled, ONE } from "./decimal";
import type { ValueType } from "./enums";
import { viDigits } from "./vi-digits";

/** NUMERIC(24,4): 20 digits before the decimal mark, 4 after. */
export const MAX_INTEGER_DIGITS = 20;
export const MAX_FRACTION_DIGITS = 4;

const HUNDRED = 100n * ONE;

/** Why `value` is not a valid stored value of `valueType`, or null when it is. */
export function checkValueType(valueType: ValueType, value: string): string | null {
  if (!isDecimalString(value)) return "Giá trị không phải là số.";
  const [int, frac = ""] = value.replace(/^-/, "").split(".");
  if (int.replace(/^0+(?=\d)/, "").length > MAX_INTEGER_DIGITS)
    return `Số quá lớn: tối đa ${MAX_INTEGER_DIGITS} chữ số phần nguyên.`;
  if (frac.replace(/0+$/, "").length > MAX_FRACTION_DIGITS) return `Tối đa ${MAX_FRACTION_DIGITS} chữ số thập phân.`;
  const v = toScaled(value);
  const whole = v % ONE === 0n;
  switch (valueType) {
    case "COUNT":
      return v < 0n || !whole ? "Số đếm phải là số nguyên, không âm." : null;
    case "MONEY":
      return v < 0n || !whole ? "Số tiền phải là số đồng nguyên, không âm." : null;
    case "PERCENT":
      return v < 0n || v > HUNDRED ? "Tỷ lệ phải từ 0 đến 100 %." : null;
    case "DECIMAL":
      return v < 0n ? "Giá trị không được âm." : null;
    case "BOOLEAN":
      return v === 0n || v === ONE ? null : "Chỉ nhận 1 (có, đạt) hoặc 0 (không, chưa đạt).";
  }
}

export type Rule = { code: string; kind: "SUM_AT_MOST"; left: string[]; right: string; description: string };
export type RuleViolation = { rule: string; indicators: string[]; message: string };

/**
 * The rules that the values break. SUM_AT_MOST: the `left` indicators together must not exceed
 * `right`. Without a value for `right` the rule is not checked. Left values that are missing
 * (undefined or null: not entered, cleared) are left out of the sum: every value is ≥ 0, so when
 * the entered ones alone already exceed `right` the rule is broken whatever the others will be;
 * when nothing on the left is entered there is nothing to check.
 */
export function checkRules(
  rules: readonly Rule[],
  values: ReadonlyMap<string, string | null | undefined>,
  names: ReadonlyMap<string, string>,
): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const rule of rules) {
    const right = usable(values.get(rule.right));
    const left = rule.left.flatMap((code) => {
      const v = usable(values.get(code));
      return v === null ? [] : [{ code, value: v }];
    });
    if (right === null || left.length === 0) continue;
    const sum = left.reduce((acc, l) => acc + l.value, 0n);
    if (sum <= right) continue;
    const name = (code: string) => `“${names.get(code) ?? code}”`;
    const num = (v: bigint) => viDigits(fromScaled(v));
    const terms = left.map((l) => `${name(l.code)} (${num(l.value)})`).join(" cộng ");
    const total = left.length > 1 ? ` = ${num(sum)}` : "";
    const why = rule.description ? ` Quy tắc: ${rule.description}` : "";
    out.push({
      rule: rule.code,
      indicators: [...left.map((l) => l.code), rule.right],
      message: `${terms}${total} vượt quá ${name(rule.right)} (${num(right)}).${why}`,
    });
  }
  return out;
}

// A value the rule can use: present and a plain decimal (a malformed one has its own field error).
function usable(v: string | null | undefined): bigint | null {
  if (v == null || !isDecimalString(v)) return null;
  try {
    return toScaled(v);
  } catch {
    return null; // more than 4 decimals: refused by checkValueType
  }
}
