// Exact Vietnamese digits of a canonical decimal string: "." groups thousands, "," marks decimals.
// Works on the string itself, so 20-digit values never pass through a float.

import { fromScaled, toScaled } from "./decimal";

/** "1691" → "1.691"; "90.5" → "90,5"; "305000000" → "305.000.000"; "90.5000" → "90,5". */
export function viDigits(value: string): string {
  const canonical = fromScaled(toScaled(value));
  const negative = canonical.startsWith("-");
  const [int, frac] = (negative ? canonical.slice(1) : canonical).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ".");
  return `${negative ? "-" : ""}${grouped}${frac ? `,${frac}` : ""}`;
}
