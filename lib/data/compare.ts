import "server-only";
import { db, rows } from "@/lib/db";
import {
  canNormalise,
  compareWithAverage,
  figuresAcrossTerms,
  parentFigureOf,
  perThousand,
  type ComparisonRow,
  type FigureBasis,
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
import { fromScaled, toScaled } from "@/lib/domain/decimal";
import { inheritedLabel } from "@/lib/domain/org-units";
import type { SourceRef } from "@/lib/domain/indicator-summary";
import { targetStatus, type TargetStatus } from "@/lib/domain/target-status";
import { viFold } from "@/lib/domain/vi-fold";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgLevel, PeriodKind, Qualifier } from "@/lib/generated/prisma/enums";
import { cachedCatalogue, cachedProgress } from "./catalogue-cache";
import { getOrgUnit, getUnitScope, type OrgUnitRef } from "./org-units";
import {
  appliesToRowsSql,
  childrenFlagsSql,
  getProgrammes,
  type IndicatorInfo,
  type ProgrammeInfo,
} from "./programmes";
import {
  type ReadScope,
  inScope,
  orgUnitScopeWhere,
  scopeKey,
  scopePathSql,
  scopeSql,
  scopeWhere,
  subtreeScope,
} from "./scope";
import { decimalString, isoDay } from "./serialize";
import { getTargets, type TargetInfo } from "./targets";
import type { TermSummary } from "./terms";

// Comparisons aggregate in the database: the figure of every unit for the period (a term figure by
// the indicator's rule, as lib/domain/term-figure.ts computes it), their ranks, totals and averages
// are computed by one SQL statement per page, and only the rows shown leave the database (the top
// and bottom of the ranking, the selected unit, one page of the table). Whatever the number of units.

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

export type ComparableParent = OrgUnitRef & { childLevel: OrgLevel; childCount: number };

/** How many units whose children can be compared the page sends with /compare (the picker searches the rest). */
export const PARENT_OPTIONS = 8;

/**
 * The units in `scope` whose children (at one of `levels`) can be compared, whose name matches `q`
 * (diacritics and case ignored, "long bien" finds "Quận Long Biên"), broadest level first, at most
 * `limit`, and how many match: one statement, whatever the number of units (the /compare picker).
 */
export async function searchComparableParents({
  q,
  limit,
  levels,
  scope,
}: {
  q: string;
  limit: number;
  levels: readonly OrgLevel[];
  scope: ReadScope;
}): Promise<{ data: ComparableParent[]; total: number }> {
  if (levels.length === 0) return { data: [], total: 0 };
  const key = q.trim();
  // the name is folded only when searched: vi_fold costs ~20 µs a row
  const matches = key
    ? Prisma.sql`AND (u.slug LIKE ${`%${likeEscape(key.toLowerCase())}%`} OR vi_fold(u.name) LIKE ${`%${likeEscape(viFold(key))}%`})`
    : Prisma.empty;
  // The units with children, found by walking the index on (parent_id, level) from one parent to the
  // next (one probe per parent, whose first entry is its children's broadest level), not by grouping
  // every unit: 2 ms instead of 11 at 3.321 wards. Children are counted for the rows shown only.
  const rows = await db().$queryRaw<
    Array<{
      slug: string;
      name: string;
      short_name: string;
      level: OrgLevel;
      child_level: OrgLevel;
      child_count: number;
      total: number;
    }>
  >`
    WITH RECURSIVE kids(id, child_level) AS (
      (SELECT c.parent_id, c.level FROM org_unit c WHERE c.parent_id IS NOT NULL ORDER BY c.parent_id, c.level LIMIT 1)
      UNION ALL
      SELECT n.parent_id, n.level FROM kids k CROSS JOIN LATERAL (
        SELECT c.parent_id, c.level FROM org_unit c WHERE c.parent_id > k.id ORDER BY c.parent_id, c.level LIMIT 1
      ) n
    )
    SELECT h.slug, h.name, h.short_name, h.level::text AS level, h.child_level::text AS child_level, h.total,
           (SELECT count(*)::int FROM org_unit c WHERE c.parent_id = h.id) AS child_count
    FROM (
      SELECT u.id, u.slug, u.name, u.short_name, u.level, u.sort_order, k.child_level,
             count(*) OVER ()::int AS total
      FROM kids k JOIN org_unit u ON u.id = k.id
      WHERE k.child_level::text = ANY(${[...levels]}::text[]) AND ${scopePathSql(scope, Prisma.sql`u.path`)} ${matches}
      ORDER BY u.level, u.sort_order, u.slug
      LIMIT ${limit}
    ) h
    ORDER BY h.level, h.sort_order, h.slug`;
  return {
    data: rows.map((r) => ({
      slug: r.slug,
      name: r.name,
      shortName: r.short_name,
      level: r.level,
      childLevel: r.child_level,
      childCount: r.child_count,
    })),
    total: rows[0]?.total ?? 0,
  };
}

/** The levels at which some indicator of the programmes is collected: whose parents can be compared. */
export function collectionLevels(programmes: ProgrammeInfo[]): OrgLevel[] {
  return [...new Set(programmes.flatMap((p) => p.sections.flatMap((s) => s.indicators.map((i) => i.collectionLevel))))];
}

export type ParentUnit = OrgUnitRef & {
  parent: OrgUnitRef | null;
  /** Children inside the scope, and their level. */
  childCount: number;
  childLevel: OrgLevel | null;
};

/**
 * A unit in `scope` with its parent, how many children it has and their broadest level (one query).
 * Every child of a unit in scope is in scope (its path holds its parent's), so they are counted on
 * the index on (parent_id, level) alone: Prisma's scoped `_count` grouped the whole subtree (8 ms at
 * 3.321 wards) and its `take: 1` of children loaded all 3.321 of them.
 */
