import "server-only";
import { sectionBreakdowns, type Breakdown } from "@/lib/domain/breakdowns";
import { summariseIndicator, type IndicatorSummary } from "@/lib/domain/indicator-summary";
import { targetStatus, type TargetStatus } from "@/lib/domain/target-status";
import type { TermFigure } from "@/lib/domain/term-figure";
import { type FormedFrom, getUnitValuesWithHistory, historyIndicators } from "./org-unit-history";
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
import { cachedUnitPage } from "./unit-page-cache";
import { getResidentialGroupsView, type ResidentialGroupsView } from "./residential-groups";
import type { UnitValue } from "./values";

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
  /** When the ward was formed from former units (see `FormedFrom`). */
  formedFrom: FormedFrom | null;
};

type DashboardQuery = { wardSlug: string; programmeSlug: string; term: TermSummary; scope: ReadScope };

/**
 * Everything a programme's dashboard shows for one ward (with the successions into the ward, and the
 * former units' figures when it has some), kept per ward, programme and term (`cachedUnitPage`).
 * Null when the ward is unknown or outside `scope`, or the programme is not one of the ward's.
 */
export async function getProgrammeDashboard(query: DashboardQuery): Promise<ProgrammeDashboard | null> {
  const { wardSlug, programmeSlug, term, scope } = query;
  return cachedUnitPage("dashboard", wardSlug, `${term.id}:${programmeSlug}`, scope, (all) =>
    readProgrammeDashboard({ ...query, scope: all }),
  );
}

/** `getProgrammeDashboard` read now: a fixed number of queries, whatever the number of charts. */
async function readProgrammeDashboard({
  wardSlug,
  programmeSlug,
  term,
  scope,
}: DashboardQuery): Promise<ProgrammeDashboard | null> {
  const [ward, programmes] = await Promise.all([
    getOrgUnit(wardSlug, scope),
    getProgrammes(term.id, { unitSlug: wardSlug }),
  ]);
  const programme = programmes.find((p) => p.slug === programmeSlug);
  if (!ward || ward.level !== "WARD" || !programme) return null;
  const codes = programme.sections.flatMap((s) => s.indicators.map((i) => i.code));
  const firstGroupIndicator = programme.sections
    .flatMap((s) => s.indicators)
    .find((i) => i.collectionLevel === "RESIDENTIAL_GROUP");
  const [{ values, formedFrom }, targets, projects, achievements, groupRanking] = await Promise.all([
    getUnitValuesWithHistory({
      orgUnitSlug: wardSlug,
      termId: term.id,
      scope,
      programmeSlug,
      indicators: historyIndicators([programme]),
    }),
    getTargets({ termId: term.id, indicatorCodes: codes, orgUnitSlug: wardSlug, scope }),
    getLandClearanceProjects({ wardSlug, termId: term.id, scope, programmeSlug }),
    getAchievements(term.id, { ward: wardSlug, programme: programmeSlug }, scope),
    firstGroupIndicator
      ? getResidentialGroupsView({
          wardSlug,
          term,
          query: { indicator: firstGroupIndicator.code },
          scope,
          loaded: { ward, programmes },
        })
      : Promise.resolve(null),
  ]);
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
