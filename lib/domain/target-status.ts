import { toScaled } from "./decimal";
import type { Comparison, Direction, Qualifier } from "./enums";

export type TargetStatus =
  | "exceeded" // vượt: met, and better than the target in the indicator's direction
  | "met" // đạt
  | "not-met" // chưa đạt
  | "undecided" // chưa đủ căn cứ: "trên v" may or may not meet the target
  | "no-target" // chưa có chỉ tiêu
  | "no-figure"; // chưa có số liệu: a target, but no figure

export const TARGET_STATUS_LABEL: Record<TargetStatus, string> = {
  exceeded: "Vượt",
  met: "Đạt",
  "not-met": "Chưa đạt",
  undecided: "Chưa đủ căn cứ",
  "no-target": "Chưa có chỉ tiêu",
  "no-figure": "Chưa có số liệu",
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
  if (!target) return "no-target";
  if (!figure) return "no-figure";
  const t = toScaled(target.value);
  const v = toScaled(figure.value);
  const better = (x: bigint) =>
    direction === "HIGHER_IS_BETTER" ? x > t : direction === "LOWER_IS_BETTER" ? x < t : false;

  if (figure.qualifier === "EXACT") {
    if (!holds(target.comparison, v, t)) return "not-met";
    return better(v) ? "exceeded" : "met";
  }
  // MORE_THAN: the true value lies in (v, +∞).
  const c = target.comparison;
  if (v < t) return "undecided"; // some values above v reach t, others do not
  // Every value above v ≥ t is strictly above t: it meets a floor and misses a ceiling or an equality.
  if (c === "GTE" || c === "GT") return direction === "HIGHER_IS_BETTER" ? "exceeded" : "met";
  return "not-met";
}
