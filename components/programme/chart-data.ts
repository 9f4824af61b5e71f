// The data a dashboard section's charts are drawn from, sent to the browser once and compactly: the
// chart, its table, its CSV and its text alternative are all made from it there, when the section is
// opened or printed. Rendering the closed sections on the server sent every chart's table twice (as
// HTML and again as React payload) and made programme 03 weigh 503 KiB.
import type { DashboardIndicator, ProgrammeDashboard } from "@/lib/data/programme-dashboard";
import type { TargetInfo } from "@/lib/data/targets";
import type { Breakdown } from "@/lib/domain/breakdowns";
import type { Aggregation, ValueType } from "@/lib/domain/enums";
import type { TargetStatus } from "@/lib/domain/target-status";
import { yearsFigureIfDifferent, type TermFigure } from "@/lib/domain/term-figure";
import { categoryKeyLabel, categoryValueLabel } from "@/lib/format/labels";
import { formatSource } from "@/lib/format/vi";

/** A source, as an index into the dashboard's list of source texts; -1 for demo data. */
export type SourceIndex = number;
/** One year as a tuple (keys are not repeated per point): year, exact value, "trên", demo, source. */
export type ChartYear = [year: number, value: string, moreThan: 0 | 1, demo: 0 | 1, source: SourceIndex];

export type ChartIndicator = {
  code: string;
  name: string;
  unit: string;
  valueType: ValueType;
  aggregation: Aggregation;
  status: TargetStatus;
  isDemo: boolean;
  figure: TermFigure;
  /** The years' figure by the rule when the reported term figure differs from it (both are shown). */
  beside: Extract<TermFigure, { basis: "computed" }> | null;
  termTarget: TargetInfo | null;
  /** Targets of single years, when set. */
  yearTargets?: Record<number, TargetInfo>;
  /** The target line across the years. */
  line: TargetInfo | null;
  /** Empty for indicators drawn only inside their parent's breakdown. */
  years: ChartYear[];
  sources: SourceIndex[];
  note: string | null;
};

export type ChartBreakdown = {
  key: string;
  title: string;
  /** Codes of the cells' indicators, with the label of each bar. */
  cells: Array<[code: string, label: string]>;
  /** "Tổng: …" under the children of one indicator. */
  parent: string | null;
  matrix: { rowTitle: string; rows: string[]; columns: string[]; at: Array<Array<string | null>> } | null;
};

export type ChartSection = {
  code: string;
  name: string;
  indicatorCount: number;
  breakdowns: ChartBreakdown[];
  /** Keyed by code: the charted ones and the breakdowns' cells. */
  indicators: ChartIndicator[];
  /** Codes of the indicators charted one by one, in order. */
  charted: string[];
};

/** The target to draw across the years: a yearly target (when every year has the same), or a term target of a rate. */
function lineTarget(i: DashboardIndicator): TargetInfo | null {
  const yearly = Object.values(i.targets.years);
  if (yearly.length > 0 && yearly.every((t) => t.value === yearly[0].value && t.comparison === yearly[0].comparison))
    return yearly[0];
  if (i.targets.term && (i.aggregation === "AVERAGE" || i.aggregation === "LATEST")) return i.targets.term;
  return null;
}

function breakdownTitle(b: Breakdown<DashboardIndicator>, sectionName: string): string {
  // the parent has its own yearly chart under its name: this one is its term figure split up
  if (b.kind === "children") return `${b.parent.name.replace(/, theo loại$/, "")}: từng loại, cả nhiệm kỳ`;
  if (b.kind === "dimension") return `${sectionName}: theo ${categoryKeyLabel(b.dimension).toLowerCase()}`;
  return `${sectionName}: theo ${categoryKeyLabel(b.rows).toLowerCase()} và ${categoryKeyLabel(b.columns).toLowerCase()}`;
}

