import "server-only";
// What the review screens show: one submission with its history, a ward's hub (years × programmes)
// and a district's progress (wards × programmes). Plain objects; a fixed number of queries each,
// counted in SQL whatever the number of wards (3.321 wards under one city: the figures stay in the
// database, only the counts the page shows come back).
// Each takes the reader's ReadScope: a ward outside it reads as absent.
import { db } from "@/lib/db";
import type { Completeness, Owed } from "@/lib/domain/completeness";
import type { UnitPath } from "@/lib/domain/programme-applies";
import type { ProgressState } from "@/lib/domain/submission-workflow";
import { viFold } from "@/lib/domain/vi-fold";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SubmissionAction, SubmissionStatus } from "@/lib/generated/prisma/enums";
import { type DeadlineInfo, getDeadline, getDeadlines } from "./deadlines";
import { existingDuring } from "./org-units";
import { issuersOf } from "@/lib/domain/programme-applies";
import { appliesFromRow, appliesToRowsSql, appliesToSelect, unitForRule, unitRuleSelect } from "./programmes";
import { type ReviewTarget, isWardGroupLevel } from "./review-target";
import { type ReadScope, orgUnitScopeWhere, scopePathSql, scopeWhere } from "./scope";
import { isoDay } from "./serialize";

export type SubmissionEventInfo = {
  id: number;
  action: SubmissionAction;
  fromStatus: SubmissionStatus;
  toStatus: SubmissionStatus;
  comment: string | null;
  actorName: string;
  at: string;
};

export type ProgressCell = { state: ProgressState; version: number; completeness: Completeness };

export type SubmissionPanelData = ProgressCell & { events: SubmissionEventInfo[]; deadline: DeadlineInfo | null };

/** How many (ward, programme) cells of one programme are in one state: the counts of many wards. */
export type CellCount = { programmeSlug: string; programmeCode: string; state: ProgressState; count: number };

const cellKey = (wardId: number, periodId: number, programmeId: number) => `${wardId}:${periodId}:${programmeId}`;

/** SQL: the unit in `alias` existed during the year in `year` (as `existingDuring`). */
/** SQL: the programme in `g` applies to the ward in `w` (the programme rule, on the joined rows). */
const appliesSql = appliesToRowsSql(
  { id: Prisma.sql`g.id`, issuerId: Prisma.sql`g.issuer_id` },
  { id: Prisma.sql`w.id`, path: Prisma.sql`w.path` },
);

const existedSql = (alias: string, year: Prisma.Sql) =>
  Prisma.sql`${Prisma.raw(alias)}.valid_from <= make_date(${year}, 12, 31)
    AND (${Prisma.raw(alias)}.valid_to IS NULL OR ${Prisma.raw(alias)}.valid_to >= make_date(${year}, 1, 1))`;

type CellsQuery = {
  wardIds: readonly number[];
  periods: readonly { id: number; year: number }[];
  /** the programmes asked for, or every programme of the term that applies to each ward (the programme rule) */
  programmes: { ids: readonly number[] } | { termId: number };
  scope: ReadScope;
};

type CellRow = {
  ward: number;
  period: number;
  programme: number;
  slug: string;
  code: string;
  status: SubmissionStatus | null;
  version: number | null;
  expected: number;
  entered: number;
  unconfirmed: number;
  owed: Owed[];
};

/**
 * State, version and completeness of every (ward, year, programme) asked for, counted in one statement
 * (lib/domain/completeness.ts says what is owed: a cell holds a figure when the ward entered a value,
 * or, where nothing was entered, a figure of that year is published; a cleared value is owed); none of
 * a ward outside `scope`. Rows by year, then the programmes' order.
 */
