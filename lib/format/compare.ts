// Vietnamese wording of the comparison pages: periods, per-1 000 figures, differences, bases.

import type { FigureBasis, PerBasis, PeriodChoice } from "@/lib/domain/compare";
import type { Aggregation, Qualifier, ValueType } from "@/lib/domain/enums";
import type { OrgLevel } from "@/lib/generated/prisma/enums";
import { divideScaled, fromScaled, toScaled } from "@/lib/domain/decimal";
import { describeBasis } from "./figure-basis";
import { formatFigure, formatNumber } from "./vi";

const NBSP = "\u00a0";

/** "cả nhiệm kỳ 2015–2020", "năm 2019". */
export function periodLabel(period: PeriodChoice, term: { startYear: number; endYear: number }): string {
  return period.kind === "TERM" ? `cả nhiệm kỳ ${term.startYear}–${term.endYear}` : `năm ${period.year}`;
}

export const PER_LABEL: Record<PerBasis, string> = {
  none: "Số liệu gốc",
  capita: "Trên 1.000 dân",
  household: "Trên 1.000 hộ",
};

/** "/1.000 dân", "/1.000 hộ". */
export const perSuffix = (per: "capita" | "household") => `/1.000${NBSP}${per === "capita" ? "dân" : "hộ"}`;

/** Plural noun of the units of a level, for headings: "phường", "tổ dân phố". */
export const LEVEL_NOUN: Record<OrgLevel, string> = {
  CITY: "thành phố",
  DISTRICT: "quận",
  WARD: "phường",
  RESIDENTIAL_GROUP: "tổ dân phố",
};

/** A figure as compared: with its unit, or per 1 000 inhabitants/households. */
export function formatShown(
  value: string,
  qualifier: Qualifier,
  ind: { valueType: ValueType; unit: string },
  per: "capita" | "household" | null,
): string {
  const text = formatFigure(value, ind.valueType, ind.unit, qualifier);
  return per ? `${text}${perSuffix(per)}` : text;
}

/** unit − average with its sign and unit; percentage differences are in points. */
export function formatDifference(diff: string, ind: { valueType: ValueType; unit: string }): string {
  const negative = diff.startsWith("-");
  const abs = negative ? diff.slice(1) : diff;
  const sign = /^0(\.0+)?$/.test(abs) ? "" : negative ? "−" : "+";
  if (ind.valueType === "PERCENT") return `${sign}${formatNumber(abs)}${NBSP}điểm %`;
  return `${sign}${formatFigure(abs, ind.valueType, ind.unit)}`;
}

/** "338,2 %" (value rounded to one decimal for reading). */
export function formatRatio(ratio: string): string {
  return `${formatNumber(roundTo(ratio, 1))}${NBSP}%`;
}

export type Bound = "exact" | "lower" | "upper" | "uncertain";

/** A difference or ratio with what the report's "trên" makes of it: "trên …", "dưới …", "khoảng …". */
export function withBound(text: string, bound: Bound): string {
  return bound === "lower"
    ? `trên ${text}`
    : bound === "upper"
      ? `dưới ${text}`
      : bound === "uncertain"
        ? `khoảng ${text} (chưa đủ căn cứ)`
        : text;
}

/** An exact figure rounded for reading: whole đồng for money, one decimal otherwise (means, differences). */
export function readable(value: string, valueType: ValueType): string {
  return roundTo(value, valueType === "MONEY" ? 0 : 1);
}

/** How the figure of a unit was obtained, in words. */
export function basisLabel(
  f: { basis: FigureBasis; value: string | null; qualifier: Qualifier; years: number[] },
  rule: Aggregation,
): string {
  switch (f.basis) {
    case "year":
      return `Số liệu năm ${f.years[0]}`;
    case "none":
      return "Chưa có số liệu";
    case "reported":
      return describeBasis({ basis: "reported", value: f.value!, qualifier: f.qualifier }, rule);
    case "computed":
      return describeBasis({ basis: "computed", value: f.value!, qualifier: f.qualifier, years: f.years }, rule);
  }
}

/** An exact decimal rounded (half away from zero) to `digits` decimals, for reading: means, rates. */
export function roundTo(value: string, digits: number): string {
  const step = 10n ** BigInt(4 - Math.min(4, Math.max(0, digits)));
  return fromScaled(divideScaled(toScaled(value), step) * step);
}