async function getParentUnit(slug: string, scope: ReadScope): Promise<(ParentUnit & { id: number }) | null> {
  const [unit] = await db().$queryRaw<
    Array<{
      id: number;
      slug: string;
      name: string;
      short_name: string;
      level: OrgLevel;
      parent_slug: string | null;
      parent_name: string | null;
      parent_short_name: string | null;
      parent_level: OrgLevel | null;
      child_count: number;
      child_level: OrgLevel | null;
    }>
  >`
    SELECT u.id, u.slug, u.name, u.short_name, u.level::text AS level,
           p.slug AS parent_slug, p.name AS parent_name, p.short_name AS parent_short_name, p.level::text AS parent_level,
           (SELECT count(*)::int FROM org_unit c WHERE c.parent_id = u.id) AS child_count,
           (SELECT min(c.level)::text FROM org_unit c WHERE c.parent_id = u.id) AS child_level
    FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id
    WHERE u.slug = ${slug} AND ${scopePathSql(scope, Prisma.sql`u.path`)}`;
  if (!unit) return null;
  const parent =
    unit.parent_slug === null
      ? null
      : {
          slug: unit.parent_slug,
          name: unit.parent_name!,
          shortName: unit.parent_short_name!,
          level: unit.parent_level!,
        };
  return {
    id: unit.id,
    slug: unit.slug,
    name: unit.name,
    shortName: unit.short_name,
    level: unit.level,
    parent,
    childCount: unit.child_count,
    childLevel: unit.child_level,
  };
}

/**
 * The children of a unit in `scope` whose name matches `q` (diacritics and case ignored, "ngoc thuy"
 * finds "Ngọc Thụy"), in their order, at most `limit`; null when the unit is outside `scope`.
 */