async function progressCells({ wardIds, periods, programmes, scope }: CellsQuery): Promise<CellRow[]> {
  if (wardIds.length === 0 || periods.length === 0) return [];
  const programmeWhere =
    "termId" in programmes
      ? Prisma.sql`g.term_id = ${programmes.termId} AND ${appliesSql}`
      : Prisma.sql`g.id = ANY(${[...programmes.ids]}::int[])`;
  return db().$queryRaw<CellRow[]>`
    WITH cell AS (
      SELECT w.id AS ward, pe.id AS period, pe.year, g.id AS programme, g.slug, g.code, g.number
        FROM org_unit w
       CROSS JOIN unnest(${periods.map((p) => p.id)}::int[], ${periods.map((p) => p.year)}::int[]) AS pe(id, year)
        JOIN programme g ON ${programmeWhere}
       WHERE w.id = ANY(${[...wardIds]}::int[]) AND ${scopePathSql(scope, Prisma.sql`w.path`)}
    ),
    -- each indicator's expected cells: the ward's own, or each residential group of the ward that year
    per AS (
      SELECT c.ward, c.period, c.programme, i.id AS indicator,
             count(u.id)::int AS expected,
             count(u.id) FILTER (WHERE ev.value IS NOT NULL OR (ev.id IS NULL AND r.id IS NOT NULL))::int AS entered,
             count(u.id) FILTER (WHERE ev.id IS NULL AND r.id IS NOT NULL)::int AS unconfirmed
        FROM cell c
        JOIN indicator i ON i.programme_id = c.programme
        LEFT JOIN submission s ON s.org_unit_id = c.ward AND s.period_id = c.period AND s.programme_id = c.programme
        LEFT JOIN LATERAL (
          SELECT c.ward AS id WHERE i.collection_level <> 'RESIDENTIAL_GROUP'
          UNION ALL
          SELECT gr.id FROM org_unit gr
           WHERE i.collection_level = 'RESIDENTIAL_GROUP' AND gr.parent_id = c.ward AND gr.level = 'RESIDENTIAL_GROUP'
             AND ${existedSql("gr", Prisma.sql`c.year`)} AND ${scopePathSql(scope, Prisma.sql`gr.path`)}
        ) u ON true
        LEFT JOIN entry_value ev ON ev.submission_id = s.id AND ev.indicator_id = i.id AND ev.org_unit_id = u.id
        LEFT JOIN result r ON r.indicator_id = i.id AND r.period_id = c.period AND r.org_unit_id = u.id
       GROUP BY c.ward, c.period, c.programme, i.id
    )
    SELECT c.ward, c.period, c.programme, c.slug, c.code, s.status, s.version,
           coalesce(sum(per.expected), 0)::int AS expected,
           coalesce(sum(per.entered), 0)::int AS entered,
           coalesce(sum(per.unconfirmed), 0)::int AS unconfirmed,
           coalesce(json_agg(json_build_object(
             'code', i.code, 'name', i.name, 'perGroup', i.collection_level = 'RESIDENTIAL_GROUP',
             'missing', per.expected - per.entered, 'expected', per.expected
           ) ORDER BY sec.sort_order, i.sort_order, i.id) FILTER (WHERE per.entered < per.expected), '[]') AS owed
      FROM cell c
      LEFT JOIN submission s ON s.org_unit_id = c.ward AND s.period_id = c.period AND s.programme_id = c.programme
      LEFT JOIN per ON per.ward = c.ward AND per.period = c.period AND per.programme = c.programme
      LEFT JOIN indicator i ON i.id = per.indicator
      LEFT JOIN indicator_section sec ON sec.id = i.section_id
     GROUP BY c.ward, c.period, c.year, c.programme, c.slug, c.code, c.number, s.status, s.version
     ORDER BY c.year, c.number, c.code, c.ward`;
}

const progressCell = (r: CellRow): ProgressCell => ({
  state: r.status ?? "NOT_STARTED",
  version: r.version ?? 1,
  completeness: { expected: r.expected, entered: r.entered, unconfirmed: r.unconfirmed, owed: r.owed },
});

/** The cells of `progressCells` by (ward, period, programme). */
async function loadProgress(q: CellsQuery): Promise<Map<string, ProgressCell>> {
  const rows = await progressCells(q);
  return new Map(rows.map((r) => [cellKey(r.ward, r.period, r.programme), progressCell(r)]));
}

/**
 * The (ward, programme) cells of the wards directly under `parentIds` (existing that year, readable)
 * for one year, counted per parent, programme and state in SQL: only the programmes that apply to
 * each ward (the programme rule), nothing per ward comes back. With each parent's number of wards.
 */
