import type { Comparison, ValueType } from "@/lib/domain/enums";
import { formatFigure } from "./vi";

const SYMBOL: Record<Comparison, string> = { GTE: "≥", GT: ">", LTE: "≤", LT: "<", EQ: "=" };

/** "≥", "<" …: the sign of a target's comparison. */
export const comparisonSign = (c: Comparison) => SYMBOL[c];

/** "≥ 90 %", "≤ 0 hồ sơ", "≥ 10.000.000.000 đ". */
export function formatTarget(t: { comparison: Comparison; value: string }, kind: ValueType, unit: string): string {
  const figure = kind === "BOOLEAN" && unit === "đạt" ? "đạt" : formatFigure(t.value, kind, unit);
  return `${comparisonSign(t.comparison)} ${figure}`;
}
