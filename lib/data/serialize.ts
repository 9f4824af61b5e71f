import "server-only";

/** Date column (@db.Date) → "yyyy-mm-dd". */
export const isoDay = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);

/** NUMERIC → exact string of digits, no exponent, no trailing zeros ("161", "90.5"). */
export const decimalString = (d: { toFixed(): string }): string => {
  const s = d.toFixed();
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
};