async function stateCounts({
  parentIds,
  period,
  termId,
  scope,
}: {
  parentIds: readonly number[];
  period: { id: number; year: number };
  termId: number;
  scope: ReadScope;
}): Promise<{ counts: Map<number, CellCount[]>; wards: Map<number, number> }> {
  if (parentIds.length === 0) return { counts: new Map(), wards: new Map() };
  const wardWhere = Prisma.sql`w.parent_id = ANY(${[...parentIds]}::int[]) AND w.level = 'WARD'
    AND ${existedSql("w", Prisma.sql`${period.year}::int`)} AND ${scopePathSql(scope, Prisma.sql`w.path`)}`;
  const [rows, wardRows] = await Promise.all([
    db().$queryRaw<{ parent: number; slug: string; code: string; state: ProgressState; cells: number }[]>`
      SELECT w.parent_id AS parent, g.slug, g.code, coalesce(s.status::text, 'NOT_STARTED') AS state,
             count(*)::int AS cells
        FROM org_unit w
        JOIN programme g ON g.term_id = ${termId} AND ${appliesSql}
        LEFT JOIN submission s ON s.org_unit_id = w.id AND s.period_id = ${period.id} AND s.programme_id = g.id
       WHERE ${wardWhere}
       GROUP BY w.parent_id, g.id, g.slug, g.code, g.number, s.status
       ORDER BY g.number, g.code, state`,
    db().$queryRaw<{ parent: number; wards: number }[]>`
      SELECT w.parent_id AS parent, count(*)::int AS wards FROM org_unit w WHERE ${wardWhere} GROUP BY w.parent_id`,
  ]);
  const counts = new Map<number, CellCount[]>();
  for (const r of rows) {
    const list = counts.get(r.parent) ?? [];
    list.push({ programmeSlug: r.slug, programmeCode: r.code, state: r.state, count: r.cells });
    counts.set(r.parent, list);
  }
  return { counts, wards: new Map(wardRows.map((r) => [r.parent, r.wards])) };
}

/** The panel of the entry page: state, version, completeness, deadline and history; null outside `scope`. */
export async function getSubmissionPanel(target: ReviewTarget, scope: ReadScope): Promise<SubmissionPanelData | null> {
  const [cells, submission, deadline] = await Promise.all([
    loadProgress({
      wardIds: [target.wardId],
      periods: [{ id: target.periodId, year: target.year }],
      programmes: { ids: [target.programmeId] },
      scope,
    }),
    db().submission.findFirst({
      where: {
        orgUnitId: target.wardId,
        periodId: target.periodId,
        programmeId: target.programmeId,
        ...orgUnitScopeWhere(scope),
      },
      select: {
        events: {
          orderBy: [{ at: "asc" }, { id: "asc" }],
          select: {
            id: true,
            action: true,
            fromStatus: true,
            toStatus: true,
            comment: true,
            actorName: true,
            at: true,
          },
        },
      },
    }),
    target.districtId ? getDeadline(target.districtId, target.periodId) : null,
  ]);
  const cell = cells.get(cellKey(target.wardId, target.periodId, target.programmeId));
  if (!cell) return null;
  return { ...cell, deadline, events: (submission?.events ?? []).map((e) => ({ ...e, at: e.at.toISOString() })) };
}

export type ProgrammeRef = { id: number; slug: string; code: string; title: string };

/** The programmes of a term issued by `issuerIds`, each with the units it applies to (`appliesFromRow`). */
async function programmesFor(
  termId: number,
  issuerIds: number[],
): Promise<(ProgrammeRef & { issuerId: number; appliesTo: { orgUnit: UnitPath }[] })[]> {
  return db().programme.findMany({
    where: { termId, issuerId: { in: issuerIds } },
    orderBy: [{ number: "asc" }, { code: "asc" }],
    select: { id: true, slug: true, code: true, title: true, ...appliesToSelect },
  });
}

const programmeRef = ({ id, slug, code, title }: ProgrammeRef): ProgrammeRef => ({ id, slug, code, title });

export type EntryHub = {
  ward: { slug: string; name: string; shortName: string };
  term: { slug: string; name: string };
  programmes: ProgrammeRef[];
  years: { year: number; deadline: string | null; cells: (ProgressCell & { programmeSlug: string })[] }[];
};

