import "server-only";
import { sectionBreakdowns, type Breakdown } from "@/lib/domain/breakdowns";
import { summariseIndicator, type IndicatorSummary } from "@/lib/domain/indicator-summary";
import { inheritedLabel, isAdditive, sumPredecessorYears } from "@/lib/domain/org-units";
import { targetStatus, type TargetStatus } from "@/lib/domain/target-status";
import type { TermFigure } from "@/lib/domain/term-figure";
import { getPredecessorHistory } from "./org-unit-history";
import { getOrgUnit, type OrgUnitDetail } from "./org-units";
import { getProgrammes, type IndicatorInfo, type ProgrammeInfo } from "./programmes";
import {
  getAchievements,
  getLandClearanceProjects,
  type AchievementInfo,
  type LandClearanceProjectInfo,
} from "./records";
import { getTargets, type IndicatorTargets } from "./targets";
import type { ReadScope } from "./scope";
import type { TermSummary } from "./terms";
import { getResidentialGroupsView, type ResidentialGroupsView } from "./residential-groups";
import { getUnitValues, type UnitValue } from "./values";

export type DashboardIndicator = IndicatorInfo & {
  summary: IndicatorSummary;
  /** summary.figure and summary.isDemo, at the top level for the breakdowns */
  figure: TermFigure;
  isDemo: boolean;
  targets: IndicatorTargets;
  status: TargetStatus;
  /** true when the indicator is collected per residential group (its charts live on the groups' pages). */
  perGroup: boolean;
};

export type ProgrammeDashboard = {
  ward: OrgUnitDetail;
  term: TermSummary;
  programme: Omit<ProgrammeInfo, "sections">;
  otherProgrammes: Array<{ code: string; slug: string }>;
  sections: Array<{
    code: string;
    name: string;
    indicators: DashboardIndicator[];
    breakdowns: Breakdown<DashboardIndicator>[];
  }>;
  headline: DashboardIndicator[];
  projects: LandClearanceProjectInfo[];
  achievements: AchievementInfo[];
  /** Ranking of the ward's residential groups on the programme's first per-group indicator. */
  groupRanking: ResidentialGroupsView | null;
  hasDemo: boolean;
  /**
   * When the ward was formed from former units: their names, the date, and their figures of the
   * indicators that cannot be added up (rates, yes/no …), per former unit. Additive indicators
   * carry the sums in their yearly values, with a source naming the former units.
   */
  formedFrom: {
    effectiveOn: string;
    label: string;
    predecessors: { slug: string; name: string; shortName: string; share: string }[];
    perPredecessor: {
      code: string;
      name: string;
      unit: string;
      valueType: DashboardIndicator["valueType"];
      rows: { unit: string; year: number; value: string; qualifier: UnitValue["qualifier"] }[];
    }[];
  } | null;
};

/**
 * Everything a programme's dashboard shows for one ward: a fixed number of queries (with the successions
 * into the ward, and the former units' figures when it has some), whatever the number of charts.
 * Null when the ward is unknown or outside `scope`.
 */
