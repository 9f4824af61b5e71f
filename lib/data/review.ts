import "server-only";
// What the review screens show: one submission with its history, a ward's hub (years × programmes)
// and a district's progress (wards × programmes). Plain objects; a fixed number of queries each.
// Each takes the reader's ReadScope: a ward outside it reads as absent.
import { db } from "@/lib/db";
import { type Completeness, type CompletenessIndicator, completeness, presentCells } from "@/lib/domain/completeness";
import type { UnitPath } from "@/lib/domain/programme-applies";
import type { ProgressState } from "@/lib/domain/submission-workflow";
import type { SubmissionAction, SubmissionStatus } from "@/lib/generated/prisma/enums";
import { type DeadlineInfo, getDeadline, getDeadlines } from "./deadlines";
import { existedDuring, existingDuring } from "./org-units";
import { issuersOf } from "@/lib/domain/programme-applies";
import { appliesFromRow, appliesToSelect, unitForRule, unitRuleSelect } from "./programmes";
import { type ReviewTarget, isWardGroupLevel } from "./review-target";
import { type ReadScope, orgUnitScopeWhere, scopeWhere } from "./scope";
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

const cellKey = (wardId: number, periodId: number, programmeId: number) => `${wardId}:${periodId}:${programmeId}`;

type Cells = { wardIds: number[]; periods: { id: number; year: number }[]; programmeIds: number[] };

function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const r of rows) {
    const list = map.get(key(r));
    if (list) list.push(r);
    else map.set(key(r), [r]);
  }
  return map;
}

/** State, version and completeness of every (ward, year, programme) asked for; none of a ward outside `scope`. */
async function loadProgress(cellsOf: Cells, scope: ReadScope): Promise<Map<string, ProgressCell>> {
  const { periods, programmeIds } = cellsOf;
  const wardIds =
    "all" in scope
      ? cellsOf.wardIds
      : (
          await db().orgUnit.findMany({
            where: { id: { in: cellsOf.wardIds }, ...scopeWhere(scope) },
            select: { id: true },
          })
        ).map((w) => w.id);
  const periodIds = periods.map((p) => p.id);
  const [indicators, groups, submissions] = await Promise.all([
    db().indicator.findMany({
      where: { programmeId: { in: programmeIds } },
      orderBy: [{ section: { sortOrder: "asc" } }, { sortOrder: "asc" }, { id: "asc" }],
      select: { id: true, code: true, name: true, collectionLevel: true, programmeId: true },
    }),
    db().orgUnit.findMany({
      where: { parentId: { in: wardIds }, level: "RESIDENTIAL_GROUP", ...scopeWhere(scope) },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      select: { id: true, parentId: true, validFrom: true, validTo: true },
    }),
    db().submission.findMany({
      where: {
        orgUnitId: { in: wardIds },
        periodId: { in: periodIds },
        programmeId: { in: programmeIds },
        ...orgUnitScopeWhere(scope),
      },
      select: { id: true, orgUnitId: true, periodId: true, programmeId: true, status: true, version: true },
    }),
  ]);
  const [entries, published] = await Promise.all([
    submissions.length
      ? db().entryValue.findMany({
          where: { submissionId: { in: submissions.map((s) => s.id) } },
          select: { submissionId: true, indicatorId: true, orgUnitId: true, value: true },
        })
      : [],
    // the published figures the entry form starts from count as present where nothing was entered
    db().result.findMany({
      where: {
        periodId: { in: periodIds },
        orgUnitId: { in: [...wardIds, ...groups.map((g) => g.id)] },
        indicator: { programmeId: { in: programmeIds } },
      },
      select: { periodId: true, indicatorId: true, orgUnitId: true, indicator: { select: { programmeId: true } } },
    }),
  ]);

  const indicatorsOf = groupBy<CompletenessIndicator & { programmeId: number }>(indicators, (i) => i.programmeId);
  const enteredOf = groupBy(entries, (e) => e.submissionId);
  const wardOfUnit = new Map<number, number>([
    ...wardIds.map((id): [number, number] => [id, id]),
    ...groups.map((g): [number, number] => [g.id, g.parentId!]),
  ]);
  const publishedOf = new Map<string, { indicatorId: number; orgUnitId: number }[]>();
  for (const r of published) {
    const key = cellKey(wardOfUnit.get(r.orgUnitId)!, r.periodId, r.indicator.programmeId);
    const list = publishedOf.get(key);
    if (list) list.push(r);
    else publishedOf.set(key, [r]);
  }
  const submissionOf = new Map(submissions.map((s) => [cellKey(s.orgUnitId, s.periodId, s.programmeId), s]));

  const cells = new Map<string, ProgressCell>();
  for (const period of periods) {
    // the groups of each ward, found once (not a scan of every group for every ward: 3.321 wards have
    // 13.280 groups)
    const activeOf = groupBy(
      groups.filter((g) => existedDuring(g, period.year)),
      (g) => g.parentId!,
    );
    for (const wardId of wardIds) {
      const groupIds = (activeOf.get(wardId) ?? []).map((g) => g.id);
      for (const programmeId of programmeIds) {
        const sub = submissionOf.get(cellKey(wardId, period.id, programmeId));
        cells.set(cellKey(wardId, period.id, programmeId), {
          state: sub ? sub.status : "NOT_STARTED",
          version: sub?.version ?? 1,
          completeness: completeness(
            indicatorsOf.get(programmeId) ?? [],
            wardId,
            groupIds,
            presentCells({
              entries: (sub ? (enteredOf.get(sub.id) ?? []) : []).map((e) => ({ ...e, hasValue: e.value !== null })),
              published: publishedOf.get(cellKey(wardId, period.id, programmeId)) ?? [],
            }),
          ),
        });
      }
    }
  }
  return cells;
}