/** A ward's entry hub: each year of the term × each programme; null outside `scope`. */
export async function getEntryHub(
  wardSlug: string,
  term: { id: number; slug: string; name: string },
  scope: ReadScope,
): Promise<EntryHub | null> {
  const ward = await db().orgUnit.findFirst({
    where: { slug: wardSlug, ...scopeWhere(scope) },
    select: {
      slug: true,
      name: true,
      shortName: true,
      level: true,
      parent: { select: { id: true, level: true, parentId: true } },
      ...unitRuleSelect,
    },
  });
  if (!ward || ward.level !== "WARD") return null;
  // its own party committee's programmes, those of the units above it (now or before a move), those
  // that apply to it (as the entry form finds them)
  const unit = unitForRule(ward);
  const [programmes, periods] = await Promise.all([
    programmesFor(term.id, issuersOf(unit)).then((ps) => ps.filter((p) => appliesFromRow(p, unit)).map(programmeRef)),
    db().period.findMany({
      where: { termId: term.id, kind: "YEAR" },
      orderBy: { year: "asc" },
      select: { id: true, year: true },
    }),
  ]);
  const years = periods.filter((p): p is { id: number; year: number } => p.year !== null);
  const [cells, deadlines] = await Promise.all([
    loadProgress({ wardIds: [ward.id], periods: years, programmes: { ids: programmes.map((p) => p.id) }, scope }),
    ward.parent && isWardGroupLevel(ward.parent.level)
      ? getDeadlines(
          ward.parent.id,
          years.map((p) => p.id),
        )
      : new Map<number, string>(),
  ]);
  return {
    ward: { slug: ward.slug, name: ward.name, shortName: ward.shortName },
    term: { slug: term.slug, name: term.name },
    programmes,
    years: years.map((p) => ({
      year: p.year,
      deadline: deadlines.get(p.id) ?? null,
      cells: programmes.map((g) => ({ ...cells.get(cellKey(ward.id, p.id, g.id))!, programmeSlug: g.slug })),
    })),
  };
}

/** Wards a page of /tien-do lists: 25 wards × 3 programmes with their badges are some 150 KiB of HTML. */
export const PROGRESS_WARDS_PER_PAGE = 25;

export type DistrictProgress = {
  /** the parent of the wards: a district, or a city with wards directly under it */
  district: { id: number; slug: string; name: string; level: "DISTRICT" | "CITY" };
  term: { slug: string; name: string; startYear: number; endYear: number };
  year: number;
  periodId: number;
  deadline: DeadlineInfo | null;
  programmes: ProgrammeRef[];
  /** every ward of the year (readable): how many, and their cells counted by programme and state */
  wardCount: number;
  counts: CellCount[];
  /** the wards listed: those whose name holds `q` (diacritics ignored), one page of them */
  list: { q: string; page: number; perPage: number; matched: number };
  wards: { slug: string; name: string; shortName: string; cells: (ProgressCell & { programmeSlug: string })[] }[];
};

type TermRow = { id: number; slug: string; name: string; startYear: number; endYear: number };

/**
 * The wards directly under a district (or a city, since districts were abolished) × programmes for one
 * year, with the year's deadline: every ward counted by state, and one page of the wards (searched by
 * name, diacritics ignored) with their cells; null when the unit is outside `scope` or is not such a
 * parent.
 */