function cellLabel(b: Breakdown<DashboardIndicator>, c: Breakdown<DashboardIndicator>["cells"][number]): string {
  if (b.kind === "children") return c.indicator.name;
  if (b.kind === "dimension") return categoryValueLabel(c.labels[b.dimension]);
  return `${categoryValueLabel(c.labels[b.rows])} – ${categoryValueLabel(c.labels[b.columns]).toLowerCase()}`;
}

/** Source texts, each once for the whole dashboard. */
export class SourceList {
  readonly texts: string[] = [];
  private readonly index = new Map<string, number>();
  of(s: { kind: string; title: string; issuedOn: string | null }): SourceIndex {
    if (s.kind === "DEMO") return -1;
    const text = formatSource(s);
    let k = this.index.get(text);
    if (k === undefined) {
      k = this.texts.push(text) - 1;
      this.index.set(text, k);
    }
    return k;
  }
}

function chartIndicator(i: DashboardIndicator, sources: SourceList, withYears: boolean): ChartIndicator {
  const years = i.summary.years;
  const yearTargets = Object.keys(i.targets.years).length > 0 ? i.targets.years : undefined;
  return {
    code: i.code,
    name: i.name,
    unit: i.unit,
    valueType: i.valueType,
    aggregation: i.aggregation,
    status: i.status,
    isDemo: i.isDemo,
    figure: i.figure,
    beside: yearsFigureIfDifferent(i.aggregation, years, i.figure),
    termTarget: i.targets.term,
    ...(yearTargets && { yearTargets }),
    line: lineTarget(i),
    years: withYears
      ? years.map((y) => [y.year, y.value, y.qualifier === "MORE_THAN" ? 1 : 0, y.isDemo ? 1 : 0, sources.of(y.source)])
      : [],
    sources: i.summary.sources.map((s) => sources.of(s)),
    note: i.summary.note,
  };
}

function chartBreakdown(b: Breakdown<DashboardIndicator>, sectionName: string): ChartBreakdown {
  return {
    key: b.key,
    title: breakdownTitle(b, sectionName),
    cells: b.cells.map((c) => [c.indicator.code, cellLabel(b, c)]),
    parent: b.kind === "children" ? b.parent.code : null,
    matrix:
      b.kind === "matrix"
        ? {
            rowTitle: categoryKeyLabel(b.rows),
            rows: b.rowValues.map(categoryValueLabel),
            columns: b.columnValues.map(categoryValueLabel),
            at: b.rowValues.map((r) =>
              b.columnValues.map(
                (c) => b.cells.find((x) => x.labels[b.rows] === r && x.labels[b.columns] === c)?.indicator.code ?? null,
              ),
            ),
          }
        : null,
  };
}

/** One section's charts as compact data (see the top of this file). */
export function chartSection(s: ProgrammeDashboard["sections"][number], sources: SourceList): ChartSection {
  // sub-rows charted in their parent's breakdown are not charted again one by one (their figures
  // stay in the summary table)
  const inBreakdown = new Set(
    s.breakdowns.flatMap((b) => (b.kind === "children" ? b.cells.map((c) => c.indicator.code) : [])),
  );
  const charted = s.indicators.filter((i) => !i.perGroup && !inBreakdown.has(i.code));
  const chartedCodes = new Set(charted.map((i) => i.code));
  const needed = new Set([
    ...chartedCodes,
    ...s.breakdowns.flatMap((b) => [
      ...b.cells.map((c) => c.indicator.code),
      ...(b.kind === "children" ? [b.parent.code] : []),
    ]),
  ]);
  return {
    code: s.code,
    name: s.name,
    indicatorCount: s.indicators.length,
    breakdowns: s.breakdowns.map((b) => chartBreakdown(b, s.name)),
    indicators: s.indicators
      .filter((i) => needed.has(i.code))
      .map((i) => chartIndicator(i, sources, chartedCodes.has(i.code))),
    charted: charted.map((i) => i.code),
  };
}
