// Exact decimal arithmetic for figures stored as NUMERIC(24,4): values travel as strings of digits
// and are computed as bigint counts of 1/10 000, so sums of money never pick up float errors.

const SCALE = 4;
const FACTOR = 10n ** BigInt(SCALE);
const DECIMAL_RE = /^-?\d+(\.\d+)?$/;

export function isDecimalString(s: string): boolean {
  return DECIMAL_RE.test(s);
}

/** "1691" → 16 910 000n; "90.5" → 905 000n. Throws on anything but plain decimal digits. */
export function toScaled(s: string): bigint {
  if (!isDecimalString(s)) throw new Error(`Không phải số thập phân: "${s}"`);
  const negative = s.startsWith("-");
  const [int, frac = ""] = (negative ? s.slice(1) : s).split(".");
  if (frac.length > SCALE && /[1-9]/.test(frac.slice(SCALE))) throw new Error(`Quá ${SCALE} chữ số thập phân: "${s}"`);
  const scaled = BigInt(int) * FACTOR + BigInt((frac + "0".repeat(SCALE)).slice(0, SCALE));
  return negative ? -scaled : scaled;
}

/** 16 910 000n → "1691"; 905 000n → "90.5" (no trailing zeros, no exponent). */
export function fromScaled(v: bigint): string {
  const negative = v < 0n;
  const abs = negative ? -v : v;
  const int = abs / FACTOR;
  const frac = (abs % FACTOR).toString().padStart(SCALE, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${int}${frac ? `.${frac}` : ""}`;
}

/** Division rounded half away from zero to the stored scale. */
export function divideScaled(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new Error("Chia cho 0");
  const q = numerator / denominator;
  const r = numerator % denominator;
  const twice = (r < 0n ? -r : r) * 2n;
  const den = denominator < 0n ? -denominator : denominator;
  if (twice >= den) return q + (numerator < 0n !== denominator < 0n ? -1n : 1n);
  return q;
}

export function compareDecimal(a: string, b: string): number {
  const d = toScaled(a) - toScaled(b);
  return d === 0n ? 0 : d < 0n ? -1 : 1;
}

export const ONE = FACTOR;

/** Exact average of decimal strings, rounded half away from zero to 4 decimals; null when empty. */
export function averageOf(values: string[]): string | null {
  if (values.length === 0) return null;
  const sum = values.reduce((acc, v) => acc + toScaled(v), 0n);
  return fromScaled(divideScaled(sum, BigInt(values.length)));
}

/** Rounds an exact decimal string to `digits` decimals, half away from zero ("73.6842" → "73.7"). */
export function roundDecimal(value: string, digits: number): string {
  const step = 10n ** BigInt(4 - digits);
  return fromScaled(divideScaled(toScaled(value), step) * step);
}
