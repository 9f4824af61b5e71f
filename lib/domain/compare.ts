// Comparing units (the wards of a district, the groups of a ward) on one indicator, one unit against
// the average of its siblings, and one indicator across terms. Pure functions over exact decimal
// strings: the pages compose them with what lib/data/compare.ts loads.

import { compareDecimal, divideScaled, fromScaled, ONE, toScaled } from "./decimal";
import { summariseIndicator, type SourceRef, type ValueInput } from "./indicator-summary";
import type { Aggregation, Comparison, Direction, Qualifier, ValueType } from "./enums";
import { targetStatus, type TargetStatus } from "./target-status";

export type PeriodChoice = { kind: "TERM" } | { kind: "YEAR"; year: number };

/** What a compared indicator is, as these functions need it. */
export type IndicatorShape = {
  aggregation: Aggregation;
  valueType: ValueType;
  unit: string;
  direction: Direction;
};

/**
 * How the figure of a unit for the chosen period was obtained: a value reported for the whole term
 * (the report's five-year totals), computed from the years by the indicator's rule, the stored
 * value of the chosen year, or none.
 */
export type FigureBasis = "reported" | "computed" | "year" | "none";

export type PeriodFigure = {
  basis: FigureBasis;
  /** Exact decimal string; null when there is no figure. */
  value: string | null;
  qualifier: Qualifier;
  /** Years a computed term figure stands on. */
  years: number[];
  sources: SourceRef[];
  /** Every value the figure stands on is demonstration data. */
  isDemo: boolean;
  note: string | null;
};

const NONE: PeriodFigure = {
  basis: "none",
  value: null,
  qualifier: "EXACT",
  years: [],
  sources: [],
  isDemo: false,
  note: null,
};

/**
 * The figure of one unit for a year (its stored yearly value) or for the term (the stored TERM value
 * when there is one, else computed from the years by the aggregation rule — summariseIndicator).
 */
export function periodFigure(rule: Aggregation, values: ValueInput[], period: PeriodChoice): PeriodFigure {
  if (period.kind === "YEAR") {
    const v = values.find((x) => x.period.kind === "YEAR" && x.period.year === period.year);
    if (!v) return NONE;
    return {
      basis: "year",
      value: v.value,
      qualifier: v.qualifier,
      years: [period.year],
      sources: [v.source],
      isDemo: v.source.kind === "DEMO",
      note: v.note,
    };
  }
  const s = summariseIndicator(rule, values);
  const f = s.figure;
  if (f.basis === "none") return NONE;
  return {
    basis: f.basis,
    value: f.value,
    qualifier: f.qualifier,
    years: f.basis === "computed" ? f.years : [],
    sources: s.sources,
    isDemo: s.isDemo,
    note: s.note,
  };
}

export type UnitRef = { slug: string; name: string; shortName: string };
export type UnitValueInput = ValueInput & { unitSlug: string };

/** The period figure of each unit, in the units' order, from the values of all of them. */
export function unitFigures(
  units: UnitRef[],
  values: UnitValueInput[],
  rule: Aggregation,
  period: PeriodChoice,
): Array<{ unit: UnitRef; figure: PeriodFigure }> {
  const byUnit = new Map<string, ValueInput[]>();
  for (const v of values) {
    const list = byUnit.get(v.unitSlug) ?? [];
    list.push(v);
    byUnit.set(v.unitSlug, list);
  }
  return units.map((unit) => ({ unit, figure: periodFigure(rule, byUnit.get(unit.slug) ?? [], period) }));
}

// ---------------------------------------------------------------------------------------------
// The parent's figure: total or average of its children
// ---------------------------------------------------------------------------------------------

export type ReferenceKind = "total" | "average" | "achieved";

/**
 * How the parent's figure is formed from its children's: a total for summed indicators (counts,
 * money, years achieved), the average for rates and for latest/maximum/average figures, and the
 * number of children that achieved a yes/no indicator.
 */
export function referenceKind(ind: Pick<IndicatorShape, "aggregation" | "valueType" | "unit">): ReferenceKind {
  if (ind.valueType === "PERCENT") return "average";
  if (ind.valueType === "BOOLEAN" && ind.aggregation !== "YEARS_ACHIEVED") return "achieved";
  return ind.aggregation === "SUM" || ind.aggregation === "YEARS_ACHIEVED" ? "total" : "average";
}

