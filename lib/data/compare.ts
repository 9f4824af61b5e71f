import "server-only";
import { db } from "@/lib/db";
import {
  compareWithSiblings,
  comparisonRows,
  figuresAcrossTerms,
  normalisation,
  parentFigure,
  perThousand,
  unitFigures,
  type ComparisonRow,
  type Normalisation,
  type ParentFigure,
  type PerBasis,
  type PeriodChoice,
  type PeriodFigure,
  type SiblingComparison,
  type SortOrder,
  type TermRef,
  type TermValueInput,
  type UnitValueInput,
} from "@/lib/domain/compare";
import type { SourceRef } from "@/lib/domain/indicator-summary";
import { targetStatus, type TargetStatus } from "@/lib/domain/target-status";
import type { OrgLevel, PeriodKind, Qualifier } from "@/lib/generated/prisma/enums";
import { getOrgUnit, type OrgUnitRef } from "./org-units";
import { getProgrammes, type IndicatorInfo, type ProgrammeInfo } from "./programmes";
import { type ReadScope, orgUnitScopeWhere, scopeWhere } from "./scope";
import { decimalString, isoDay } from "./serialize";
import { getTargets, type TargetInfo } from "./targets";
import type { TermSummary } from "./terms";

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

const refSelect = { slug: true, name: true, shortName: true, level: true } as const;

export type ComparableParent = OrgUnitRef & { childLevel: OrgLevel; childCount: number };

/** Units in `scope` that have children, i.e. whose children can be compared (one query). */
export async function getComparableParents(scope: ReadScope): Promise<ComparableParent[]> {
  const rows = await db().orgUnit.findMany({
    where: { children: { some: {} }, ...scopeWhere(scope) },
    orderBy: [{ level: "asc" }, { sortOrder: "asc" }, { slug: "asc" }],
    select: { ...refSelect, children: { select: { level: true }, take: 1 }, _count: { select: { children: true } } },
  });
  return rows.map(({ children, _count, ...u }) => ({
    ...u,
    childLevel: children[0].level,
    childCount: _count.children,
  }));
}

export type ChildUnit = OrgUnitRef & { population: number | null; households: number | null };
export type ParentUnit = OrgUnitRef & { parent: OrgUnitRef | null; children: ChildUnit[] };

/** A unit in `scope` with its parent and its children, with the children's known sizes (one query). */
async function getParentUnit(slug: string, scope: ReadScope): Promise<ParentUnit | null> {
  return db().orgUnit.findFirst({
    where: { slug, ...scopeWhere(scope) },
    select: {
      ...refSelect,
      parent: { select: refSelect },
      children: {
        where: scopeWhere(scope),
        select: { ...refSelect, population: true, households: true },
        orderBy: [{ sortOrder: "asc" }, { slug: "asc" }],
      },
    },
  });
}

const valueSelect = {
  value: true,
  qualifier: true,
  note: true,
  orgUnit: { select: { slug: true } },
  period: { select: { kind: true, year: true, term: { select: { slug: true } } } },
  source: { select: { key: true, title: true, issuedOn: true, kind: true } },
  indicator: { select: { code: true } },
} as const;

type ValueRow = {
  value: { toFixed(): string };
  qualifier: Qualifier;
  note: string | null;
  orgUnit: { slug: string };
  period: { kind: PeriodKind; year: number | null; term: { slug: string } };
  source: { key: string; title: string; issuedOn: Date | null; kind: SourceRef["kind"] };
  indicator: { code: string };
};

function toInput(r: ValueRow): UnitValueInput & TermValueInput {
  return {
    unitSlug: r.orgUnit.slug,
    code: r.indicator.code,
    termSlug: r.period.term.slug,
    period: { kind: r.period.kind, year: r.period.year },
    value: decimalString(r.value),
    qualifier: r.qualifier,
    note: r.note,
    source: { ...r.source, issuedOn: isoDay(r.source.issuedOn) },
  };
}

/**
 * Every value (the years and the whole term) of the given indicators of one programme for the
 * children of a unit in `scope` in a term: one query, whatever the number of children and indicators.
 */
export async function getChildrenValues({
  parentSlug,
  termId,
  programmeSlug,
  codes,
  scope,
}: {
  parentSlug: string;
  termId: number;
  programmeSlug: string;
  codes: string[];
  scope: ReadScope;
}) {
  const rows = await db().result.findMany({
    where: {
      orgUnit: { parent: { slug: parentSlug } },
      ...orgUnitScopeWhere(scope),
      period: { termId },
      indicator: { code: { in: codes }, programme: { termId, slug: programmeSlug } },
    },
    select: valueSelect,
  });
  return rows.map(toInput);
}

/**
 * The given indicators of a programme (same issuer and slug) in every term that holds them, and a
 * unit's values of them in all those terms (none outside `scope`): two queries.
 */
