import type { Aggregation, PeriodKind, Qualifier, SourceKind } from "./enums";
import { termFigure, type TermFigure } from "./term-figure";

export type SourceRef = { key: string; title: string; issuedOn: string | null; kind: SourceKind };

/** One stored value of an indicator for one unit, as the summary needs it. */
export type ValueInput = {
  period: { kind: PeriodKind; year: number | null };
  value: string;
  qualifier: Qualifier;
  note: string | null;
  source: SourceRef;
};

export type YearPoint = { year: number; value: string; qualifier: Qualifier; isDemo: boolean; source: SourceRef };

export type IndicatorSummary = {
  figure: TermFigure;
  /** Sources of the figure: the reported term value's, or those of the years it is computed from. */
  sources: SourceRef[];
  isDemo: boolean;
  note: string | null;
  years: YearPoint[];
};

/**
 * The term figure of one indicator for one unit, with where it comes from. A term value stored
 * for the period (reported as a five-year total) wins over the yearly values; the figure is demo
 * when every value it stands on is demonstration data.
 */
export function summariseIndicator(rule: Aggregation, values: ValueInput[]): IndicatorSummary {
  const term = values.find((v) => v.period.kind === "TERM");
  const years: YearPoint[] = values
    .filter((v) => v.period.kind === "YEAR" && v.period.year !== null)
    .map((v) => ({
      year: v.period.year!,
      value: v.value,
      qualifier: v.qualifier,
      isDemo: v.source.kind === "DEMO",
      source: v.source,
    }))
    .sort((a, b) => a.year - b.year);
  const figure = termFigure(rule, years, term ? { value: term.value, qualifier: term.qualifier } : undefined);
  const basis = term ? [term.source] : years.map((y) => y.source);
  const sources = [...new Map(basis.map((s) => [s.key, s])).values()];
  return {
    figure,
    sources,
    isDemo: sources.length > 0 && sources.every((s) => s.kind === "DEMO"),
    note: term?.note ?? null,
    years,
  };
}

export type GroupSummary = {
  groupsWithValues: number;
  /** Reported (not demo) achievements of groups, e.g. Tổ 22 in 2018. */
  reportedAchieved: Array<{ group: string; year: number; source: SourceRef }>;
  demoValues: number;
  reportedValues: number;
};

/** What the ward holds of an indicator collected per residential group. */
export function summariseGroups(
  values: Array<ValueInput & { groupName: string }>,
  achievedMeansOne: boolean,
): GroupSummary {
  const groups = new Set(values.map((v) => v.groupName));
  const reported = values.filter((v) => v.source.kind !== "DEMO");
  return {
    groupsWithValues: groups.size,
    reportedAchieved: achievedMeansOne
      ? reported
          .filter((v) => v.period.year !== null && Number(v.value) >= 1)
          .map((v) => ({ group: v.groupName, year: v.period.year!, source: v.source }))
      : [],
    demoValues: values.length - reported.length,
    reportedValues: reported.length,
  };
}
