import { fromScaled, toScaled } from "./decimal";
import type { Qualifier } from "./enums";

export type YearChange = {
  year: number;
  value: string;
  qualifier: Qualifier;
  /** The year before it that has a figure, and the exact difference (null when there is none, or a
   * "trên" figure makes the difference unknowable). */
  previousYear: number | null;
  difference: string | null;
};

/** The latest year's figure against the year before (the one before it that has a figure). */
export function latestYearChange(
  years: ReadonlyArray<{ year: number; value: string; qualifier: Qualifier }>,
): YearChange | null {
  if (years.length === 0) return null;
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const last = sorted[sorted.length - 1];
  const before = sorted.length > 1 ? sorted[sorted.length - 2] : null;
  const knowable = before !== null && last.qualifier === "EXACT" && before.qualifier === "EXACT";
  return {
    year: last.year,
    value: last.value,
    qualifier: last.qualifier,
    previousYear: before?.year ?? null,
    difference: knowable ? fromScaled(toScaled(last.value) - toScaled(before.value)) : null,
  };
}