export async function getAcrossTerms({
  unitSlug,
  issuerSlug,
  programmeSlug,
  codes,
  scope,
}: {
  unitSlug: string;
  issuerSlug: string;
  programmeSlug: string;
  codes: string[];
  scope: ReadScope;
}) {
  const programme = { slug: programmeSlug, issuer: { slug: issuerSlug } };
  const [indicators, rows] = await Promise.all([
    db().indicator.findMany({
      where: { code: { in: codes }, programme },
      select: {
        code: true,
        aggregation: true,
        programme: { select: { term: { select: { slug: true, name: true, startYear: true } } } },
      },
    }),
    db().result.findMany({
      where: {
        orgUnit: { slug: unitSlug },
        ...orgUnitScopeWhere(scope),
        indicator: { code: { in: codes }, programme },
      },
      select: valueSelect,
    }),
  ]);
  return {
    indicators: indicators.map((i) => ({ code: i.code, aggregation: i.aggregation, term: i.programme.term })),
    values: rows.map(toInput),
  };
}

// ---------------------------------------------------------------------------------------------
// /compare: the children of a unit on one indicator
// ---------------------------------------------------------------------------------------------

export type ProgrammeRef = { code: string; slug: string; number: number; title: string };
export type IndicatorOfProgramme = IndicatorInfo & { programme: ProgrammeRef };
export type IndicatorGroup = { programme: ProgrammeRef; indicators: IndicatorInfo[] };

function programmeRef(p: ProgrammeInfo): ProgrammeRef {
  return { code: p.code, slug: p.slug, number: p.number, title: p.title };
}

/** Indicators of the term collected at a level, grouped by programme (empty programmes left out). */
function indicatorGroups(programmes: ProgrammeInfo[], level: OrgLevel): IndicatorGroup[] {
  return programmes
    .map((p) => ({
      programme: programmeRef(p),
      indicators: p.sections.flatMap((s) => s.indicators).filter((i) => i.collectionLevel === level),
    }))
    .filter((g) => g.indicators.length > 0);
}

export type IndicatorComparison = {
  term: TermSummary;
  parent: ParentUnit;
  childLevel: OrgLevel;
  parents: ComparableParent[];
  groups: IndicatorGroup[];
  indicator: IndicatorOfProgramme;
  /** An indicator code that was asked for but is not collected at the children's level. */
  fellBackFrom: string | null;
  period: PeriodChoice;
  years: number[];
  sort: SortOrder;
  per: PerBasis;
  rows: ComparisonRow[];
  parentFigure: ParentFigure | null;
  /** The parent's figure per 1 000 inhabitants/households when normalised (total ÷ total size). */
  parentShown: string | null;
  normalisation: Normalisation;
  target: TargetInfo | null;
};

export function termYears(term: TermSummary): number[] {
  return Array.from({ length: term.endYear - term.startYear + 1 }, (_, i) => term.startYear + i);
}

const periodInTerm = (period: PeriodChoice, term: TermSummary) =>
  period.kind === "TERM" || (period.year >= term.startYear && period.year <= term.endYear);

/**
 * Everything /compare shows, in a fixed number of queries: the unit and its children, the parents
 * that can be chosen, the programmes, the values of all children (one query), the targets (one).
 * Null when the unit, the indicator or the period is unknown, or the unit is outside `scope`.
 */
export async function getIndicatorComparison(
  term: TermSummary,
  q: { parent: string; indicator?: string; period: PeriodChoice; sort: SortOrder; per: PerBasis },
  scope: ReadScope,
): Promise<IndicatorComparison | null> {
  if (!periodInTerm(q.period, term)) return null;
  const [parent, programmes, parents] = await Promise.all([
    getParentUnit(q.parent, scope),
    getProgrammes(term.id),
    getComparableParents(scope),
  ]);
  if (!parent || parent.children.length === 0) return null;
  const childLevel = parent.children[0].level;
  const groups = indicatorGroups(programmes, childLevel);
  if (groups.length === 0) return null;

  const withProgramme = groups.flatMap((g) => g.indicators.map((i) => ({ ...i, programme: g.programme })));
  const fallback = withProgramme.find((i) => i.headline) ?? withProgramme[0];
  let indicator = fallback;
  let fellBackFrom: string | null = null;
  if (q.indicator !== undefined) {
    const found = withProgramme.find((i) => i.code === q.indicator);
    if (found) indicator = found;
    else if (programmes.some((p) => p.sections.some((s) => s.indicators.some((i) => i.code === q.indicator))))
      fellBackFrom = q.indicator;
    else return null;
  }

  const [values, targets] = await Promise.all([
    getChildrenValues({
      parentSlug: parent.slug,
      termId: term.id,
      programmeSlug: indicator.programme.slug,
      codes: [indicator.code],
      scope,
    }),
    getTargets({ termId: term.id, indicatorCodes: [indicator.code], orgUnitSlug: parent.slug, scope }),
  ]);
  const figures = unitFigures(parent.children, values, indicator.aggregation, q.period);
  const norm = normalisation(q.per, indicator, parent.children);
  const t = targets.get(indicator.code);
  const target = (q.period.kind === "TERM" ? t?.term : t?.years[q.period.year]) ?? null;
  const rows = comparisonRows({ indicator, figures, normalisation: norm, target, sort: q.sort });
  const pf = parentFigure(
    indicator,
    figures.map((f) => f.figure),
  );
  const levels = new Set(
    programmes.flatMap((p) => p.sections.flatMap((s) => s.indicators.map((i) => i.collectionLevel))),
  );
  return {
    term,
    parent,
    childLevel,
    // only units whose children collect some indicator of the term can be chosen
    parents: parents.filter((p) => levels.has(p.childLevel)),
    groups,
    indicator,
    fellBackFrom,
    period: q.period,
    years: termYears(term),
    sort: q.sort,
    per: q.per,
    rows,
    parentFigure: pf,
    parentShown: pf && norm.state === "on" && pf.kind === "total" ? perThousand(pf.value, norm.total) : null,
    normalisation: norm,
    target,
  };
}

