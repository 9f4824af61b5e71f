import "server-only";
import { rows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PeriodKind, Qualifier } from "@/lib/generated/prisma/enums";
import { summariseIndicator, type IndicatorSummary, type ValueInput } from "@/lib/domain/indicator-summary";
import {
  checkDerivedShare,
  pickYear,
  rankGroups,
  WARD_COUNTERPART,
  wardShareFromGroups,
  type DerivationCheck,
  type GroupSeries,
  type GroupYearCell,
  type RankedGroup,
  type RankMode,
  type WardShare,
} from "@/lib/domain/residential-groups";
import { averageOf } from "@/lib/domain/decimal";
import { targetStatus, type TargetStatus } from "@/lib/domain/target-status";
import { getOrgUnit, type OrgUnitDetail, type OrgUnitRef } from "./org-units";
import { getProgrammes, type IndicatorInfo, type ProgrammeInfo } from "./programmes";
import { getAchievements, type AchievementInfo } from "./records";
import { type ReadScope, scopePathSql } from "./scope";
import { type SourceColumns, decimalString, sourceColumnsSql, sourceOfRow } from "./serialize";
import { getTargets, type IndicatorTargets, type TargetInfo } from "./targets";
import type { TermSummary } from "./terms";
import { cachedUnitPage } from "./unit-page-cache";
import { getUnitValues } from "./values";

// ---------------------------------------------------------------------------------------------
// Queries (one each)
// ---------------------------------------------------------------------------------------------

export type MatrixCell = GroupYearCell & { groupSlug: string };

type CellRow = SourceColumns & {
  groupSlug: string;
  year: number;
  value: string;
  qualifier: Qualifier;
  note: string | null;
};

/**
 * The group × year matrix of one indicator for the residential groups of a ward in `scope`: one
 * statement, the catalogue rows joined (Prisma's nested selects sent four).
 */
export async function getGroupMatrix({
  wardSlug,
  termId,
  indicatorCode,
  scope,
}: {
  wardSlug: string;
  termId: number;
  indicatorCode: string;
  scope: ReadScope;
}): Promise<MatrixCell[]> {
  // named prepared statements (`rows`), as the other statements every ward page sends: Prisma's own
  // work per statement cost more than PostgreSQL's (numeric read as text, for decimalString)
  const found = await rows<CellRow>(Prisma.sql`
    SELECT o.slug AS "groupSlug", p.year, r.value, r.qualifier::text AS qualifier, r.note, ${sourceColumnsSql("s")}
      FROM result r
      JOIN org_unit o ON o.id = r.org_unit_id
      JOIN period p ON p.id = r.period_id
      JOIN source s ON s.id = r.source_id
     WHERE r.indicator_id IN (SELECT i.id FROM indicator i JOIN programme pr ON pr.id = i.programme_id
                               WHERE i.code = ${indicatorCode} AND pr.term_id = ${termId})
       AND o.parent_id = (SELECT w.id FROM org_unit w WHERE w.slug = ${wardSlug}) AND o.level = 'RESIDENTIAL_GROUP'
       AND ${scopePathSql(scope, Prisma.sql`o.path`)}
       AND p.term_id = ${termId} AND p.kind = 'YEAR' AND p.year IS NOT NULL
     ORDER BY o.sort_order, p.year`);
  return found.map(({ sourceKey, sourceTitle, sourceIssuedOn, sourceKind, ...r }) => ({
    groupSlug: r.groupSlug,
    year: r.year,
    value: decimalString(r.value),
    qualifier: r.qualifier,
    note: r.note,
    source: sourceOfRow({ sourceKey, sourceTitle, sourceIssuedOn, sourceKind }),
    isDemo: sourceKind === "DEMO",
  }));
}

type IndicatorValueRow = SourceColumns & {
  code: string;
  kind: PeriodKind;
  year: number | null;
  value: string;
  qualifier: Qualifier;
  note: string | null;
};