export async function getDistrictProgress(
  districtSlug: string,
  year: number,
  scope: ReadScope,
  { q = "", page = 1, perPage = PROGRESS_WARDS_PER_PAGE }: { q?: string; page?: number; perPage?: number } = {},
): Promise<DistrictProgress | null> {
  // the unit and the year's period at once; the period with its term in one statement (Prisma's
  // nested select of the term sent a second one)
  const [district, [period]] = await Promise.all([
    db().orgUnit.findFirst({
      where: { slug: districtSlug, ...scopeWhere(scope) },
      select: { id: true, slug: true, name: true, level: true, parentId: true },
    }),
    db().$queryRaw<{ id: number; term: TermRow }[]>`
      SELECT p.id, json_build_object('id', t.id, 'slug', t.slug, 'name', t.name, 'startYear', t.start_year,
                                     'endYear', t.end_year) AS term
        FROM period p JOIN term t ON t.id = p.term_id
       WHERE p.kind = 'YEAR' AND p.year = ${year} AND t.start_year <= ${year} AND t.end_year >= ${year}
       ORDER BY t.start_year DESC
       LIMIT 1`,
  ]);
  if (!district || (district.level !== "DISTRICT" && district.level !== "CITY")) return null;
  if (!period) return null;
  const search = viFold(q.trim());
  const wardWhere = Prisma.sql`w.parent_id = ${district.id} AND w.level = 'WARD'
    AND ${existedSql("w", Prisma.sql`${year}::int`)} AND ${scopePathSql(scope, Prisma.sql`w.path`)}`;
  const matches = Prisma.sql`(${search} = '' OR strpos(vi_fold(w.name), ${search}) > 0)`;
  const [listed, deadline, counted] = await Promise.all([
    db().$queryRaw<{ matched: number }[]>`
      SELECT count(*)::int AS matched FROM org_unit w WHERE ${wardWhere} AND ${matches}`,
    getDeadline(district.id, period.id),
    stateCounts({ parentIds: [district.id], period: { id: period.id, year }, termId: period.term.id, scope }),
  ]);
  const matched = listed[0]?.matched ?? 0;
  // a page past the last (a link kept after wards were merged away) shows the last one
  const shown = Math.max(1, Math.min(page, Math.ceil(matched / perPage)));
  const wards = await db().$queryRaw<{ id: number; slug: string; name: string; shortName: string }[]>`
    SELECT w.id, w.slug, w.name, w.short_name AS "shortName" FROM org_unit w
     WHERE ${wardWhere} AND ${matches}
     ORDER BY w.sort_order, w.name, w.id
     LIMIT ${perPage} OFFSET ${(shown - 1) * perPage}`;
  const counts = counted.counts.get(district.id) ?? [];
  // the programmes of the district and its city, and those that apply to one of its wards (a ward's
  // own party committee's, a former parent's); a ward has a cell only for those that apply to it
  const [programmes, cells] = await Promise.all([
    db().programme.findMany({
      where: {
        termId: period.term.id,
        OR: [
          { issuerId: { in: [district.id, ...(district.parentId ? [district.parentId] : [])] } },
          { slug: { in: [...new Set(counts.map((c) => c.programmeSlug))] } },
        ],
      },
      orderBy: [{ number: "asc" }, { code: "asc" }],
      select: { id: true, slug: true, code: true, title: true },
    }),
    progressCells({
      wardIds: wards.map((w) => w.id),
      periods: [{ id: period.id, year }],
      programmes: { termId: period.term.id },
      scope,
    }),
  ]);
  return {
    district: { id: district.id, slug: district.slug, name: district.name, level: district.level },
    term: {
      slug: period.term.slug,
      name: period.term.name,
      startYear: period.term.startYear,
      endYear: period.term.endYear,
    },
    year,
    periodId: period.id,
    deadline,
    programmes,
    wardCount: counted.wards.get(district.id) ?? 0,
    counts,
    list: { q: q.trim(), page: shown, perPage, matched },
    // a programme that does not apply to a ward has no cell there: nothing is owed, nothing counted
    wards: wards.map((w) => ({
      slug: w.slug,
      name: w.name,
      shortName: w.shortName,
      cells: cells.filter((c) => c.ward === w.id).map((c) => ({ ...progressCell(c), programmeSlug: c.slug })),
    })),
  };
}

/**
 * The default unit of the progress page for a person's reach (`unitIds`): the first of their cities
 * with wards directly under it (no districts since 1 July 2025), else the first district among
 * `unitIds` or directly below them.
 */
export async function firstDistrictWithin(unitIds: number[]): Promise<string | null> {
  if (unitIds.length === 0) return null;
  const city = await db().orgUnit.findFirst({
    where: { level: "CITY", id: { in: unitIds }, children: { some: { level: "WARD" } } },
    orderBy: [{ sortOrder: "asc" }, { slug: "asc" }],
    select: { slug: true },
  });
  if (city) return city.slug;
  const d = await db().orgUnit.findFirst({
    where: { level: "DISTRICT", OR: [{ id: { in: unitIds } }, { parentId: { in: unitIds } }] },
    orderBy: [{ sortOrder: "asc" }, { slug: "asc" }],
    select: { slug: true },
  });
  return d?.slug ?? null;
}

export type StandingCell = ProgressCell & { programmeSlug: string; programmeCode: string };
export type WardStanding = { slug: string; name: string; dueOn: string | null; cells: StandingCell[] };
export type DistrictStanding = {
  slug: string;
  name: string;
  dueOn: string | null;
  wards: number;
  programmes: number;
  /** its wards' cells, counted by programme and state (countProgress takes them as they are) */
  cells: CellCount[];
};
export type YearStanding = {
  year: number;
  /** the person's own wards, each with its programmes */
  wards: WardStanding[];
  /**
   * the person's districts (or those of their city, at most DISTRICTS_SHOWN), every ward's cells together;
   * a city with wards directly under it is one more row (its own direct wards)
   */
  districts: DistrictStanding[];
  /** districts of their cities left out of `districts` */
  moreDistricts: number;
};

const DISTRICTS_SHOWN = 20;

/**
 * Where the units of a person's grants (`rootIds`) stand for one year: their own wards programme by
 * programme, and for a district (or each district of a city) its wards' cells counted by state — the
 * same cells /tien-do counts, counted in SQL per district: a fixed number of queries, and nothing per
 * ward, whatever the number of wards. Null when the year belongs to no term.
 */