type Fig = { value: string; qualifier: Qualifier };

export type ParentFigure = {
  kind: ReferenceKind;
  /** The total, the average, or the number of units achieved. */
  value: string;
  qualifier: Qualifier;
  /** Average per unit (the reference line of the chart); equals `value` for averages. */
  mean: string;
  /** Units with a figure, out of `of`. */
  count: number;
  of: number;
  /** Some of the figures it stands on are demonstration data. */
  hasDemo: boolean;
};

const sumScaled = (figs: Fig[]) => figs.reduce((a, f) => a + toScaled(f.value), 0n);
const anyMoreThan = (figs: Fig[]) => (figs.some((f) => f.qualifier === "MORE_THAN") ? "MORE_THAN" : "EXACT");

/** Mean of exact figures (rounded to 4 decimals); "more than" when any of them is. Null when empty. */
export function meanFigure(figs: Fig[]): Fig | null {
  if (figs.length === 0) return null;
  return { value: fromScaled(divideScaled(sumScaled(figs), BigInt(figs.length))), qualifier: anyMoreThan(figs) };
}

/** What the children's figures amount to (the SQL of lib/data/compare.ts computes the same). */
export type ChildrenStats = {
  /** Children with a figure, out of `of`. */
  count: number;
  of: number;
  /** Sum of their figures ("more than" when any is). */
  total: Fig;
  /** Their mean, rounded to 4 decimals. */
  mean: string;
  hasDemo: boolean;
  /** Children whose figure is at least 1. */
  achieved: number;
};

/** The parent's total, average or count achieved, from the children that have a figure. */
export function parentFigure(
  ind: Pick<IndicatorShape, "aggregation" | "valueType" | "unit">,
  figures: PeriodFigure[],
): ParentFigure | null {
  const present = figures.filter((f): f is PeriodFigure & { value: string } => f.value !== null);
  if (present.length === 0) return null;
  return parentFigureOf(ind, {
    count: present.length,
    of: figures.length,
    total: { value: fromScaled(sumScaled(present)), qualifier: anyMoreThan(present) },
    mean: meanFigure(present)!.value,
    hasDemo: present.some((f) => f.isDemo),
    achieved: present.filter((f) => toScaled(f.value) >= ONE).length,
  });
}

/** The parent's figure from its children's statistics; null when no child has a figure. */
export function parentFigureOf(
  ind: Pick<IndicatorShape, "aggregation" | "valueType" | "unit">,
  stats: ChildrenStats,
): ParentFigure | null {
  if (stats.count === 0) return null;
  const kind = referenceKind(ind);
  const base = { kind, count: stats.count, of: stats.of, hasDemo: stats.hasDemo, mean: stats.mean };
  if (kind === "total") return { ...base, value: stats.total.value, qualifier: stats.total.qualifier };
  if (kind === "achieved") return { ...base, value: String(stats.achieved), qualifier: "EXACT" };
  return { ...base, value: stats.mean, qualifier: stats.total.qualifier };
}

// ---------------------------------------------------------------------------------------------
// Normalisation per 1 000 inhabitants / households
// ---------------------------------------------------------------------------------------------

export type PerBasis = "none" | "capita" | "household";

/** Only summed quantities (counts, money, amounts) scale with the size of a unit. */
export function canNormalise(ind: Pick<IndicatorShape, "aggregation" | "valueType">): boolean {
  return (
    ind.aggregation === "SUM" && (ind.valueType === "COUNT" || ind.valueType === "MONEY" || ind.valueType === "DECIMAL")
  );
}

/** value × 1 000 ÷ denominator, exact to 4 decimals. */
export function perThousand(value: string, denominator: number): string {
  if (!Number.isInteger(denominator) || denominator <= 0) throw new Error(`Mẫu số không hợp lệ: ${denominator}`);
  return fromScaled(divideScaled(toScaled(value) * 1000n, BigInt(denominator)));
}

export type UnitSize = { slug: string; population: number | null; households: number | null };

export type Normalisation =
  | { state: "off" }
  | { state: "not-applicable" }
  /** Some units have no known population (households): nothing is normalised. */
  | { state: "unknown"; missing: string[] }
  | { state: "on"; per: "capita" | "household"; denominators: Map<string, number>; total: number };

/**
 * Whether figures can be shown per 1 000 inhabitants (households): only for summed quantities,
 * and only when the size of every compared unit is known — never with an invented population.
 */