/** Values (yearly and for the term) of some indicators of one unit in a term (one statement); none outside `scope`. */
export async function getIndicatorValues({
  orgUnitSlug,
  termId,
  indicatorCodes,
  scope,
}: {
  orgUnitSlug: string;
  termId: number;
  indicatorCodes: string[];
  scope: ReadScope;
}): Promise<Array<ValueInput & { code: string }>> {
  if (indicatorCodes.length === 0) return [];
  const found = await rows<IndicatorValueRow>(Prisma.sql`
    SELECT i.code, p.kind::text AS kind, p.year, r.value, r.qualifier::text AS qualifier, r.note, ${sourceColumnsSql("s")}
      FROM result r
      JOIN org_unit o ON o.id = r.org_unit_id
      JOIN indicator i ON i.id = r.indicator_id
      JOIN programme pr ON pr.id = i.programme_id
      JOIN period p ON p.id = r.period_id
      JOIN source s ON s.id = r.source_id
     WHERE o.slug = ${orgUnitSlug} AND ${scopePathSql(scope, Prisma.sql`o.path`)}
       AND i.code = ANY(${indicatorCodes}::text[]) AND pr.term_id = ${termId} AND p.term_id = ${termId}
     ORDER BY p.kind, p.year`);
  return found.map((r) => ({
    code: r.code,
    period: { kind: r.kind, year: r.year },
    value: decimalString(r.value),
    qualifier: r.qualifier,
    note: r.note,
    source: sourceOfRow(r),
  }));
}

// ---------------------------------------------------------------------------------------------
// Composition
// ---------------------------------------------------------------------------------------------

const termYears = (term: TermSummary) =>
  Array.from({ length: term.endYear - term.startYear + 1 }, (_, i) => term.startYear + i);

/** The ward's residential groups in their order (those of other levels are left out). */
const groupsOf = (ward: OrgUnitDetail): OrgUnitRef[] => ward.children.filter((c) => c.level === "RESIDENTIAL_GROUP");

/** Every indicator of the term's programmes that apply to the ward, in catalogue order. */
async function catalogue(termId: number, wardSlug: string): Promise<IndicatorInfo[]> {
  return indicatorsOf(await getProgrammes(termId, { unitSlug: wardSlug }));
}

const indicatorsOf = (programmes: ProgrammeInfo[]): IndicatorInfo[] =>
  programmes.flatMap((p) => p.sections.flatMap((s) => s.indicators));

const isGroupIndicator = (i: IndicatorInfo) => i.collectionLevel === "RESIDENTIAL_GROUP";

export type YearAggregate = {
  year: number;
  /** Groups with a value this year. */
  groupsWithValues: number;
  /** Average of the groups (rates). */
  average: string | null;
  /** Groups achieving and their share of the ward's groups (yes/no indicators). */
  share: WardShare | null;
  /** Some of the year's values are demonstration data. */
  isDemo: boolean;
};

export type WardCounterpart = {
  indicator: IndicatorInfo;
  summary: IndicatorSummary;
  targets: IndicatorTargets | null;
  status: TargetStatus;
};

export type ResidentialGroupsView = {
  ward: OrgUnitDetail;
  term: TermSummary;
  indicators: IndicatorInfo[];
  indicator: IndicatorInfo;
  isYesNo: boolean;
  years: number[];
  yearsWithValues: number[];
  /** The year shown; null when the indicator has no values at all. */
  year: number | null;
  /** The requested year had no values: the latest year is shown instead. */
  requestedYear: number | null;
  groups: GroupSeries[];
  rankMode: RankMode;
  ranking: RankedGroup[];
  /** Average of the ranked figures (the reference line). */
  average: string | null;
  /** Target of the ranked figure (the year's, or the term's for a term ranking). */
  target: TargetInfo | null;
  perYear: YearAggregate[];
  counterpart: WardCounterpart | null;
  /** For `wardFromGroups` indicators: the ward figure of each year checked against the groups. */
  derivation: Array<{ year: number; share: WardShare | null; check: DerivationCheck }> | null;
  hasDemo: boolean;
};

export type GroupsQuery = { indicator?: string; year?: number };

/**
 * Everything the residential-groups page shows for one indicator and year, kept per ward, term,
 * indicator and year (`cachedUnitPage`; the dashboard reads it with what it has `loaded` instead).
 * Null when the ward is unknown or outside `scope`, the indicator is unknown, or the year lies
 * outside the term.
 */
