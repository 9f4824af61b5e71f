import "server-only";
import {
  summariseGroups,
  summariseIndicator,
  type GroupSummary,
  type IndicatorSummary,
} from "@/lib/domain/indicator-summary";
import { type FormedFrom, getPredecessorHistory, historyIndicators, withPredecessorYears } from "./org-unit-history";
import { getOrgUnit, type OrgUnitDetail } from "./org-units";
import { getProgrammes, type IndicatorInfo, type ProgrammeInfo } from "./programmes";
import {
  getAchievements,
  getLandClearanceProjects,
  type AchievementInfo,
  type LandClearanceProjectInfo,
} from "./records";
import type { ReadScope } from "./scope";
import type { TermSummary } from "./terms";
import { cachedUnitPage } from "./unit-page-cache";
import { getChildUnitValues, getUnitValues } from "./values";

export type IndicatorRow = {
  indicator: IndicatorInfo;
  summary: IndicatorSummary;
  groups: GroupSummary | null;
};

export type WardOverview = {
  ward: OrgUnitDetail;
  term: TermSummary;
  programmes: Array<
    Omit<ProgrammeInfo, "sections"> & { sections: Array<{ code: string; name: string; rows: IndicatorRow[] }> }
  >;
  projects: LandClearanceProjectInfo[];
  achievements: AchievementInfo[];
  hasDemo: boolean;
  /** When the ward was formed from former units: their additive figures are summed into its years. */
  formedFrom: FormedFrom | null;
};

function byIndicator<V>(values: V[], code: (v: V) => string): Map<string, V[]> {
  const map = new Map<string, V[]>();
  for (const v of values) {
    const list = map.get(code(v)) ?? [];
    list.push(v);
    map.set(code(v), list);
  }
  return map;
}

/**
 * Everything the ward overview shows, with the former units' sums when the ward was formed by a
 * merge; kept per ward and term (`cachedUnitPage`). Null when the ward is unknown or outside `scope`.
 */
export async function getWardOverview(
  wardSlug: string,
  term: TermSummary,
  scope: ReadScope,
): Promise<WardOverview | null> {
  return cachedUnitPage("wardOverview", wardSlug, `${term.id}`, scope, (all) => readWardOverview(wardSlug, term, all));
}

/** `getWardOverview` read now, in a fixed number of queries (no per-indicator queries). */
async function readWardOverview(wardSlug: string, term: TermSummary, scope: ReadScope): Promise<WardOverview | null> {
  // all at once: each read is scoped, so a ward outside `scope` reads as nothing everywhere
  const [ward, programmes, ownValues, history, groupValues, projects, achievements] = await Promise.all([
    getOrgUnit(wardSlug, scope),
    getProgrammes(term.id, { unitSlug: wardSlug }),
    getUnitValues({ orgUnitSlug: wardSlug, termId: term.id, scope }),
    getPredecessorHistory({ unitSlug: wardSlug, termId: term.id }),
    getChildUnitValues(wardSlug, term.id, scope),
    getLandClearanceProjects({ wardSlug, termId: term.id, scope }),
    getAchievements(term.id, { ward: wardSlug }, scope),
  ]);
  if (!ward || ward.level !== "WARD") return null;
  const { values, formedFrom } = withPredecessorYears({
    history,
    indicators: historyIndicators(programmes),
    own: ownValues,
    unitSlug: wardSlug,
  });
  const own = byIndicator(values, (v) => v.indicator.code);
  const ofGroups = byIndicator(groupValues, (v) => v.code);
  const result: WardOverview["programmes"] = programmes.map(({ sections, ...p }) => ({
    ...p,
    sections: sections.map((s) => ({
      code: s.code,
      name: s.name,
      rows: s.indicators.map((indicator) => ({
        indicator,
        summary: summariseIndicator(indicator.aggregation, own.get(indicator.code) ?? []),
        groups:
          indicator.collectionLevel === "RESIDENTIAL_GROUP"
            ? summariseGroups(ofGroups.get(indicator.code) ?? [], indicator.valueType === "BOOLEAN")
            : null,
      })),
    })),
  }));
  const hasDemo = [...values, ...groupValues].some((v) => v.isDemo);
  return { ward, term, programmes: result, projects, achievements, hasDemo, formedFrom };
}