export function normalisation(
  per: PerBasis,
  ind: Pick<IndicatorShape, "aggregation" | "valueType">,
  sizes: UnitSize[],
): Normalisation {
  if (per === "none") return { state: "off" };
  if (!canNormalise(ind)) return { state: "not-applicable" };
  const size = (u: UnitSize) => (per === "capita" ? u.population : u.households);
  const missing = sizes.filter((u) => !size(u) || size(u)! <= 0).map((u) => u.slug);
  if (missing.length > 0 || sizes.length === 0) return { state: "unknown", missing };
  const denominators = new Map(sizes.map((u) => [u.slug, size(u)!]));
  return { state: "on", per, denominators, total: [...denominators.values()].reduce((a, b) => a + b, 0) };
}

// ---------------------------------------------------------------------------------------------
// Rows of the comparison: shown value, rank, status, order
// ---------------------------------------------------------------------------------------------

export type SortOrder = "desc" | "asc" | "name";
export type TargetRef = { comparison: Comparison; value: string };

export type ComparisonRow = {
  unit: UnitRef;
  figure: PeriodFigure;
  /** The figure as compared: itself, or per 1 000 inhabitants/households. */
  shown: Fig | null;
  /** 1 = largest value; equal values share a rank; null without a figure. */
  rank: number | null;
  status: TargetStatus;
};

const collator = new Intl.Collator("vi");

/** Rows in the asked order; units without a figure always come last, in name order. */
export function sortRows<T extends { unit: UnitRef; shown: Fig | null }>(rows: T[], sort: SortOrder): T[] {
  const byName = (a: T, b: T) => collator.compare(a.unit.shortName, b.unit.shortName);
  return [...rows].sort((a, b) => {
    if (sort === "name") return byName(a, b);
    if (!a.shown || !b.shown) return a.shown ? -1 : b.shown ? 1 : byName(a, b);
    const c = compareDecimal(a.shown.value, b.shown.value);
    return (sort === "desc" ? -c : c) || byName(a, b);
  });
}

/** Competition ranking by value, largest first (1, 2, 2, 4); O(n log n). */
export function ranks(values: Array<string | null>): Array<number | null> {
  const order = values
    .map((v, i) => ({ v: v === null ? null : toScaled(v), i }))
    .filter((x): x is { v: bigint; i: number } => x.v !== null)
    .sort((a, b) => (a.v === b.v ? 0 : a.v > b.v ? -1 : 1));
  const out: Array<number | null> = values.map(() => null);
  order.forEach((x, k) => {
    out[x.i] = k > 0 && order[k - 1].v === x.v ? out[order[k - 1].i] : k + 1;
  });
  return out;
}

export function comparisonRows(input: {
  indicator: IndicatorShape;
  figures: Array<{ unit: UnitRef; figure: PeriodFigure }>;
  normalisation: Normalisation;
  target: TargetRef | null;
  sort: SortOrder;
}): ComparisonRow[] {
  const { indicator, figures, target, sort } = input;
  const norm = input.normalisation;
  const shown = figures.map(({ unit, figure }): Fig | null => {
    if (figure.value === null) return null;
    if (norm.state !== "on") return { value: figure.value, qualifier: figure.qualifier };
    return { value: perThousand(figure.value, norm.denominators.get(unit.slug)!), qualifier: figure.qualifier };
  });
  const rk = ranks(shown.map((s) => s?.value ?? null));
  const rows = figures.map(({ unit, figure }, i) => ({
    unit,
    figure,
    shown: shown[i],
    rank: rk[i],
    status: targetStatus({
      direction: indicator.direction,
      target,
      figure: figure.value === null ? null : { value: figure.value, qualifier: figure.qualifier },
    }),
  }));
  return sortRows(rows, sort);
}

// ---------------------------------------------------------------------------------------------
// One unit against the average of its siblings
// ---------------------------------------------------------------------------------------------

export type SiblingComparison = {
  average: (Fig & { count: number; hasDemo: boolean }) | null;
  /** Siblings that achieved a yes/no indicator ("đạt"), when the indicator is one. */
  achieved: { count: number; of: number } | null;
  /** unit − average. */
  difference: string | null;
  /** unit ÷ average × 100 (per cent); null when either is missing or the average is 0. */
  ratioPercent: string | null;
  /** The ratio stands on demonstration data (the unit's figure or some of its siblings'). */
  ratioIsDemo: boolean;
  /**
   * How exact the difference and the ratio are: "more than" the unit's figure makes them lower
   * bounds, "more than" in the average upper bounds, and both at once leaves them undecided.
   */
  bound: "exact" | "lower" | "upper" | "uncertain";
};