export async function getResidentialGroupsView(
  view: Parameters<typeof readResidentialGroupsView>[0],
): Promise<ResidentialGroupsView | null> {
  const { wardSlug, term, query, scope, loaded } = view;
  if (loaded) return readResidentialGroupsView(view);
  const key = `${term.id}:${query.indicator ?? ""}:${query.year ?? ""}`;
  return cachedUnitPage("groups", wardSlug, key, scope, (all) => readResidentialGroupsView({ ...view, scope: all }));
}

/**
 * `getResidentialGroupsView` read now: one query for the matrix, one for the ward's own figure, one
 * for targets (after the ward, term and catalogue).
 */
async function readResidentialGroupsView({
  wardSlug,
  term,
  query,
  scope,
  loaded,
}: {
  wardSlug: string;
  term: TermSummary;
  query: GroupsQuery;
  scope: ReadScope;
  /** The ward (read with `scope`) and its programmes, when the caller has them already (the dashboard). */
  loaded?: { ward: OrgUnitDetail | null; programmes: ProgrammeInfo[] };
}): Promise<ResidentialGroupsView | null> {
  const [ward, all] = loaded
    ? [loaded.ward, indicatorsOf(loaded.programmes)]
    : await Promise.all([getOrgUnit(wardSlug, scope), catalogue(term.id, wardSlug)]);
  const indicators = all.filter(isGroupIndicator);
  if (!ward || ward.level !== "WARD" || indicators.length === 0) return null;
  const indicator = query.indicator === undefined ? indicators[0] : indicators.find((i) => i.code === query.indicator);
  if (!indicator) return null;
  const years = termYears(term);
  if (query.year !== undefined && !years.includes(query.year)) return null;

  const counterpartCode = WARD_COUNTERPART[indicator.code];
  const [cells, wardValues, targets] = await Promise.all([
    getGroupMatrix({ wardSlug, termId: term.id, indicatorCode: indicator.code, scope }),
    counterpartCode
      ? getIndicatorValues({ orgUnitSlug: wardSlug, termId: term.id, indicatorCodes: [counterpartCode], scope })
      : Promise.resolve([]),
    getTargets({
      termId: term.id,
      indicatorCodes: counterpartCode ? [indicator.code, counterpartCode] : [indicator.code],
      orgUnitSlug: wardSlug,
      scope,
    }),
  ]);

  const units = groupsOf(ward);
  const byGroup = new Map<string, GroupYearCell[]>();
  for (const { groupSlug, ...c } of cells) byGroup.set(groupSlug, [...(byGroup.get(groupSlug) ?? []), c]);
  const groups: GroupSeries[] = units.map((u, i) => ({
    slug: u.slug,
    name: u.shortName,
    order: i,
    cells: byGroup.get(u.slug) ?? [],
  }));

  const yearsWithValues = [...new Set(cells.map((c) => c.year))].sort((a, b) => a - b);
  const picked = pickYear(query.year, yearsWithValues);
  const isYesNo = indicator.valueType === "BOOLEAN";
  const rankMode: RankMode = isYesNo
    ? { kind: "term", rule: indicator.aggregation }
    : { kind: "year", year: picked?.year ?? years[years.length - 1] };
  const ranking = rankGroups(groups, rankMode, indicator.direction);
  const own = targets.get(indicator.code);
  const target = (rankMode.kind === "year" ? own?.years[rankMode.year] : own?.term) ?? null;

  const perYear: YearAggregate[] = yearsWithValues.map((year) => {
    const ofYear = cells.filter((c) => c.year === year);
    return {
      year,
      groupsWithValues: ofYear.length,
      average: isYesNo ? null : averageOf(ofYear.map((c) => c.value)),
      share: isYesNo ? wardShareFromGroups(ofYear, units.length) : null,
      isDemo: ofYear.some((c) => c.isDemo),
    };
  });

  let counterpart: WardCounterpart | null = null;
  let derivation: ResidentialGroupsView["derivation"] = null;
  if (counterpartCode) {
    const info = all.find((i) => i.code === counterpartCode);
    if (info) {
      const summary = summariseIndicator(info.aggregation, wardValues);
      const t = targets.get(counterpartCode) ?? null;
      counterpart = {
        indicator: info,
        summary,
        targets: t,
        status: targetStatus({
          direction: info.direction,
          target: t?.term ?? null,
          figure: summary.figure.basis === "none" ? null : summary.figure,
        }),
      };
      if (indicator.wardFromGroups && isYesNo) {
        derivation = yearsWithValues.map((year) => {
          const share = perYear.find((p) => p.year === year)?.share ?? null;
          const stored = summary.years.find((y) => y.year === year);
          return {
            year,
            share,
            check: checkDerivedShare(stored ? { value: stored.value, qualifier: stored.qualifier } : null, share),
          };
        });
      }
    }
  }

  const hasDemo = cells.some((c) => c.isDemo) || wardValues.some((v) => v.source.kind === "DEMO");
  return {
    ward,
    term,
    indicators,
    indicator,
    isYesNo,
    years,
    yearsWithValues,
    year: picked?.year ?? null,
    requestedYear: picked?.fallback ? (query.year ?? null) : null,
    groups,
    rankMode,
    ranking,
    average: averageOf(ranking.map((r) => r.value)),
    target,
    perYear,
    counterpart,
    derivation,
    hasDemo,
  };
}

