import "server-only";
// What the administrators' pages of org units read: the units they manage (a tree, active and
// former), and one unit with its former names, yearly population, successions and roles.
import { db } from "@/lib/db";
import type { OrgLevel } from "@/lib/generated/prisma/enums";
import { parentLevels } from "@/lib/domain/org-units";
import { type ReadScope, scopeWhere } from "./scope";
import { decimalString, isoDay } from "./serialize";

export type ManagedUnit = {
  id: number;
  slug: string;
  name: string;
  shortName: string;
  level: OrgLevel;
  parentSlug: string | null;
  validFrom: string;
  validTo: string | null;
  version: number;
};

/** Units inside `scope` (the units the person manages, with those below them), parents first. */
export async function listManagedUnits(scope: ReadScope): Promise<ManagedUnit[]> {
  const rows = await db().orgUnit.findMany({
    where: scopeWhere(scope),
    select: {
      id: true,
      slug: true,
      name: true,
      shortName: true,
      level: true,
      validFrom: true,
      validTo: true,
      version: true,
      parent: { select: { slug: true } },
    },
    orderBy: [{ level: "asc" }, { sortOrder: "asc" }, { slug: "asc" }],
  });
  return rows.map(({ parent, validFrom, validTo, ...u }) => ({
    ...u,
    parentSlug: parent?.slug ?? null,
    validFrom: isoDay(validFrom)!,
    validTo: isoDay(validTo),
  }));
}

export type UnitLink = { slug: string; shortName: string; effectiveOn: string; share: string };
export type ManagedUnitDetail = ManagedUnit & {
  parentName: string | null;
  formerNames: { name: string; shortName: string; validTo: string }[];
  years: { year: number; population: number | null; households: number | null; version: number }[];
  predecessors: UnitLink[];
  successors: UnitLink[];
  roles: number;
  formerParents: { name: string | null; validTo: string }[];
  formerSlugs: { slug: string; validTo: string }[];
  /** active units inside the scope it may be moved under (of a level that may hold it; not below it) */
  parentChoices: { slug: string; name: string }[];
  /** for a residential group: the unit whose children (wards) its move picker searches */
  searchParentsUnder: string | null;
};

/** One unit inside `scope`, with its history; null when unknown or outside. */
export async function getManagedUnit(slug: string, scope: ReadScope): Promise<ManagedUnitDetail | null> {
  const u = await db().orgUnit.findFirst({
    where: { slug, ...scopeWhere(scope) },
    select: {
      id: true,
      slug: true,
      name: true,
      shortName: true,
      level: true,
      validFrom: true,
      validTo: true,
      version: true,
      parent: { select: { slug: true, name: true, parent: { select: { slug: true } } } },
      formerNames: { select: { name: true, shortName: true, validTo: true }, orderBy: { validTo: "asc" } },
      yearFigures: {
        select: { year: true, population: true, households: true, version: true },
        orderBy: { year: "asc" },
      },
      predecessors: {
        select: { effectiveOn: true, share: true, predecessor: { select: { slug: true, shortName: true } } },
      },
      successors: {
        select: { effectiveOn: true, share: true, successor: { select: { slug: true, shortName: true } } },
      },
      _count: { select: { roleAssignments: true } },
      formerParents: { select: { validTo: true, parent: { select: { name: true } } }, orderBy: { validTo: "asc" } },
      formerSlugs: { select: { slug: true, validTo: true }, orderBy: { validTo: "asc" } },
    },
  });
  if (!u) return null;
  // a residential group's new ward is searched among the wards beside its own (a city's thousands are
  // never sent to the page); a ward's or district's few possible parents are listed
  const searchParentsUnder = u.level === "RESIDENTIAL_GROUP" ? (u.parent?.parent?.slug ?? null) : null;
  const parentChoices = searchParentsUnder
    ? []
    : await db().orgUnit.findMany({
        where: {
          ...scopeWhere(scope),
          level: { in: parentLevels(u.level) },
          validTo: null,
          NOT: { path: { has: u.id } },
          ...(u.parent ? { slug: { not: u.parent.slug } } : {}),
        },
        select: { slug: true, name: true },
        orderBy: [{ level: "asc" }, { sortOrder: "asc" }, { slug: "asc" }],
      });
  const link = (unit: { slug: string; shortName: string }, s: { effectiveOn: Date; share: { toFixed(): string } }) => ({
    ...unit,
    effectiveOn: isoDay(s.effectiveOn)!,
    share: decimalString(s.share),
  });
  return {
    id: u.id,
    slug: u.slug,
    name: u.name,
    shortName: u.shortName,
    level: u.level,
    validFrom: isoDay(u.validFrom)!,
    validTo: isoDay(u.validTo),
    version: u.version,
    parentSlug: u.parent?.slug ?? null,
    parentName: u.parent?.name ?? null,
    formerNames: u.formerNames.map((f) => ({ ...f, validTo: isoDay(f.validTo)! })),
    years: u.yearFigures,
    predecessors: u.predecessors.map((p) => link(p.predecessor, p)),
    successors: u.successors.map((s) => link(s.successor, s)),
    roles: u._count.roleAssignments,
    formerParents: u.formerParents.map((f) => ({ name: f.parent?.name ?? null, validTo: isoDay(f.validTo)! })),
    formerSlugs: u.formerSlugs.map((f) => ({ slug: f.slug, validTo: isoDay(f.validTo)! })),
    parentChoices,
    searchParentsUnder,
  };
}

/** The current slug of the unit that carried `slug` before (null: none did). */
export async function currentSlugOf(formerSlug: string): Promise<string | null> {
  const row = await db().orgUnitFormerSlug.findUnique({
    where: { slug: formerSlug },
    select: { orgUnit: { select: { slug: true } } },
  });
  return row?.orgUnit.slug ?? null;
}

/** Ids, among `ids`, of units at the top (no parent): an administrator there may add a city. */
export async function topLevelIds(ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db().orgUnit.findMany({ where: { id: { in: [...ids] }, parentId: null }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** Ids of units by slug (only those found, among `scope`). */
export async function unitIdsBySlug(slugs: readonly string[], scope: ReadScope): Promise<Map<string, number>> {
  const rows = await db().orgUnit.findMany({
    where: { slug: { in: [...slugs] }, ...scopeWhere(scope) },
    select: { id: true, slug: true },
  });
  return new Map(rows.map((r) => [r.slug, r.id]));
}