export async function getProgrammeDashboard({
  wardSlug,
  programmeSlug,
  term,
  scope,
}: {
  wardSlug: string;
  programmeSlug: string;
  term: TermSummary;
  scope: ReadScope;
}): Promise<ProgrammeDashboard | null> {
  const [ward, programmes] = await Promise.all([getOrgUnit(wardSlug, scope), getProgrammes(term.id)]);
  const programme = programmes.find((p) => p.slug === programmeSlug);
  if (!ward || ward.level !== "WARD" || !programme) return null;
  const codes = programme.sections.flatMap((s) => s.indicators.map((i) => i.code));
  const firstGroupIndicator = programme.sections
    .flatMap((s) => s.indicators)
    .find((i) => i.collectionLevel === "RESIDENTIAL_GROUP");
  const [ownValues, targets, projects, achievements, groupRanking, history] = await Promise.all([
    getUnitValues({ orgUnitSlug: wardSlug, termId: term.id, scope, programmeSlug }),
    getTargets({ termId: term.id, indicatorCodes: codes, orgUnitSlug: wardSlug, scope }),
    getLandClearanceProjects({ wardSlug, termId: term.id, scope, programmeSlug }),
    getAchievements(term.id, { ward: wardSlug, programme: programmeSlug }, scope),
    firstGroupIndicator
      ? getResidentialGroupsView({ wardSlug, term, query: { indicator: firstGroupIndicator.code }, scope })
      : Promise.resolve(null),
    getPredecessorHistory({ unitSlug: wardSlug, termId: term.id, programmeSlug }),
  ]);
  const indicators = programme.sections.flatMap((s) => s.indicators);
  const formedFrom = history.effectiveOn ? predecessorView(history, indicators) : null;
  const values = formedFrom
    ? [...ownValues, ...inheritedValues({ history, indicators, own: ownValues, wardSlug })]
    : ownValues;
  const byCode = new Map<string, UnitValue[]>();
  for (const v of values) byCode.set(v.indicator.code, [...(byCode.get(v.indicator.code) ?? []), v]);

  const sections = programme.sections.map((s) => {
    const indicators = s.indicators.map((i): DashboardIndicator => {
      const summary = summariseIndicator(i.aggregation, byCode.get(i.code) ?? []);
      const t = targets.get(i.code) ?? { term: null, years: {} };
      const figure = summary.figure.basis === "none" ? null : summary.figure;
      return {
        ...i,
        summary,
        figure: summary.figure,
        isDemo: summary.isDemo,
        targets: t,
        status: targetStatus({ direction: i.direction, target: t.term, figure }),
        perGroup: i.collectionLevel === "RESIDENTIAL_GROUP",
      };
    });
    const breakdowns = sectionBreakdowns(indicators.filter((i) => !i.perGroup));
    return { code: s.code, name: s.name, indicators, breakdowns };
  });
  const { sections: _s, ...programmeInfo } = programme;
  return {
    ward,
    term,
    programme: programmeInfo,
    otherProgrammes: programmes.map((p) => ({ code: p.code, slug: p.slug })),
    sections,
    headline: sections.flatMap((s) => s.indicators.filter((i) => i.headline)),
    projects,
    achievements,
    groupRanking,
    hasDemo: values.some((v) => v.isDemo),
    formedFrom,
  };
}

type History = Awaited<ReturnType<typeof getPredecessorHistory>>;

/** The former units' sums of the additive indicators, as yearly values of the ward named after them. */
function inheritedValues({
  history,
  indicators,
  own,
  wardSlug,
}: {
  history: History;
  indicators: IndicatorInfo[];
  own: UnitValue[];
  wardSlug: string;
}): UnitValue[] {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const label = inheritedLabel(history.predecessors);
  const sums = sumPredecessorYears({
    predecessors: history.predecessors,
    values: history.values,
    additiveCodes: new Set(indicators.filter(isAdditive).map((i) => i.code)),
    lastYear: Number(history.effectiveOn!.slice(0, 4)) - (history.effectiveOn!.endsWith("-01-01") ? 1 : 0),
    ownYears: new Set(own.filter((v) => v.period.kind === "YEAR").map((v) => `${v.indicator.code}:${v.period.year}`)),
  });
  return sums.map((s) => {
    const i = byCode.get(s.indicatorCode)!;
    return {
      indicator: { code: i.code, name: i.name, unit: i.unit, valueType: i.valueType, programmeCode: "" },
      orgUnit: { slug: wardSlug, shortName: "" },
      period: { kind: "YEAR", year: s.year },
      value: s.value,
      qualifier: s.qualifier,
      note: null,
      source: {
        key: `predecessors:${history.predecessors.map((p) => p.slug).join("+")}`,
        title: label[0].toUpperCase() + label.slice(1),
        issuedOn: null,
        kind: s.sourceKind,
      },
      isDemo: s.sourceKind === "DEMO",
      version: 0,
      recordedAt: "",
    };
  });
}

function predecessorView(history: History, indicators: IndicatorInfo[]): NonNullable<ProgrammeDashboard["formedFrom"]> {
  const shortName = new Map(history.predecessors.map((p) => [p.slug, p.shortName]));
  const wholeMerge = history.predecessors.every((p) => Number(p.share) === 1);
  const perPredecessor = indicators
    .filter((i) => !(wholeMerge && isAdditive(i)))
    .map((i) => ({
      code: i.code,
      name: i.name,
      unit: i.unit,
      valueType: i.valueType,
      rows: history.values
        .filter((v) => v.indicatorCode === i.code)
        .map((v) => ({
          unit: shortName.get(v.unitSlug) ?? v.unitSlug,
          year: v.year,
          value: v.value,
          qualifier: v.qualifier,
        }))
        .sort((a, b) => a.year - b.year || a.unit.localeCompare(b.unit, "vi")),
    }))
    .filter((i) => i.rows.length > 0);
  return {
    effectiveOn: history.effectiveOn!,
    label: inheritedLabel(history.predecessors),
    predecessors: history.predecessors,
    perPredecessor,
  };
}
