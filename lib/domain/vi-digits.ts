// The one number formatter: exact Vietnamese digits of a decimal string, "." groups thousands, ","
// marks decimals. Works on the string itself, so 20-digit values never pass through a float.
// lib/format's formatNumber is this with at most 4 decimals.

const PLAIN = /^(-?)(\d+)(?:\.(\d*))?$/;

/**
 * "1691" → "1.691"; "90.5" → "90,5"; "305000000" → "305.000.000"; "90.5000" → "90,5".
 * With `maxFractionDigits`, rounds half away from zero to that many decimals ("73.68425", 4 → "73,6843").
 */
export function viDigits(value: string, maxFractionDigits?: number): string {
  const text = value.trim();
  // a float's exponent form ("1e-7") is read through its fixed form
  const m = PLAIN.exec(text) ?? PLAIN.exec(/^-?[\d.]+e[-+]?\d+$/i.test(text) ? Number(text).toFixed(20) : "");
  if (!m) throw new Error(`Không phải số thập phân: "${value}"`);
  const sign = m[1];
  let int = m[2];
  let frac = m[3] ?? "";
  if (maxFractionDigits !== undefined && frac.length > maxFractionDigits) {
    const up = frac.charCodeAt(maxFractionDigits) >= "5".charCodeAt(0);
    const kept = (BigInt(int + frac.slice(0, maxFractionDigits)) + (up ? 1n : 0n))
      .toString()
      .padStart(maxFractionDigits + 1, "0");
    int = kept.slice(0, kept.length - maxFractionDigits);
    frac = kept.slice(kept.length - maxFractionDigits);
  }
  int = int.replace(/^0+(?=\d)/, "");
  frac = frac.replace(/0+$/, "");
  const negative = sign === "-" && (int !== "0" || frac !== "");
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ".");
  return `${negative ? "-" : ""}${grouped}${frac ? `,${frac}` : ""}`;
}
