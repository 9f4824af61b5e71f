import { divideScaled, fromScaled, ONE, toScaled } from "./decimal";
import type { Aggregation, Qualifier } from "./enums";

export type YearValue = { year: number; value: string; qualifier?: Qualifier };

export type TermFigure =
  | { basis: "reported"; value: string; qualifier: Qualifier }
  | { basis: "computed"; value: string; qualifier: Qualifier; years: number[] }
  | { basis: "none" };

/**
 * The figure of a whole term. A figure reported for the term (as the Ngọc Thụy report gives its
 * five-year totals) is the term figure as it stands; otherwise it is computed from the yearly
 * values by the indicator's rule. A yearly "more than" makes a sum, average or maximum "more than"
 * as well; LATEST keeps the qualifier of the latest year.
 */
export function termFigure(
  rule: Aggregation,
  years: YearValue[],
  reported?: { value: string; qualifier?: Qualifier },
): TermFigure {
  if (reported) return { basis: "reported", value: reported.value, qualifier: reported.qualifier ?? "EXACT" };
  if (years.length === 0) return { basis: "none" };
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const scaled = sorted.map((y) => toScaled(y.value));
  const anyMoreThan = sorted.some((y) => y.qualifier === "MORE_THAN");
  const computed = (value: bigint, qualifier: Qualifier): TermFigure => ({
    basis: "computed",
    value: fromScaled(value),
    qualifier,
    years: sorted.map((y) => y.year),
  });
  switch (rule) {
    case "SUM":
      return computed(
        scaled.reduce((a, b) => a + b, 0n),
        anyMoreThan ? "MORE_THAN" : "EXACT",
      );
    case "AVERAGE":
      return computed(
        divideScaled(
          scaled.reduce((a, b) => a + b, 0n),
          BigInt(scaled.length),
        ),
        anyMoreThan ? "MORE_THAN" : "EXACT",
      );
    case "LATEST":
      return computed(scaled[scaled.length - 1], sorted[sorted.length - 1].qualifier ?? "EXACT");
    case "MAX": {
      const max = scaled.reduce((a, b) => (b > a ? b : a));
      const atMax = sorted.filter((_, i) => scaled[i] === max);
      return computed(max, atMax.some((y) => y.qualifier === "MORE_THAN") ? "MORE_THAN" : "EXACT");
    }
    case "YEARS_ACHIEVED":
      return computed(BigInt(scaled.filter((v) => v >= ONE).length) * ONE, "EXACT");
  }
}

/**
 * The years' figure by the rule, when the source's own term figure says otherwise (yearly figures
 * approved after the report add up to 1.704 against the report's 1.691): both are then shown, each
 * named. Null when the term figure is not a reported one, or the years agree with it.
 */
export function yearsFigureIfDifferent(
  rule: Aggregation,
  years: YearValue[],
  figure: TermFigure,
): Extract<TermFigure, { basis: "computed" }> | null {
  if (figure.basis !== "reported" || years.length === 0) return null;
  const computed = termFigure(rule, years);
  if (computed.basis !== "computed") return null;
  const same = toScaled(computed.value) === toScaled(figure.value) && computed.qualifier === figure.qualifier;
  return same ? null : computed;
}
