// A target typed in one cell of the target grid or of an imported file: an optional comparison sign,
// an optional "trên" (the resolution says "more than"), and the value in Vietnamese notation —
// "≥ 90", ">= 1.691", "trên 500", "≤ 0", "đạt". Without a sign the indicator's direction decides
// (higher is better: ≥; lower is better: ≤; neither: =).
import type { Comparison, Direction, Qualifier, ValueType } from "./enums";
import { formatViInput, parseViNumber } from "./vi-number";

export type TargetCell = { comparison: Comparison; value: string; qualifier: Qualifier };
export type TargetCellResult = { ok: true; target: TargetCell | null } | { ok: false; message: string };

const SIGNS: [RegExp, Comparison][] = [
  [/^(?:≥|>=|=>)/u, "GTE"],
  [/^(?:≤|<=|=<)/u, "LTE"],
  [/^>/u, "GT"],
  [/^</u, "LT"],
  [/^=/u, "EQ"],
];
const SIGN: Record<Comparison, string> = { GTE: "≥", GT: ">", LTE: "≤", LT: "<", EQ: "=" };

export const defaultComparison = (d: Direction): Comparison =>
  d === "HIGHER_IS_BETTER" ? "GTE" : d === "LOWER_IS_BETTER" ? "LTE" : "EQ";

/** Reads one cell; an empty cell is "no target" (`target: null`). */
export function parseTargetCell(input: string, kind: { valueType: ValueType; direction: Direction }): TargetCellResult {
  let s = input.normalize("NFC").trim();
  if (s === "") return { ok: true, target: null };
  let comparison: Comparison | null = null;
  for (const [re, c] of SIGNS) {
    if (re.test(s)) {
      comparison = c;
      s = s.replace(re, "").trim();
      break;
    }
  }
  let qualifier: Qualifier = "EXACT";
  if (/^(?:trên|tren)\s/iu.test(s)) {
    qualifier = "MORE_THAN";
    s = s.replace(/^(?:trên|tren)\s+/iu, "");
    comparison ??= "GT";
  }
  const parsed = parseViNumber(s, kind.valueType);
  if (!parsed.ok) return { ok: false, message: parsed.empty ? "Sau dấu so sánh còn thiếu số." : parsed.message };
  return {
    ok: true,
    target: { comparison: comparison ?? defaultComparison(kind.direction), value: parsed.value, qualifier },
  };
}

/** What the grid shows for a stored target; parseTargetCell reads it back unchanged. */
export function formatTargetCell(t: TargetCell, valueType: ValueType): string {
  const more = t.qualifier === "MORE_THAN" ? "trên " : "";
  return `${SIGN[t.comparison]} ${more}${formatViInput(t.value, valueType)}`;
}