export async function searchChildren({
  parentSlug,
  q,
  limit,
  scope,
}: {
  parentSlug: string;
  q: string;
  limit: number;
  scope: ReadScope;
}): Promise<{ data: OrgUnitRef[]; total: number } | null> {
  const rows = await db().$queryRaw<
    Array<{ slug: string | null; name: string; short_name: string; level: OrgLevel; total: number; found: boolean }>
  >`
    WITH parent AS (
      SELECT id FROM org_unit WHERE slug = ${parentSlug} AND ${scopeSql(scope, Prisma.sql`id`)}
    ),
    hits AS (
      SELECT c.slug, c.name, c.short_name, c.level::text AS level, c.sort_order,
             count(*) OVER ()::int AS total
      FROM org_unit c JOIN parent ON c.parent_id = parent.id
      WHERE ${scopeSql(scope, Prisma.sql`c.id`)}
        AND (vi_fold(c.name) LIKE ${`%${likeEscape(viFold(q.trim()))}%`} OR c.slug LIKE ${`%${likeEscape(q.trim().toLowerCase())}%`})
      ORDER BY c.sort_order, c.slug
      LIMIT ${limit}
    )
    SELECT h.slug, h.name, h.short_name, h.level, h.total, TRUE AS found FROM hits h
    UNION ALL
    SELECT NULL, '', '', NULL, 0, EXISTS (SELECT 1 FROM parent) WHERE NOT EXISTS (SELECT 1 FROM hits)`;
  if (rows.length === 1 && rows[0].slug === null) return rows[0].found ? { data: [], total: 0 } : null;
  return {
    data: rows.map((r) => ({ slug: r.slug!, name: r.name, shortName: r.short_name, level: r.level })),
    total: rows[0]?.total ?? 0,
  };
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

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
 * Every stored value (the years and the whole term) of the given indicators of one programme for the
 * children of a unit in `scope` in a term: one query. For a ward's own page and for checking the SQL
 * aggregates against the domain functions; comparisons never load all of them.
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
 * unit's values of them in all those terms (none outside `scope`): two statements, scalar columns
 * joined in SQL (as Prisma nested selects they were nine, stitched in JavaScript: a fifth of the
 * server's time on /so-sanh/phuong).
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
  const programmes = Prisma.sql`SELECT g.id, g.term_id FROM programme g JOIN org_unit iss ON iss.id = g.issuer_id
     WHERE g.slug = ${programmeSlug} AND iss.slug = ${issuerSlug}`;
  const [indicators, rows] = await Promise.all([
    db().$queryRaw<
      Array<{ code: string; aggregation: IndicatorInfo["aggregation"]; slug: string; name: string; startYear: number }>
    >`SELECT i.code, i.aggregation::text AS aggregation, t.slug, t.name, t.start_year AS "startYear"
        FROM (${programmes}) g JOIN indicator i ON i.programme_id = g.id JOIN term t ON t.id = g.term_id
       WHERE i.code = ANY(${codes}::text[])
       ORDER BY t.start_year, i.code`,
    db().$queryRaw<
      Array<{
        unitSlug: string;
        code: string;
        termSlug: string;
        kind: PeriodKind;
        year: number | null;
        value: { toFixed(): string };
        qualifier: Qualifier;
        note: string | null;
        key: string;
        title: string;
        issuedOn: Date | null;
        sourceKind: SourceRef["kind"];
      }>
    >`SELECT u.slug AS "unitSlug", i.code, t.slug AS "termSlug", p.kind::text AS kind, p.year, r.value,
             r.qualifier::text AS qualifier, r.note, s.key, s.title, s.issued_on AS "issuedOn", s.kind::text AS "sourceKind"
        FROM org_unit u
        JOIN result r ON r.org_unit_id = u.id
        JOIN indicator i ON i.id = r.indicator_id
        JOIN (${programmes}) g ON g.id = i.programme_id
        JOIN period p ON p.id = r.period_id
        JOIN term t ON t.id = p.term_id
        JOIN source s ON s.id = r.source_id
       WHERE u.slug = ${unitSlug} AND ${scopePathSql(scope, Prisma.sql`u.path`)} AND i.code = ANY(${codes}::text[])`,
  ]);
  return {
    indicators: indicators.map((i) => ({
      code: i.code,
      aggregation: i.aggregation,
      term: { slug: i.slug, name: i.name, startYear: i.startYear },
    })),
    values: rows.map((r): UnitValueInput & TermValueInput => ({
      unitSlug: r.unitSlug,
      code: r.code,
      termSlug: r.termSlug,
      period: { kind: r.kind, year: r.year },
      value: decimalString(r.value),
      qualifier: r.qualifier,
      note: r.note,
      source: { key: r.key, title: r.title, issuedOn: isoDay(r.issuedOn), kind: r.sourceKind },
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// The figures of the children of a unit, in SQL
// ---------------------------------------------------------------------------------------------

type FiguresQuery = {
  parentId: number;
  termId: number;
  programmeSlug: string;
  codes: string[];
  period: PeriodChoice;
  scope: ReadScope;
  /** Only this child (its own figure). */
  unitId?: number;
  /** Only the figures, without the years and sources they stand on (averages need no more). */
  lean?: boolean;
};

/**
 * CTEs `succ` and `inh`: a child formed by merging former units (every share whole, as
 * sumPredecessorYears of lib/domain/org-units.ts requires) takes, for the additive indicators (SUM of
 * counts, money, quantities), each year up to the last its former units reported as themselves where
 * it has no figure of its own and every former unit has one, their sum ("more than" when any part is,
 * demo when any part is) — the same sums as lib/data/org-unit-history.ts. Rows of `inh`: unit_id,
 * indicator_id, year, value, more, demo. Such figures are marked `inherited`, and the parent's totals
 * and the siblings' averages count only `own_value` (the former units count under their own rows).
 * Read through the successions of the children (few) and the (indicator, period, unit) index.
 */
function inheritedCtes(q: FiguresQuery): Prisma.Sql {
  const year = q.period.kind === "YEAR" ? Prisma.sql`AND p.year = ${q.period.year}` : Prisma.empty;
  return Prisma.sql`
    succ AS (
      SELECT s.successor_id AS unit_id, array_agg(s.predecessor_id) AS preds, count(*)::int AS n,
        extract(year FROM max(s.effective_on))::int
          - CASE WHEN to_char(max(s.effective_on), 'MM-DD') = '01-01' THEN 1 ELSE 0 END AS last_year
      FROM org_unit_succession s JOIN kids k ON k.id = s.successor_id
      GROUP BY s.successor_id
      HAVING bool_and(s.share = 1)
    ),
    inh AS (
      SELECT sc.unit_id, ii.id AS indicator_id, p.year, sum(r.value) AS value,
        max((r.qualifier = 'MORE_THAN')::int) AS more, bool_or(src.kind = 'DEMO') AS demo
      FROM succ sc
      CROSS JOIN ind
      JOIN indicator ii ON ii.id = ind.id AND ii.aggregation = 'SUM' AND ii.value_type IN ('COUNT', 'MONEY', 'DECIMAL')
      JOIN period p ON p.term_id = ${q.termId} AND p.kind = 'YEAR' AND p.year <= sc.last_year ${year}
      JOIN result r ON r.indicator_id = ii.id AND r.period_id = p.id AND r.org_unit_id = ANY(sc.preds)
      JOIN source src ON src.id = r.source_id
      WHERE NOT EXISTS (
        SELECT 1 FROM result o WHERE o.indicator_id = ii.id AND o.period_id = p.id AND o.org_unit_id = sc.unit_id
      )
      GROUP BY sc.unit_id, ii.id, p.year, sc.n
      HAVING count(DISTINCT r.org_unit_id) = sc.n
    )`;
}

/**
 * CTEs `kids` (the children of the unit inside the scope), `ind` (the indicators), `present` (one row
 * per child and indicator that has a figure: unit_id, indicator_id, basis, value, qualifier, years,
 * source_ids, demo, note, own_value, inherited) and `fig` (every child × indicator, "none" where
 * nothing is present): the same figure as periodFigure() of lib/domain/compare.ts. The year's stored
 * value; for the term, the row of `term_figure` — the stored term value when there is one, else the
 * years by the indicator's rule (the migration 20261206020000_term_figure computes it as
 * lib/domain/term-figure.ts does, in the transaction of every write of a result; read by parent, so
 * that a province's comparison never reads the nation's wards) — plus, for a merged child, its former
 * units' years.
 * Why it is shaped so: a city's term figures computed from their years at every request meant reading
 * and aggregating 560.000 yearly values for one page; stored, they are one index range per indicator.
 */
function figuresCte(q: FiguresQuery): Prisma.Sql {
  const only = q.unitId === undefined ? Prisma.empty : Prisma.sql`AND u.id = ${q.unitId}`;
  // one child's own figures are looked up by its id; the children's, per indicator through the
  // covering indexes (result_figure_idx, term_figure_children_idx), read alone when the note, years and
  // sources are not needed (averages); OFFSET 0 keeps the planner from flattening the lookup into a
  // scan of the whole table
  const onlyRow = (column: Prisma.Sql) =>
    q.unitId === undefined ? Prisma.empty : Prisma.sql`AND ${column} = ${q.unitId}`;
  const note = q.lean ? Prisma.sql`NULL::text AS note` : Prisma.sql`r.note`;
  const stored = (periodId: Prisma.Sql) => Prisma.sql`
      FROM (
        SELECT ind.id AS indicator_id, r.* FROM ind CROSS JOIN LATERAL (
          SELECT r.org_unit_id, r.value, r.qualifier, ${note}, r.source_id FROM result r
          WHERE r.indicator_id = ind.id AND r.period_id = ${periodId} ${onlyRow(Prisma.sql`r.org_unit_id`)} OFFSET 0
        ) r
        OFFSET 0
      ) r
      JOIN kids k ON k.id = r.org_unit_id
      JOIN source s ON s.id = r.source_id`;
  // the programme's row once, with what its test on every child needs computed once (childrenFlagsSql)
  const base = Prisma.sql`
    prog AS (
      SELECT pr.id, pr.issuer_id, ${childrenFlagsSql({ id: Prisma.sql`pr.id`, issuerId: Prisma.sql`pr.issuer_id` }, q.parentId)}
      FROM programme pr WHERE pr.term_id = ${q.termId} AND pr.slug = ${q.programmeSlug} ORDER BY pr.id LIMIT 1
    ),
    kids AS (
      SELECT u.id, u.slug, u.name, u.short_name, u.short_name_fold AS fold, u.sort_order, u.population, u.households
      FROM org_unit u CROSS JOIN prog
      WHERE u.parent_id = ${q.parentId} AND ${scopePathSql(q.scope, Prisma.sql`u.path`)} ${only}
        -- only the children the programme applies to (its programme_unit; none listed: every child)
        AND ${appliesToRowsSql(
          {
            id: Prisma.sql`prog.id`,
            issuerId: Prisma.sql`prog.issuer_id`,
            above: Prisma.sql`prog.above`,
            listed: Prisma.sql`prog.listed`,
          },
          { id: Prisma.sql`u.id`, path: Prisma.sql`u.path` },
        )}
    ),
    ind AS (
      SELECT i.id, i.code, i.aggregation::text AS aggregation
      FROM indicator i JOIN programme pr ON pr.id = i.programme_id
      WHERE pr.term_id = ${q.termId} AND pr.slug = ${q.programmeSlug} AND i.code = ANY(${q.codes}::text[])
    )`;
  const fig = Prisma.sql`
    fig AS (
      SELECT k.*, ind.id AS indicator_id, ind.code, coalesce(f.basis, 'none') AS basis, f.value,
        coalesce(f.qualifier, 'EXACT') AS qualifier, coalesce(f.years, ARRAY[]::int[]) AS years,
        coalesce(f.source_ids, ARRAY[]::int[]) AS source_ids, coalesce(f.demo, false) AS demo, f.note,
        f.own_value, coalesce(f.inherited, false) AS inherited
      FROM kids k CROSS JOIN ind
      LEFT JOIN present f ON f.unit_id = k.id AND f.indicator_id = ind.id
    )`;
  if (q.period.kind === "YEAR")
    return Prisma.sql`${base},${inheritedCtes(q)},
    own AS (
      SELECT r.org_unit_id AS unit_id, r.indicator_id, 'year' AS basis, r.value, r.qualifier::text AS qualifier,
        ARRAY[${q.period.year}::int] AS years, ARRAY[r.source_id] AS source_ids, s.kind::text = 'DEMO' AS demo, r.note,
        r.value AS own_value, false AS inherited
      ${stored(Prisma.sql`(SELECT id FROM period WHERE term_id = ${q.termId} AND kind = 'YEAR' AND year = ${q.period.year})`)}
    ),
    present AS (
      SELECT * FROM own
      UNION ALL
      SELECT unit_id, indicator_id, 'year', value, CASE WHEN more = 1 THEN 'MORE_THAN' ELSE 'EXACT' END,
        ARRAY[year], ARRAY[]::int[], demo, NULL::text, NULL::numeric, true
      FROM inh
    ),${fig}`;
  // the term: the stored figure of each child (term_figure, kept by the triggers on result in the
  // transaction of every write: the source's term value, else the years by the rule), and for a
  // merged child its former units' years added (see inheritedCtes)
  const extra = q.lean
    ? Prisma.sql`ARRAY[]::int[] AS years, ARRAY[]::int[] AS source_ids, NULL::text AS note`
    : Prisma.sql`tf.years, tf.source_ids, tf.note`;
  // lean: only the columns of the covering index term_figure_children_idx (an index-only scan)
  const columns = q.lean ? Prisma.empty : Prisma.sql`, tf.years, tf.source_ids, tf.note`;
  return Prisma.sql`${base},${inheritedCtes(q)},
    -- a merged child without a reported term value: its own years' sum (SUM indicators only) and its
    -- former units' years, sorted together; its own part counts alone in totals and averages
    merged AS (
      SELECT i.unit_id, i.indicator_id, 'computed' AS basis, coalesce(t.value, 0) + i.value AS value,
        CASE WHEN t.qualifier = 'MORE_THAN' OR i.more = 1 THEN 'MORE_THAN' ELSE 'EXACT' END AS qualifier,
        (SELECT array_agg(y ORDER BY y) FROM unnest(coalesce(t.years, ARRAY[]::int[]) || i.years) y) AS years,
        coalesce(t.source_ids, ARRAY[]::int[]) AS source_ids, coalesce(t.demo, true) AND i.demo AS demo,
        NULL::text AS note, t.value AS own_value, true AS inherited
      FROM (
        SELECT unit_id, indicator_id, sum(value) AS value, max(more) AS more, array_agg(year) AS years,
          bool_and(demo) AS demo
        FROM inh GROUP BY unit_id, indicator_id
      ) i
      LEFT JOIN term_figure t ON t.indicator_id = i.indicator_id AND t.term_id = ${q.termId} AND t.org_unit_id = i.unit_id
      WHERE t.basis IS DISTINCT FROM 'reported'
    ),
    -- one flat scan of the parent's stored figures, so that a city's averages are one pass over them
    present AS NOT MATERIALIZED (
      SELECT tf.org_unit_id AS unit_id, tf.indicator_id, tf.basis, tf.value, tf.qualifier::text AS qualifier,
        ${extra}, tf.demo, tf.value AS own_value, false AS inherited
      FROM ind CROSS JOIN LATERAL (
        SELECT tf.org_unit_id, tf.indicator_id, tf.basis, tf.value, tf.qualifier, tf.demo ${columns}
        FROM term_figure tf
        WHERE tf.parent_id = ${q.parentId} AND tf.indicator_id = ind.id AND tf.term_id = ${q.termId}
          ${onlyRow(Prisma.sql`tf.org_unit_id`)}
        OFFSET 0
      ) tf
      WHERE tf.org_unit_id IN (SELECT id FROM kids)
        AND NOT EXISTS (SELECT 1 FROM merged m WHERE m.unit_id = tf.org_unit_id AND m.indicator_id = tf.indicator_id)
      UNION ALL
      SELECT unit_id, indicator_id, basis, value, qualifier, years, source_ids, note, demo, own_value, inherited
      FROM merged
    ),${fig}`;
}

/**
 * The years, sources and note of a row `p` of `fig` read with `lean` (which leaves them out so that the
 * children's figures come from the covering indexes alone, without a heap visit per child): looked up
 * for the rows shown only. A merged child's figure (inherited) carries its own.
 */
function figureDetailSql(q: FiguresQuery, row: Prisma.Sql): Prisma.Sql {
  if (q.period.kind === "YEAR")
    return Prisma.sql`
      SELECT ${row}.years, ${row}.source_ids, coalesce(r.note, ${row}.note) AS note
      FROM (SELECT 1) one LEFT JOIN result r
        ON NOT ${row}.inherited AND r.indicator_id = ${row}.indicator_id AND r.org_unit_id = ${row}.id
        AND r.period_id = (SELECT id FROM period WHERE term_id = ${q.termId} AND kind = 'YEAR' AND year = ${q.period.year})`;
  return Prisma.sql`
      SELECT coalesce(tf.years, ${row}.years) AS years, coalesce(tf.source_ids, ${row}.source_ids) AS source_ids,
        coalesce(tf.note, ${row}.note) AS note
      FROM (SELECT 1) one LEFT JOIN term_figure tf
        ON NOT ${row}.inherited AND tf.indicator_id = ${row}.indicator_id AND tf.term_id = ${q.termId}
        AND tf.org_unit_id = ${row}.id`;
}

/** A NUMERIC as text → the domain's exact decimal string ("1691.0000" → "1691"). */
const exact = (s: string) => fromScaled(toScaled(s));
const exactOrNull = (s: string | null) => (s === null ? null : exact(s));

type FigureColumns = {
  basis: FigureBasis;
  value: string | null;
  qualifier: Qualifier;
  years: number[];
  source_ids: number[];
  demo: boolean;
  note: string | null;
  /** the figure holds years summed from the unit's former units (see inheritedCtes) */
  inherited: boolean;
};

/**
 * The source of the figures a merged unit takes from its former units, per unit slug of the given
 * rows that hold such a figure (one query, none when no row does): named as the ward overview and the
 * values API name it (lib/data/org-unit-history.ts), "Tính từ các đơn vị cũ: A, B".
 */
async function inheritedSources(rows: Array<{ slug: string | null; inherited: boolean }>) {
  const slugs = [...new Set(rows.filter((r) => r.inherited && r.slug).map((r) => r.slug!))];
  if (slugs.length === 0) return new Map<string, SourceRef>();
  const links = await db().orgUnitSuccession.findMany({
    where: { successor: { slug: { in: slugs } } },
    select: { successor: { select: { slug: true } }, predecessor: { select: { slug: true, shortName: true } } },
    orderBy: [{ predecessor: { sortOrder: "asc" } }, { predecessor: { slug: "asc" } }],
  });
  return new Map(
    slugs.map((slug) => {
      const former = links.filter((l) => l.successor.slug === slug).map((l) => l.predecessor);
      const label = inheritedLabel(former);
      return [
        slug,
        {
          key: `predecessors:${former.map((p) => p.slug).join("+")}`,
          title: label[0].toUpperCase() + label.slice(1),
          issuedOn: null,
          kind: "REPORT" as const,
        },
      ];
    }),
  );
}

/**
 * The sources named by the given rows, by id (one query on the small catalogue table; a named
 * prepared statement, `rows`: Prisma's own work per statement cost more than the read).
 */
async function sourcesById(ranked: Array<{ source_ids: number[] }>): Promise<Map<number, SourceRef>> {
  const ids = [...new Set(ranked.flatMap((r) => r.source_ids))];
  if (ids.length === 0) return new Map();
  const sources = await rows<SourceRef & { id: number }>(Prisma.sql`
    SELECT id, key, title, to_char(issued_on, 'YYYY-MM-DD') AS "issuedOn", kind::text AS kind
      FROM source WHERE id = ANY(${ids}::int[])`);
  return new Map(sources.map(({ id, ...s }) => [id, s]));
}

function toFigure(r: FigureColumns, sources: Map<number, SourceRef>, inherited?: SourceRef): PeriodFigure {
  // the sources in the order of the years, each once (as summariseIndicator lists them)
  const list = [...new Map(r.source_ids.map((id) => [id, sources.get(id)!])).values()];
  // the former units' sum comes first: it stands for the earliest years
  if (r.inherited && inherited) list.unshift({ ...inherited, kind: r.demo ? "DEMO" : inherited.kind });
  return {
    basis: r.basis,
    value: exactOrNull(r.value),
    qualifier: r.qualifier,
    years: r.basis === "computed" ? r.years : r.basis === "year" ? r.years : [],
    sources: list,
    isDemo: r.demo,
    note: r.note,
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

/** Whether figures are shown per 1 000 inhabitants/households (never with an invented size). */
export type NormalisationState =
  | { state: "off" }
  | { state: "not-applicable" }
  /** Some units have no known population (households): nothing is normalised. */
  | { state: "unknown"; missingCount: number; missingNames: string[] }
  | { state: "on"; per: "capita" | "household"; total: number };

/** How many bars each end of the chart shows. */
export const CHART_ENDS = 20;
export const PAGE_SIZE = 50;

export type IndicatorComparison = {
  term: TermSummary;
  parent: ParentUnit;
  childLevel: OrgLevel;
  /** The first units whose children can be compared, and how many there are (the picker searches them). */
  parents: { data: ComparableParent[]; total: number };
  groups: IndicatorGroup[];
  indicator: IndicatorOfProgramme;
  /** An indicator code that was asked for but is not collected at the children's level. */
  fellBackFrom: string | null;
  period: PeriodChoice;
  years: number[];
  sort: SortOrder;
  per: PerBasis;
  /** The table: one page of the rows matching the search, in the asked order. */
  table: { q: string; page: number; pageSize: number; pageCount: number; matchCount: number; rows: ComparisonRow[] };
  /** The chart: the top and bottom of the ranking (all when few), and the selected unit's row. */
  chart: { top: ComparisonRow[]; bottom: ComparisonRow[]; withValue: number };
  selected: ComparisonRow | null;
  parentFigure: ParentFigure | null;
  /** The parent's figure per 1 000 inhabitants/households when normalised (total ÷ total size). */
  parentShown: string | null;
  normalisation: NormalisationState;
  target: TargetInfo | null;
};

export function termYears(term: TermSummary): number[] {
  return Array.from({ length: term.endYear - term.startYear + 1 }, (_, i) => term.startYear + i);
}

const periodInTerm = (period: PeriodChoice, term: TermSummary) =>
  period.kind === "TERM" || (period.year >= term.startYear && period.year <= term.endYear);

type RankedSqlRow = FigureColumns & {
  unit_count: number;
  present: number;
  total: string | null;
  mean: string | null;
  any_more: boolean;
  has_demo: boolean;
  achieved: number;
  missing: number;
  missing_names: string[] | null;
  size_total: number | null;
  slug: string | null;
  name: string;
  short_name: string;
  shown: string | null;
  rank: number | null;
  pos: number;
  with_value: number;
  page_pos: number | null;
  match_count: number;
};

// `fold`: vi_fold(short_name), the column the database keeps (org_unit.short_name_fold; vi_fold costs
// 18 µs a call: each evaluation of it over 3.321 wards cost ~60 ms of the ranking)
const ORDER: Record<SortOrder, Prisma.Sql> = {
  desc: Prisma.sql`shown DESC NULLS LAST, fold, slug`,
  asc: Prisma.sql`shown ASC NULLS LAST, fold, slug`,
  name: Prisma.sql`fold, short_name, slug`,
};

/**
 * The ranking of the children of a unit on one indicator, in one statement: every child's figure,
 * the shown value (per 1 000 when normalised), its rank (RANK(), largest first), the children's
 * total, mean and count achieved; returns only the rows shown.
 */
async function rankedChildren(
  q: FiguresQuery & {
    per: PerBasis;
    sort: SortOrder;
    search: string;
    page: number;
    pageSize: number;
    selected: string | null;
  },
  normalisable: boolean,
): Promise<RankedSqlRow[]> {
  const size = q.per === "household" ? Prisma.sql`households` : Prisma.sql`population`;
  const wanted = q.per !== "none" && normalisable;
  const search = viFold(q.search.trim());
  const match = search ? Prisma.sql`vi_fold(name) LIKE ${`%${likeEscape(search)}%`}` : Prisma.sql`TRUE`;
  const offset = (q.page - 1) * q.pageSize;
  // planned at every request (replan): a cached generic plan of it took seconds at 3.321 wards
  // every child's figure without its years, sources and note (lean: from the indexes alone); those of
  // the rows shown are looked up at the end (figureDetailSql)
  return rows<RankedSqlRow>(
    Prisma.sql`
    WITH ${figuresCte({ ...q, lean: true })},
    sized AS (
      SELECT count(*) FILTER (WHERE coalesce(${size}, 0) <= 0)::int AS missing,
        (array_agg(name ORDER BY sort_order, slug) FILTER (WHERE coalesce(${size}, 0) <= 0))[1:10] AS missing_names,
        sum(${size})::float8 AS size_total
      FROM kids
    ),
    shown AS (
      SELECT f.*, CASE
          WHEN f.value IS NULL THEN NULL
          WHEN ${wanted} AND (SELECT missing FROM sized) = 0 THEN round(f.value * 1000 / f.${size}, 4)
          ELSE f.value END AS shown,
        ${match} AS matches
      FROM fig f
    ),
    ranked AS (
      SELECT s.*,
        CASE WHEN shown IS NULL THEN NULL ELSE rank() OVER (ORDER BY shown DESC NULLS LAST)::int END AS rank,
        row_number() OVER (ORDER BY ${ORDER.desc})::int AS pos
      FROM shown s
    ),
    paged AS (
      ${
        // the table in the ranking's own order, all rows: its positions are the ranking's
        q.sort === "desc" && !search
          ? Prisma.sql`SELECT r.*, pos AS page_pos FROM ranked r`
          : Prisma.sql`SELECT r.*,
              CASE WHEN matches THEN row_number() OVER (PARTITION BY matches ORDER BY ${ORDER[q.sort]}) END AS page_pos
            FROM ranked r`
      }
    ),
    -- counted apart, not by windows over every row (a window over the whole partition cost more than
    -- the ranking's sort); the shown value is null exactly when the figure is
    counts AS (
      SELECT count(value)::int AS with_value, (count(*) FILTER (WHERE ${match}))::int AS match_count FROM fig
    ),
    -- the parent's figure from the children's own figures: a merged unit's former units count once
    agg AS (
      SELECT count(*)::int AS unit_count, count(own_value)::int AS present, sum(own_value)::text AS total,
        round(sum(own_value) / nullif(count(own_value), 0), 4)::text AS mean,
        coalesce(bool_or(qualifier = 'MORE_THAN') FILTER (WHERE own_value IS NOT NULL), false) AS any_more,
        coalesce(bool_or(demo) FILTER (WHERE own_value IS NOT NULL), false) AS has_demo,
        (count(*) FILTER (WHERE own_value >= 1))::int AS achieved
      FROM fig
    )
    SELECT agg.*, sized.*, p.slug, p.name, p.short_name, p.basis, p.value::text AS value, p.qualifier, d.years,
      d.source_ids, p.demo, d.note, p.inherited, p.shown::text AS shown, p.rank, p.pos, p.with_value,
      p.page_pos::int AS page_pos, p.match_count
    FROM agg CROSS JOIN sized
    LEFT JOIN (
      SELECT * FROM paged CROSS JOIN counts
      WHERE (page_pos > ${offset} AND page_pos <= ${offset + q.pageSize})
        OR (shown IS NOT NULL AND (pos <= ${CHART_ENDS} OR pos > with_value - ${CHART_ENDS}))
        OR slug = ${q.selected ?? ""}
    ) p ON TRUE
    LEFT JOIN LATERAL (${figureDetailSql(q, Prisma.sql`p`)}) d ON TRUE
    ORDER BY p.pos`,
    { replan: true },
  );
}

type IndicatorComparisonQuery = {
  parent: string;
  indicator?: string;
  period: PeriodChoice;
  sort: SortOrder;
  per: PerBasis;
  q?: string;
  page?: number;
  ward?: string;
  /** Every row in the table (the CSV of the whole ranking), not one page. */
  all?: boolean;
};

/**
 * Everything /compare shows: the unit, the parents that can be chosen, the programmes, the ranking
 * (one statement), the targets and the sources of the rows shown. Null when the unit, the indicator
 * or the period is unknown, or the unit is outside `scope` (then nothing of its children is read).
 *
 * A page of a ranking is the same for every reader of the unit (each reads all its children), and
 * changes only with the catalogue or the figures: it is kept per server process under their versions
 * (cachedProgress), so that the city's staff looking at the same ranking do not each recompute it over
 * every ward. The whole ranking (the CSV) is read each time: it would hold every ward in memory.
 */
export async function getIndicatorComparison(
  term: TermSummary,
  q: IndicatorComparisonQuery,
  scope: ReadScope,
): Promise<IndicatorComparison | null> {
  const unit = await getUnitScope(q.parent);
  if (!unit || !inScope(scope, unit.path)) return null;
  // every reader of the unit reads its whole subtree: read as the unit's own, the same for all of them
  const read = () => readIndicatorComparison(term, q, subtreeScope([unit.id]));
  const key = [term.id, q.parent, q.indicator ?? null, q.period, q.sort, q.per, q.q ?? "", q.page ?? 1, q.ward ?? null];
  const [comparison, programmes] = await Promise.all([
    q.all ? read() : cachedProgress(`indicator-comparison:${JSON.stringify(key)}`, read),
    getProgrammes(term.id),
  ]);
  if (!comparison) return null;
  // only units whose children collect some indicator of the term can be chosen; the picker searches
  // the others on the server (GET /api/v1/compare/parents). The first of them depend on the reader.
  const levels = collectionLevels(programmes);
  const parents = await cachedCatalogue(`comparable-parents:${scopeKey(scope)}:${levels.join(",")}`, () =>
    searchComparableParents({ q: "", limit: PARENT_OPTIONS, levels, scope }),
  );
  return { ...comparison, parents };
}

/** getIndicatorComparison's reader-independent part: a fixed number of queries whatever the number of children. */
async function readIndicatorComparison(
  term: TermSummary,
  q: IndicatorComparisonQuery,
  scope: ReadScope,
): Promise<Omit<IndicatorComparison, "parents"> | null> {
  if (!periodInTerm(q.period, term)) return null;
  const [found, programmes] = await Promise.all([getParentUnit(q.parent, scope), getProgrammes(term.id)]);
  if (!found || found.childCount === 0 || !found.childLevel) return null;
  const { id: parentId, ...parent } = found;
  const childLevel = found.childLevel;
  const groups = indicatorGroups(programmes, childLevel);
  if (groups.length === 0) return null;

  const withProgramme = groups.flatMap((g) => g.indicators.map((i) => ({ ...i, programme: g.programme })));
  const fallback = withProgramme.find((i) => i.headline) ?? withProgramme[0];
  let indicator = fallback;
  let fellBackFrom: string | null = null;
  if (q.indicator !== undefined) {
    const match = withProgramme.find((i) => i.code === q.indicator);
    if (match) indicator = match;
    else if (programmes.some((p) => p.sections.some((s) => s.indicators.some((i) => i.code === q.indicator))))
      fellBackFrom = q.indicator;
    else return null;
  }

  const search = q.q ?? "";
  const page = q.page ?? 1;
  const pageSize = q.all ? 1_000_000 : PAGE_SIZE;
  const [rows, targets] = await Promise.all([
    rankedChildren(
      {
        parentId,
        termId: term.id,
        programmeSlug: indicator.programme.slug,
        codes: [indicator.code],
        period: q.period,
        scope,
        per: q.per,
        sort: q.sort,
        search,
        page,
        pageSize,
        selected: q.ward ?? null,
      },
      canNormalise(indicator),
    ),
    getTargets({ termId: term.id, indicatorCodes: [indicator.code], orgUnitSlug: parent.slug, scope }),
  ]);
  const t = targets.get(indicator.code);
  const target = (q.period.kind === "TERM" ? t?.term : t?.years[q.period.year]) ?? null;
  const head = rows[0];
  const shownRows = rows.filter((r) => r.slug !== null);
  const [sources, formerUnits] = await Promise.all([sourcesById(shownRows), inheritedSources(shownRows)]);
  const toRow = (r: RankedSqlRow): ComparisonRow => {
    const figure = toFigure(r, sources, formerUnits.get(r.slug!));
    return {
      unit: { slug: r.slug!, name: r.name, shortName: r.short_name },
      figure,
      shown: r.shown === null ? null : { value: exact(r.shown), qualifier: r.qualifier },
      rank: r.rank,
      status: targetStatus({
        direction: indicator.direction,
        target,
        figure: figure.value === null ? null : { value: figure.value, qualifier: figure.qualifier },
      }),
    };
  };
  const byPos = new Map(shownRows.map((r) => [r.pos, toRow(r)]));
  const rowOf = (r: RankedSqlRow) => byPos.get(r.pos)!;
  const withValue = head.with_value ?? 0;
  const inChart = shownRows.filter((r) => r.shown !== null);
  const top = inChart.filter((r) => r.pos <= CHART_ENDS).map(rowOf);
  const bottom = inChart.filter((r) => r.pos > CHART_ENDS && r.pos > withValue - CHART_ENDS).map(rowOf);
  const matchCount = shownRows[0]?.match_count ?? 0;
  const tableRows = shownRows
    .filter((r) => r.page_pos !== null && r.page_pos > (page - 1) * pageSize && r.page_pos <= page * pageSize)
    .sort((a, b) => a.page_pos! - b.page_pos!)
    .map(rowOf);
  const selectedRow = q.ward ? shownRows.find((r) => r.slug === q.ward) : undefined;

  const normalisation: NormalisationState =
    q.per === "none"
      ? { state: "off" }
      : !canNormalise(indicator)
        ? { state: "not-applicable" }
        : head.missing > 0
          ? { state: "unknown", missingCount: head.missing, missingNames: head.missing_names ?? [] }
          : { state: "on", per: q.per, total: head.size_total ?? 0 };
  const pf = parentFigureOf(indicator, {
    count: head.present,
    of: head.unit_count,
    total: { value: exactOrNull(head.total) ?? "0", qualifier: head.any_more ? "MORE_THAN" : "EXACT" },
    mean: exactOrNull(head.mean) ?? "0",
    hasDemo: head.has_demo,
    achieved: head.achieved,
  });
  return {
    term,
    parent,
    childLevel,
    groups,
    indicator,
    fellBackFrom,
    period: q.period,
    years: termYears(term),
    sort: q.sort,
    per: q.per,
    table: {
      q: search,
      page,
      pageSize,
      pageCount: Math.max(1, Math.ceil(matchCount / pageSize)),
      matchCount,
      rows: tableRows,
    },
    chart: { top, bottom, withValue },
    selected: selectedRow ? rowOf(selectedRow) : null,
    parentFigure: pf,
    parentShown:
      pf && normalisation.state === "on" && pf.kind === "total"
        ? perThousand(pf.value, Math.round(normalisation.total))
        : null,
    normalisation,
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

type SiblingSqlRow = {
  code: string;
  n: number;
  mean: string | null;
  any_more: boolean;
  has_demo: boolean;
  achieved: number;
};

/** Per indicator, the statistics of the unit's siblings' figures (every other child of the parent). */
async function siblingStatsSql(q: FiguresQuery, unitId: number): Promise<SiblingSqlRow[]> {
  // straight from the figures present, grouped by indicator id (a hash aggregate of a few groups):
  // no child × indicator grid to build for a city of wards
  return rows<SiblingSqlRow>(
    Prisma.sql`
    WITH ${figuresCte(q)},
    stats AS (
      SELECT f.indicator_id, count(f.own_value)::int AS n, sum(f.own_value) AS total,
        bool_or(f.qualifier = 'MORE_THAN') AS any_more, bool_or(f.demo) AS has_demo,
        (count(*) FILTER (WHERE f.own_value >= 1))::int AS achieved
      FROM present f WHERE f.unit_id <> ${unitId}
      GROUP BY f.indicator_id
    )
    SELECT ind.code, coalesce(s.n, 0) AS n, round(s.total / nullif(s.n, 0), 4)::text AS mean,
      coalesce(s.any_more, false) AS any_more, coalesce(s.has_demo, false) AS has_demo,
      coalesce(s.achieved, 0) AS achieved
    FROM ind LEFT JOIN stats s ON s.indicator_id = ind.id`,
    { replan: true },
  );
}

/** The figures of one child (the unit itself), per indicator. */
async function ownFigures(q: FiguresQuery & { unitId: number }) {
  const figures = await rows<FigureColumns & { code: string; slug: string }>(
    Prisma.sql`
    WITH ${figuresCte(q)}
    SELECT slug, code, basis, value::text AS value, qualifier, years, source_ids, demo, note, inherited FROM fig`,
    { replan: true },
  );
  const [sources, formerUnits] = await Promise.all([sourcesById(figures), inheritedSources(figures)]);
  return new Map(figures.map((r) => [r.code, toFigure(r, sources, formerUnits.get(r.slug))]));
}

type WardComparisonQuery = { ward: string; programme?: string; period: PeriodChoice };

/**
 * Everything /compare/ward shows. Null when something is unknown, or the unit's parent (whose other
 * children it is compared with) is outside `scope`. The same for every reader of the parent, kept per
 * server process under the catalogue's and the figures' versions (as getIndicatorComparison).
 */
export async function getWardComparison(
  term: TermSummary,
  q: WardComparisonQuery,
  scope: ReadScope,
): Promise<WardComparison | null> {
  const unit = await getUnitScope(q.ward);
  const parentPath = unit?.path.slice(0, -1) ?? [];
  if (parentPath.length === 0 || !inScope(scope, parentPath)) return null;
  const key = [term.id, q.ward, q.programme ?? null, q.period];
  return cachedProgress(`ward-comparison:${JSON.stringify(key)}`, () =>
    readWardComparison(term, q, subtreeScope([parentPath.at(-1)!])),
  );
}

/** getWardComparison's reader-independent part: a fixed number of queries whatever the number of siblings (their averages computed in SQL). */
async function readWardComparison(
  term: TermSummary,
  q: WardComparisonQuery,
  scope: ReadScope,
): Promise<WardComparison | null> {
  if (!periodInTerm(q.period, term)) return null;
  const [unit, programmes] = await Promise.all([
    getOrgUnit(q.ward, scope),
    getProgrammes(term.id, { unitSlug: q.ward }),
  ]);
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

  const [found, unitRow] = await Promise.all([
    getParentUnit(unit.parent.slug, scope),
    db().orgUnit.findFirst({ where: { slug: unit.slug, ...scopeWhere(scope) }, select: { id: true } }),
  ]);
  if (!found || !unitRow) return null;
  const { id: parentId, ...parent } = found;
  const base = { parentId, termId: term.id, programmeSlug: programme.slug, codes, period: q.period, scope };
  const [stats, own, targets, across] = await Promise.all([
    siblingStatsSql({ ...base, lean: true }, unitRow.id),
    ownFigures({ ...base, unitId: unitRow.id }),
    getTargets({ termId: term.id, indicatorCodes: codes, orgUnitSlug: unit.slug, scope }),
    getAcrossTerms({
      unitSlug: unit.slug,
      issuerSlug: programme.issuer.slug,
      programmeSlug: programme.slug,
      codes,
      scope,
    }),
  ]);
  const byTerm = figuresAcrossTerms(across.indicators, across.values);
  const statsOf = new Map(stats.map((s) => [s.code, s]));
  const none: PeriodFigure = {
    basis: "none",
    value: null,
    qualifier: "EXACT",
    years: [],
    sources: [],
    isDemo: false,
    note: null,
  };

  const rowsOf = (indicator: IndicatorInfo): WardIndicatorRow => {
    const mine = own.get(indicator.code) ?? none;
    const s = statsOf.get(indicator.code);
    const t = targets.get(indicator.code);
    const target = (q.period.kind === "TERM" ? t?.term : t?.years[q.period.year]) ?? null;
    return {
      indicator,
      own: mine,
      siblings: compareWithAverage(indicator, mine, {
        count: s?.n ?? 0,
        mean: s?.mean ? { value: exact(s.mean), qualifier: s.any_more ? "MORE_THAN" : "EXACT" } : null,
        hasDemo: s?.has_demo ?? false,
        achieved: s?.achieved ?? 0,
      }),
      target,
      status: targetStatus({
        direction: indicator.direction,
        target,
        figure: mine.value === null ? null : { value: mine.value, qualifier: mine.qualifier },
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
    siblingCount: Math.max(0, parent.childCount - 1),
  };
}