export async function getYearStanding({
  rootIds,
  year,
  scope,
}: {
  rootIds: readonly number[];
  year: number;
  scope: ReadScope;
}): Promise<YearStanding | null> {
  const period = await db().period.findFirst({
    where: { kind: "YEAR", year, term: { startYear: { lte: year }, endYear: { gte: year } } },
    orderBy: { term: { startYear: "desc" } },
    select: { id: true, termId: true },
  });
  if (!period || rootIds.length === 0) return null;
  const roots = await db().orgUnit.findMany({
    where: { id: { in: [...rootIds] }, ...scopeWhere(scope) },
    select: { id: true, level: true },
  });
  const idsOf = (level: string) => roots.filter((r) => r.level === level).map((r) => r.id);
  // only the reads the person's levels need: Prisma sends a statement even for an empty `in` list
  const [cities, wardIds] = [idsOf("CITY"), idsOf("WARD")];
  const none = Promise.resolve([]);
  const [cityDistricts, districtCount, wardCities, ownWards] = await Promise.all([
    cities.length === 0
      ? none
      : db().orgUnit.findMany({
          where: { parentId: { in: cities }, level: "DISTRICT", ...existingDuring(year), ...scopeWhere(scope) },
          orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
          take: DISTRICTS_SHOWN,
          select: { id: true },
        }),
    cities.length === 0
      ? 0
      : db().orgUnit.count({
          where: { parentId: { in: cities }, level: "DISTRICT", ...existingDuring(year), ...scopeWhere(scope) },
        }),
    // the person's cities with wards directly under them that year: one row each, like a district
    cities.length === 0
      ? none
      : db().orgUnit.findMany({
          where: {
            id: { in: cities },
            children: { some: { level: "WARD", ...existingDuring(year), ...scopeWhere(scope) } },
          },
          select: { id: true },
        }),
    wardIds.length === 0
      ? Promise.resolve([] as { id: number; slug: string; name: string; parentId: number | null }[])
      : db().orgUnit.findMany({
          where: { id: { in: wardIds }, level: "WARD", ...existingDuring(year), ...scopeWhere(scope) },
          orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
          select: { id: true, slug: true, name: true, parentId: true },
        }),
  ]);
  const districtIds = [...idsOf("DISTRICT"), ...cityDistricts.map((d) => d.id), ...wardCities.map((c) => c.id)];
  const districts = await db().orgUnit.findMany({
    where: { id: { in: districtIds } },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, slug: true, name: true, parentId: true },
  });
  const deadlineUnits = [
    ...new Set([...districtIds, ...ownWards.map((w) => w.parentId).filter((x): x is number => x !== null)]),
  ];
  const [counted, issued, deadlines, cells] = await Promise.all([
    stateCounts({ parentIds: districtIds, period: { id: period.id, year }, termId: period.termId, scope }),
    // a district row names how many programmes its district (or city) and the unit above it issued
    db().programme.findMany({
      where: {
        termId: period.termId,
        issuerId: { in: [...new Set(districts.flatMap((d) => (d.parentId ? [d.id, d.parentId] : [d.id])))] },
      },
      select: { issuerId: true },
    }),
    db().deadline.findMany({
      where: { districtId: { in: deadlineUnits }, periodId: period.id },
      select: { districtId: true, dueOn: true },
    }),
    // an own ward follows the programmes that apply to it: its own party committee's, its district's
    // or city's, a former parent's (as on its entry hub)
    progressCells({
      wardIds: ownWards.map((w) => w.id),
      periods: [{ id: period.id, year }],
      programmes: { termId: period.termId },
      scope,
    }),
  ]);
  const dueOf = new Map(deadlines.map((d) => [d.districtId, isoDay(d.dueOn)!]));
  return {
    year,
    wards: ownWards.map((w) => ({
      slug: w.slug,
      name: w.name,
      dueOn: (w.parentId && dueOf.get(w.parentId)) || null,
      cells: cells
        .filter((c) => c.ward === w.id)
        .map((c) => ({ ...progressCell(c), programmeSlug: c.slug, programmeCode: c.code })),
    })),
    districts: districts.map((d) => ({
      slug: d.slug,
      name: d.name,
      dueOn: dueOf.get(d.id) ?? null,
      wards: counted.wards.get(d.id) ?? 0,
      programmes: issued.filter((p) => p.issuerId === d.id || p.issuerId === d.parentId).length,
      cells: counted.counts.get(d.id) ?? [],
    })),
    moreDistricts: Math.max(0, districtCount - cityDistricts.length),
  };
}
