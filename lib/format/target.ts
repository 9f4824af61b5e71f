import type { ComparisonKind } from "@/lib/domain/target-status";
import { formatFigure, type ValueKind } from "./vi";

const SYMBOL: Record<ComparisonKind, string> = { GTE: "≥", GT: ">", LTE: "≤", LT: "<", EQ: "=" };

/** "≥", "<" …: the sign of a target's comparison. */
export const comparisonSign = (c: ComparisonKind) => SYMBOL[c];

/** "≥ 90 %", "≤ 0 hồ sơ", "≥ 10.000.000.000 đ". */
export function formatTarget(t: { comparison: ComparisonKind; value: string }, kind: ValueKind, unit: string): string {
  const figure = kind === "BOOLEAN" && unit === "đạt" ? "đạt" : formatFigure(t.value, kind, unit);
  return `${comparisonSign(t.comparison)} ${figure}`;
}
