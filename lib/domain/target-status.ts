import { toScaled } from "./decimal";
import type { Comparison, Direction, Qualifier } from "./enums";

export type TargetStatus =
  | "vuot" // met, and better than the target in the indicator's direction
  | "dat" // met
  | "chua-dat" // not met
  | "chua-du-can-cu" // "trên v": the figure may or may not meet the target
  | "chua-co-chi-tieu" // no target
  | "chua-co-so-lieu"; // a target, but no figure

export const TARGET_STATUS_LABEL: Record<TargetStatus, string> = {
  vuot: "Vượt",
  dat: "Đạt",
  "chua-dat": "Chưa đạt",
  "chua-du-can-cu": "Chưa đủ căn cứ",
  "chua-co-chi-tieu": "Chưa có chỉ tiêu",
  "chua-co-so-lieu": "Chưa có số liệu",
};

const holds = (c: Comparison, v: bigint, t: bigint) =>
  c === "GTE" ? v >= t : c === "GT" ? v > t : c === "LTE" ? v <= t : c === "LT" ? v < t : v === t;

/**
 * Status of a figure against its target. An exact figure meets the target when the comparison
 * holds; it "exceeds" when it is also strictly better than the target in the indicator's direction
 * (a neutral indicator only meets). A "more than v" figure (the report's "trên") stands for every
 * value above v: the status is certain only when all of them agree, otherwise "chưa đủ căn cứ".
 */
export function targetStatus(input: {
  direction: Direction;
  target: { comparison: Comparison; value: string } | null;
  figure: { value: string; qualifier: Qualifier } | null;
}): TargetStatus {
  const { direction, target, figure } = input;
  if (!target) return "chua-co-chi-tieu";
  if (!figure) return "chua-co-so-lieu";
  const t = toScaled(target.value);
  const v = toScaled(figure.value);
  const better = (x: bigint) => (direction === "HIGHER_IS_BETTER" ? x > t : direction === "LOWER_IS_BETTER" ? x < t : false);

  if (figure.qualifier === "EXACT") {
    if (!holds(target.comparison, v, t)) return "chua-dat";
    return better(v) ? "vuot" : "dat";
  }
  // MORE_THAN: the true value lies in (v, +∞).
  const c = target.comparison;
  if (v < t) return "chua-du-can-cu"; // some values above v reach t, others do not
  // Every value above v ≥ t is strictly above t: it meets a floor and misses a ceiling or an equality.
  if (c === "GTE" || c === "GT") return direction === "HIGHER_IS_BETTER" ? "vuot" : "dat";
  return "chua-dat";
}
