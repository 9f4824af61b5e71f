import { roundDecimal } from "@/lib/domain/decimal";
import type { ValueType } from "@/lib/domain/enums";
import { formatFigure } from "./vi";

const MINUS = "\u2212";

/** A year-on-year difference with its sign and unit: "+2 trường hợp", "−1.900.000 đ", "+1,7 điểm %". */
export function formatChange(difference: string, kind: ValueType, unit: string): string {
  const rounded = kind === "PERCENT" ? roundDecimal(difference, 1) : difference;
  if (Number(rounded) === 0) return "Không đổi";
  const sign = rounded.startsWith("-") ? MINUS : "+";
  const abs = rounded.replace(/^-/, "");
  if (kind === "PERCENT") return `${sign}${formatFigure(abs, "DECIMAL", "điểm %")}`;
  return `${sign}${formatFigure(abs, kind, unit)}`;
}