const BOUND: Record<string, SiblingComparison["bound"]> = {
  "EXACT/EXACT": "exact",
  "MORE_THAN/EXACT": "lower",
  "EXACT/MORE_THAN": "upper",
  "MORE_THAN/MORE_THAN": "uncertain",
};

/** What the siblings' figures amount to: the figures present, their mean, and how many achieved. */
export type SiblingStats = {
  /** Siblings with a figure. */
  count: number;
  /** Mean of their figures (rounded to 4 decimals, "more than" when any is); null when none. */
  mean: Fig | null;
  hasDemo: boolean;
  /** Siblings whose figure is at least 1 (achieved a yes/no indicator). */
  achieved: number;
};

/** The siblings' statistics from their figures (the SQL of lib/data/compare.ts computes the same). */
export function siblingStats(siblings: PeriodFigure[]): SiblingStats {
  const present = siblings.filter((f): f is PeriodFigure & { value: string } => f.value !== null);
  return {
    count: present.length,
    mean: meanFigure(present),
    hasDemo: present.some((f) => f.isDemo),
    achieved: present.filter((f) => toScaled(f.value) >= ONE).length,
  };
}

export function compareWithSiblings(
  ind: Pick<IndicatorShape, "aggregation" | "valueType" | "unit">,
  own: PeriodFigure,
  siblings: PeriodFigure[],
): SiblingComparison {
  return compareWithAverage(ind, own, siblingStats(siblings));
}

/** One unit's figure against its siblings' statistics: average, difference, ratio and bound. */
export function compareWithAverage(
  ind: Pick<IndicatorShape, "aggregation" | "valueType" | "unit">,
  own: PeriodFigure,
  stats: SiblingStats,
): SiblingComparison {
  const { mean, hasDemo } = stats;
  const average = mean ? { ...mean, count: stats.count, hasDemo } : null;
  const yesNo = referenceKind(ind) === "achieved";
  const achieved = yesNo && stats.count > 0 ? { count: stats.achieved, of: stats.count } : null;
  if (!mean || own.value === null || yesNo)
    return { average, achieved, difference: null, ratioPercent: null, ratioIsDemo: false, bound: "exact" };
  const a = toScaled(mean.value);
  const o = toScaled(own.value);
  return {
    average,
    achieved,
    difference: fromScaled(o - a),
    ratioPercent: a === 0n ? null : fromScaled(divideScaled(o * 100n * ONE, a)),
    ratioIsDemo: own.isDemo || hasDemo,
    bound: BOUND[`${own.qualifier}/${mean.qualifier}`],
  };
}

// ---------------------------------------------------------------------------------------------
// One indicator across terms
// ---------------------------------------------------------------------------------------------

export type TermRef = { slug: string; name: string; startYear: number };
export type TermIndicator = { code: string; aggregation: Aggregation; term: TermRef };
export type TermValueInput = ValueInput & { code: string; termSlug: string };

/**
 * For each indicator code, the terms whose programme (same slug) holds it, oldest first, with the
 * unit's term figure in each (a reported term value, else computed from that term's years).
 */
export function figuresAcrossTerms(
  indicators: TermIndicator[],
  values: TermValueInput[],
): Map<string, Array<{ term: TermRef; figure: PeriodFigure }>> {
  const valuesOf = new Map<string, ValueInput[]>();
  for (const v of values) {
    const key = `${v.code}\u0000${v.termSlug}`;
    const list = valuesOf.get(key) ?? [];
    list.push(v);
    valuesOf.set(key, list);
  }
  const out = new Map<string, Array<{ term: TermRef; figure: PeriodFigure }>>();
  const sorted = [...indicators].sort((a, b) => a.term.startYear - b.term.startYear);
  for (const ind of sorted) {
    const list = out.get(ind.code) ?? [];
    if (list.some((x) => x.term.slug === ind.term.slug)) continue;
    list.push({
      term: ind.term,
      figure: periodFigure(ind.aggregation, valuesOf.get(`${ind.code}\u0000${ind.term.slug}`) ?? [], { kind: "TERM" }),
    });
    out.set(ind.code, list);
  }
  return out;
}