export type GroupIndicatorRow = {
  indicator: IndicatorInfo;
  summary: IndicatorSummary;
  targets: IndicatorTargets | null;
  status: TargetStatus;
};

export type ResidentialGroupView = {
  ward: OrgUnitDetail;
  term: TermSummary;
  group: OrgUnitRef;
  /** Position of the group among the ward's groups (1-based) and their number. */
  position: number;
  groupCount: number;
  previous: OrgUnitRef | null;
  next: OrgUnitRef | null;
  rows: GroupIndicatorRow[];
  achievements: AchievementInfo[];
  hasDemo: boolean;
};

/**
 * One residential group: each indicator collected per group over the years with its term figure
 * and target status, and the named achievements whose subject it is. The group's values come in
 * one query. Null when the ward, or the group under that ward, is unknown or outside `scope`.
 */
export async function getResidentialGroupView({
  wardSlug,
  slug,
  term,
  scope,
}: {
  wardSlug: string;
  slug: string;
  term: TermSummary;
  scope: ReadScope;
}): Promise<ResidentialGroupView | null> {
  const [ward, all] = await Promise.all([getOrgUnit(wardSlug, scope), catalogue(term.id, wardSlug)]);
  if (!ward || ward.level !== "WARD") return null;
  const units = groupsOf(ward);
  const index = units.findIndex((u) => u.slug === slug);
  if (index < 0) return null;
  const indicators = all.filter(isGroupIndicator);
  const codes = new Set(indicators.map((i) => i.code));

  const [values, targets, achievements] = await Promise.all([
    getUnitValues({ orgUnitSlug: slug, termId: term.id, scope }),
    getTargets({ termId: term.id, indicatorCodes: [...codes], orgUnitSlug: slug, scope }),
    getAchievements(term.id, { subject: slug }, scope),
  ]);
  const byIndicator = new Map<string, ValueInput[]>();
  for (const v of values) {
    if (!codes.has(v.indicator.code)) continue;
    byIndicator.set(v.indicator.code, [...(byIndicator.get(v.indicator.code) ?? []), v]);
  }
  const rows: GroupIndicatorRow[] = indicators.map((indicator) => {
    const summary = summariseIndicator(indicator.aggregation, byIndicator.get(indicator.code) ?? []);
    const t = targets.get(indicator.code) ?? null;
    return {
      indicator,
      summary,
      targets: t,
      status: targetStatus({
        direction: indicator.direction,
        target: t?.term ?? null,
        figure: summary.figure.basis === "none" ? null : summary.figure,
      }),
    };
  });
  return {
    ward,
    term,
    group: units[index],
    position: index + 1,
    groupCount: units.length,
    previous: units[index - 1] ?? null,
    next: units[index + 1] ?? null,
    rows,
    achievements,
    hasDemo: rows.some((r) => r.summary.years.some((y) => y.isDemo)) || achievements.some((a) => a.isDemo),
  };
}
