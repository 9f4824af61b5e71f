import "server-only";
import { db } from "@/lib/db";
import type { OrgLevel } from "@/lib/generated/prisma/enums";
import { type ReadScope, orgUnitScopeWhere, scopeWhere } from "./scope";
import { isoDay } from "./serialize";

export type OrgUnitRef = { slug: string; name: string; shortName: string; level: OrgLevel };
export type OrgUnitDetail = OrgUnitRef & {
  validFrom: string;
  validTo: string | null;
  population: number | null;
  households: number | null;
  parent: OrgUnitRef | null;
  children: OrgUnitRef[];
};

const refSelect = { slug: true, name: true, shortName: true, level: true } as const;

// A unit counts for a year when it existed on any day of it (validFrom/validTo are @db.Date, read as UTC midnight).
const firstDay = (year: number) => new Date(Date.UTC(year, 0, 1));
const lastDay = (year: number) => new Date(Date.UTC(year, 11, 31));

/** `where` of the units that existed during `year` (a group dissolved or founded that year counts). */
export const existingDuring = (year: number) => ({
  validFrom: { lte: lastDay(year) },
  OR: [{ validTo: null }, { validTo: { gte: firstDay(year) } }],
});

/** The same test on a unit already read. */
export const existedDuring = (unit: { validFrom: Date; validTo: Date | null }, year: number): boolean =>
  unit.validFrom <= lastDay(year) && (!unit.validTo || unit.validTo >= firstDay(year));

/** A unit with its parent and children; null when unknown or outside `scope`. */
export async function getOrgUnit(slug: string, scope: ReadScope): Promise<OrgUnitDetail | null> {
  const unit = await db().orgUnit.findFirst({
    where: { slug, ...scopeWhere(scope) },
    select: {
      ...refSelect,
      validFrom: true,
      validTo: true,
      population: true,
      households: true,
      parent: { select: refSelect },
      children: { where: scopeWhere(scope), select: refSelect, orderBy: [{ sortOrder: "asc" }, { slug: "asc" }] },
    },
  });
  if (!unit) return null;
  return { ...unit, validFrom: isoDay(unit.validFrom)!, validTo: isoDay(unit.validTo) };
}

export type WardListItem = OrgUnitRef & { district: string; resultCount: number; reportedCount: number };

/** Wards of `scope` with how many figures each holds (all, and from reports), for the home page. */
export async function listWards(scope: ReadScope): Promise<WardListItem[]> {
  const wards = await db().orgUnit.findMany({
    where: { level: "WARD", ...scopeWhere(scope) },
    orderBy: [{ parent: { name: "asc" } }, { sortOrder: "asc" }],
    select: {
      id: true,
      ...refSelect,
      parent: { select: { name: true } },
      _count: { select: { results: true } },
    },
  });
  const reported = await db().result.groupBy({
    by: ["orgUnitId"],
    where: { source: { kind: "REPORT" }, orgUnit: { level: "WARD" }, ...orgUnitScopeWhere(scope) },
    _count: { _all: true },
  });
  const reportedById = new Map(reported.map((r) => [r.orgUnitId, r._count._all]));
  return wards.map((w) => ({
    slug: w.slug,
    name: w.name,
    shortName: w.shortName,
    level: w.level,
    district: w.parent?.name ?? "",
    resultCount: w._count.results,
    reportedCount: reportedById.get(w.id) ?? 0,
  }));
}

/**
 * A unit's id with the ids of its ancestors and itself (root first), for permission checks (the
 * reader's scope is built from their grants: `subtreeScope`). Access control itself: not scoped.
 */
export async function getUnitScope(slug: string): Promise<{ id: number; path: number[] } | null> {
  const unit = await db().orgUnit.findUnique({ where: { slug }, select: { id: true, path: true } });
  return unit && { id: unit.id, path: unit.path };
}

/** Ids of the given units and every unit below them: the rows a person's grants reach. */
export async function unitIdsWithin(rootIds: readonly number[]): Promise<number[]> {
  if (rootIds.length === 0) return [];
  const units = await db().orgUnit.findMany({ where: { path: { hasSome: [...rootIds] } }, select: { id: true } });
  return units.map((u) => u.id);
}