// ---------------------------------------------------------------------------------------------
// /compare/ward: one unit against the average of its siblings on a programme
// ---------------------------------------------------------------------------------------------

export type WardIndicatorRow = {
  indicator: IndicatorInfo;
  own: PeriodFigure;
  siblings: SiblingComparison;
  target: TargetInfo | null;
  status: TargetStatus;
  /** Term figures of the unit in every term holding the indicator, oldest first. */
  acrossTerms: Array<{ term: TermRef; figure: PeriodFigure }>;
};

export type WardComparison = {
  term: TermSummary;
  unit: OrgUnitRef;
  parent: ParentUnit;
  programmes: ProgrammeRef[];
  programme: ProgrammeRef;
  period: PeriodChoice;
  years: number[];
  sections: Array<{ code: string; name: string; rows: WardIndicatorRow[] }>;
  siblingCount: number;
};

/**
 * Everything /compare/ward shows, in a fixed number of queries. Null when something is unknown, or
 * the unit or its parent (whose other children it is compared with) is outside `scope`.
 */
export async function getWardComparison(
  term: TermSummary,
  q: { ward: string; programme?: string; period: PeriodChoice },
  scope: ReadScope,
): Promise<WardComparison | null> {
  if (!periodInTerm(q.period, term)) return null;
  const [unit, programmes] = await Promise.all([getOrgUnit(q.ward, scope), getProgrammes(term.id)]);
  if (!unit || !unit.parent || programmes.length === 0) return null;
  const programme = q.programme === undefined ? programmes[0] : programmes.find((p) => p.slug === q.programme);
  if (!programme) return null;
  const sections = programme.sections
    .map((s) => ({
      code: s.code,
      name: s.name,
      indicators: s.indicators.filter((i) => i.collectionLevel === unit.level),
    }))
    .filter((s) => s.indicators.length > 0);
  const codes = sections.flatMap((s) => s.indicators.map((i) => i.code));

  const [parent, values, targets, across] = await Promise.all([
    getParentUnit(unit.parent.slug, scope),
    getChildrenValues({ parentSlug: unit.parent.slug, termId: term.id, programmeSlug: programme.slug, codes, scope }),
    getTargets({ termId: term.id, indicatorCodes: codes, orgUnitSlug: unit.slug, scope }),
    getAcrossTerms({
      unitSlug: unit.slug,
      issuerSlug: programme.issuer.slug,
      programmeSlug: programme.slug,
      codes,
      scope,
    }),
  ]);
  if (!parent) return null;
  const byTerm = figuresAcrossTerms(across.indicators, across.values);
  const siblings = parent.children.filter((c) => c.slug !== unit.slug);

  const rowsOf = (indicator: IndicatorInfo): WardIndicatorRow => {
    const mine = values.filter((v) => v.code === indicator.code);
    const figures = unitFigures(parent.children, mine, indicator.aggregation, q.period);
    const own = figures.find((f) => f.unit.slug === unit.slug)!.figure;
    const others = figures.filter((f) => f.unit.slug !== unit.slug).map((f) => f.figure);
    const t = targets.get(indicator.code);
    const target = (q.period.kind === "TERM" ? t?.term : t?.years[q.period.year]) ?? null;
    return {
      indicator,
      own,
      siblings: compareWithSiblings(indicator, own, others),
      target,
      status: targetStatus({
        direction: indicator.direction,
        target,
        figure: own.value === null ? null : { value: own.value, qualifier: own.qualifier },
      }),
      acrossTerms: byTerm.get(indicator.code) ?? [],
    };
  };

  return {
    term,
    unit: { slug: unit.slug, name: unit.name, shortName: unit.shortName, level: unit.level },
    parent,
    programmes: programmes.map(programmeRef),
    programme: programmeRef(programme),
    period: q.period,
    years: termYears(term),
    sections: sections.map((s) => ({ code: s.code, name: s.name, rows: s.indicators.map(rowsOf) })),
    siblingCount: siblings.length,
  };
}