/** The panel of the entry page: state, version, completeness, deadline and history; null outside `scope`. */
export async function getSubmissionPanel(target: ReviewTarget, scope: ReadScope): Promise<SubmissionPanelData | null> {
  const [cells, submission, deadline] = await Promise.all([
    loadProgress(
      {
        wardIds: [target.wardId],
        periods: [{ id: target.periodId, year: target.year }],
        programmeIds: [target.programmeId],
      },
      scope,
    ),
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
    loadProgress({ wardIds: [ward.id], periods: years, programmeIds: programmes.map((p) => p.id) }, scope),
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

export type DistrictProgress = {
  /** the parent of the wards: a district, or a city with wards directly under it */
  district: { id: number; slug: string; name: string; level: "DISTRICT" | "CITY" };
  term: { slug: string; name: string; startYear: number; endYear: number };
  year: number;
  periodId: number;
  deadline: DeadlineInfo | null;
  programmes: ProgrammeRef[];
  wards: { slug: string; name: string; shortName: string; cells: (ProgressCell & { programmeSlug: string })[] }[];
};

/**
 * The wards directly under a district (or a city, since districts were abolished) × programmes for one
 * year, with the year's deadline; null when the unit is outside `scope` or is not such a parent.
 */
export async function getDistrictProgress(
  districtSlug: string,
  year: number,
  scope: ReadScope,
): Promise<DistrictProgress | null> {
  const district = await db().orgUnit.findFirst({
    where: { slug: districtSlug, ...scopeWhere(scope) },
    select: { id: true, slug: true, name: true, level: true, parentId: true },
  });
  if (!district || (district.level !== "DISTRICT" && district.level !== "CITY")) return null;
  const period = await db().period.findFirst({
    where: { kind: "YEAR", year, term: { startYear: { lte: year }, endYear: { gte: year } } },
    orderBy: { term: { startYear: "desc" } },
    select: { id: true, term: { select: { id: true, slug: true, name: true, startYear: true, endYear: true } } },
  });
  if (!period) return null;
  const [wards, deadline] = await Promise.all([
    db().orgUnit.findMany({
      where: { parentId: district.id, level: "WARD", ...existingDuring(year), ...scopeWhere(scope) },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { slug: true, name: true, shortName: true, ...unitRuleSelect },
    }),
    getDeadline(district.id, period.id),
  ]);
  // the programmes of the district, its city and each ward's own party committee (or a former parent's);
  // a ward has a cell only for those that apply to it
  const units = new Map(wards.map((w) => [w.id, unitForRule(w)]));
  const programmes = await programmesFor(period.term.id, [
    ...new Set([
      district.id,
      ...(district.parentId ? [district.parentId] : []),
      ...[...units.values()].flatMap(issuersOf),
    ]),
  ]).then((ps) =>
    ps.filter(
      (p) =>
        p.issuerId === district.id ||
        p.issuerId === district.parentId ||
        [...units.values()].some((u) => appliesFromRow(p, u)),
    ),
  );
  const cells = await loadProgress(
    { wardIds: wards.map((w) => w.id), periods: [{ id: period.id, year }], programmeIds: programmes.map((p) => p.id) },
    scope,
  );
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
    programmes: programmes.map(programmeRef),
    // a programme that does not apply to a ward has no cell there: nothing is owed, nothing counted
    wards: wards.map((w) => ({
      slug: w.slug,
      name: w.name,
      shortName: w.shortName,
      cells: programmes
        .filter((g) => appliesFromRow(g, units.get(w.id)!))
        .map((g) => ({ ...cells.get(cellKey(w.id, period.id, g.id))!, programmeSlug: g.slug })),
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
  cells: StandingCell[];
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
 * programme, and for a district (or each district of a city) its wards' cells, counted by the caller.
 * The cells come from the same loadProgress as /tien-do, in one call whatever the number of wards:
 * a fixed number of queries. Null when the year belongs to no term.
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
  const [cityDistricts, districtCount, wardCities] = await Promise.all([
    db().orgUnit.findMany({
      where: { parentId: { in: idsOf("CITY") }, level: "DISTRICT", ...existingDuring(year), ...scopeWhere(scope) },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      take: DISTRICTS_SHOWN,
      select: { id: true },
    }),
    db().orgUnit.count({
      where: { parentId: { in: idsOf("CITY") }, level: "DISTRICT", ...existingDuring(year), ...scopeWhere(scope) },
    }),
    // the person's cities with wards directly under them that year: one row each, like a district
    db().orgUnit.findMany({
      where: {
        id: { in: idsOf("CITY") },
        children: { some: { level: "WARD", ...existingDuring(year), ...scopeWhere(scope) } },
      },
      select: { id: true },
    }),
  ]);
  const districtIds = [...idsOf("DISTRICT"), ...cityDistricts.map((d) => d.id), ...wardCities.map((c) => c.id)];
  const [districts, wards] = await Promise.all([
    db().orgUnit.findMany({
      where: { id: { in: districtIds } },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, slug: true, name: true, parentId: true },
    }),
    db().orgUnit.findMany({
      where: {
        level: "WARD",
        AND: [{ OR: [{ id: { in: idsOf("WARD") } }, { parentId: { in: districtIds } }] }, existingDuring(year)],
        ...scopeWhere(scope),
      },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: {
        slug: true,
        name: true,
        parentId: true,
        ...unitRuleSelect,
      },
    }),
  ]);
  // a ward follows the programmes that apply to it: its own party committee's, its district's or
  // city's, a former parent's (as on its entry hub)
  const units = new Map(wards.map((w) => [w.id, unitForRule(w)]));
  const wardDistricts = [...new Set(wards.map((w) => w.parentId).filter((x): x is number => x !== null))];
  const [programmes, deadlines] = await Promise.all([
    db().programme.findMany({
      where: { termId: period.termId, issuerId: { in: [...new Set([...units.values()].flatMap(issuersOf))] } },
      orderBy: [{ number: "asc" }, { code: "asc" }],
      select: { id: true, slug: true, code: true, ...appliesToSelect },
    }),
    db().deadline.findMany({
      where: { districtId: { in: wardDistricts }, periodId: period.id },
      select: { districtId: true, dueOn: true },
    }),
  ]);
  const cells = await loadProgress(
    { wardIds: wards.map((w) => w.id), periods: [{ id: period.id, year }], programmeIds: programmes.map((p) => p.id) },
    scope,
  );
  const dueOf = new Map(deadlines.map((d) => [d.districtId, isoDay(d.dueOn)!]));
  const cellsOf = (w: (typeof wards)[number]): StandingCell[] => {
    return programmes
      .filter((p) => appliesFromRow(p, units.get(w.id)!))
      .flatMap((p) => {
        const cell = cells.get(cellKey(w.id, period.id, p.id));
        return cell ? [{ ...cell, programmeSlug: p.slug, programmeCode: p.code }] : [];
      });
  };
  const ownWardIds = new Set(idsOf("WARD"));
  return {
    year,
    wards: wards
      .filter((w) => ownWardIds.has(w.id))
      .map((w) => ({
        slug: w.slug,
        name: w.name,
        dueOn: (w.parentId && dueOf.get(w.parentId)) || null,
        cells: cellsOf(w),
      })),
    districts: districts.map((d) => {
      const own = wards.filter((w) => w.parentId === d.id);
      const issuers = [d.id, d.parentId];
      return {
        slug: d.slug,
        name: d.name,
        dueOn: dueOf.get(d.id) ?? null,
        wards: own.length,
        programmes: programmes.filter((p) => issuers.includes(p.issuerId)).length,
        cells: own.flatMap(cellsOf),
      };
    }),
    moreDistricts: Math.max(0, districtCount - cityDistricts.length),
  };
}
