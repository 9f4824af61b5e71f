import "server-only";
import { cache } from "react";
import { db, rows } from "@/lib/db";
import type { OrgLevel } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { viFold } from "@/lib/domain/vi-fold";
import { cachedCatalogue, cachedProgress, catalogueVersion } from "./catalogue-cache";
import { type ReadScope, scopeKey, scopePathSql } from "./scope";
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

/**
 * A unit with its parent and children; null when unknown or outside `scope`. One statement (the
 * parent and the children as JSON), where Prisma's nested selects sent three.
 */
export async function getOrgUnit(slug: string, scope: ReadScope): Promise<OrgUnitDetail | null> {
  const ref = (t: string) =>
    Prisma.raw(
      `json_build_object('slug', ${t}.slug, 'name', ${t}.name, 'shortName', ${t}.short_name, 'level', ${t}.level)`,
    );
  const rows = await db().$queryRaw<(OrgUnitRef & Omit<OrgUnitDetail, "validFrom" | "validTo"> & DateRange)[]>`
    SELECT u.slug, u.name, u.short_name AS "shortName", u.level::text AS level, u.valid_from AS "validFrom",
           u.valid_to AS "validTo", u.population, u.households,
           (SELECT ${ref("p")} FROM org_unit p WHERE p.id = u.parent_id) AS parent,
           COALESCE((SELECT json_agg(${ref("c")} ORDER BY c.sort_order, c.slug) FROM org_unit c
                      WHERE c.parent_id = u.id AND ${scopePathSql(scope, Prisma.sql`c.path`)}), '[]'::json) AS children
      FROM org_unit u
     WHERE u.slug = ${slug} AND ${scopePathSql(scope, Prisma.sql`u.path`)}`;
  const unit = rows[0];
  if (!unit) return null;
  return { ...unit, validFrom: isoDay(unit.validFrom)!, validTo: isoDay(unit.validTo) };
}

type DateRange = { validFrom: Date; validTo: Date | null };

export type WardListItem = OrgUnitRef & { district: string; resultCount: number; reportedCount: number };
export type WardListPage = { wards: WardListItem[]; total: number; page: number; perPage: number };
export type OwnUnit = OrgUnitRef & { id: number; parentName: string | null };

export const WARDS_PER_PAGE = 48;
export type WardListQuery = { q?: string; page?: number; perPage?: number; exclude?: readonly number[] };

/**
 * One page of the wards of `scope` (leaving out `exclude`, the person's own units shown apart) whose
 * name holds `q`, diacritics and case ignored ("ngoc thuy" finds "Ngọc Thụy"), by district then
 * order, with how many figures each holds, and how many wards match: one statement whatever the
 * number of wards (the scope by path, no list of ids), figures counted only for the page's wards.
 */
export async function listWards(
  scope: ReadScope,
  { q = "", page = 1, perPage = WARDS_PER_PAGE, exclude = [] }: WardListQuery = {},
): Promise<WardListPage> {
  // kept per reader's units and query: the units and the figures' counts move the two versions
  const key = `wards:${scopeKey(scope)}:${idsKey(exclude)}:${page}:${perPage}:${q}`;
  return cachedProgress(key, () => readWards(scope, { q, page, perPage, exclude }));
}

/** The ids in order, as a cache key. */
const idsKey = (ids: readonly number[]) => [...ids].sort((a, b) => a - b).join(",");

/** `listWards` read now: one statement. */
async function readWards(
  scope: ReadScope,
  { q, page, perPage, exclude }: Required<WardListQuery>,
): Promise<WardListPage> {
  const search = viFold(q.trim());
  // the name is folded only when searched: vi_fold costs ~20 µs a ward
  const matches = search ? Prisma.sql`AND strpos(vi_fold(o.name), ${search}) > 0` : Prisma.empty;
  const rows = await db().$queryRaw<
    {
      total: number;
      slug: string | null;
      name: string;
      short_name: string;
      district: string | null;
      results: number;
      reported: number;
    }[]
  >`
    WITH hits AS (
      SELECT o.id, o.slug, o.name, o.short_name, o.sort_order, d.name AS district
        FROM org_unit o LEFT JOIN org_unit d ON d.id = o.parent_id
       WHERE o.level = 'WARD' AND ${scopePathSql(scope, Prisma.sql`o.path`)}
         AND NOT (o.id = ANY(${[...exclude]}::int[])) ${matches}
    )
    SELECT c.total, w.slug, w.name, w.short_name, w.district, n.results, n.reported
      FROM (SELECT count(*)::int AS total FROM hits) c
      LEFT JOIN LATERAL (
        SELECT * FROM hits ORDER BY district, sort_order, slug LIMIT ${perPage} OFFSET ${(page - 1) * perPage}
      ) w ON true
      LEFT JOIN LATERAL (
        SELECT count(*)::int AS results, (count(*) FILTER (WHERE s.kind = 'REPORT'))::int AS reported
          FROM result r JOIN source s ON s.id = r.source_id
         WHERE r.org_unit_id = w.id
      ) n ON true
     ORDER BY w.district, w.sort_order, w.slug`;
  return {
    total: rows[0]?.total ?? 0,
    page,
    perPage,
    wards: rows
      .filter((w) => w.slug !== null)
      .map((w) => ({
        slug: w.slug!,
        name: w.name,
        shortName: w.short_name,
        level: "WARD",
        district: w.district ?? "",
        resultCount: w.results,
        reportedCount: w.reported,
      })),
  };
}

/** The units a scope starts from (a person's grants: their own units), by level and name; none for `all`. */
export async function listScopeRoots(scope: ReadScope): Promise<OwnUnit[]> {
  if ("all" in scope || scope.rootIds.length === 0) return [];
  // units only: kept per catalogue version; one statement with the parent joined
  return cachedCatalogue(`scopeRoots:${scopeKey(scope)}`, () => readScopeRoots(scope.rootIds));
}

async function readScopeRoots(rootIds: readonly number[]): Promise<OwnUnit[]> {
  return db().$queryRaw<OwnUnit[]>`
    SELECT u.id, u.slug, u.name, u.short_name AS "shortName", u.level::text AS level, p.name AS "parentName"
      FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id
     WHERE u.id = ANY(${[...rootIds]}::int[])
     ORDER BY u.level, u.name`;
}

type UnitScope = { id: number; path: number[] };

/** How many units' scopes a process keeps (a slug each; units not found are never kept). */
const UNIT_SCOPES_KEPT = 20_000;

// The units' ids and paths, kept in this process for one catalogue version: every write of org_unit
// bumps it in the writing transaction (lib/data/catalogue-cache.ts), and the session's statement
// reads it (lib/auth/session.ts), so the checks of a page (the header's links, the page's own) send
// no statement of their own and a unit moved or renamed is seen by the next request. A map per
// version: a request that read an older version never fills the newer one's.
let unitScopes: { version: string; bySlug: Map<string, Promise<UnitScope | null>> } = {
  version: "",
  bySlug: new Map(),
};

async function readUnitScope(slug: string): Promise<UnitScope | null> {
  const [unit] = await rows<UnitScope>(Prisma.sql`SELECT id, path FROM org_unit WHERE slug = ${slug}`);
  return unit ?? null;
}

/**
 * A unit's id with the ids of its ancestors and itself (root first), for permission checks (the
 * reader's scope is built from their grants: `subtreeScope`). Access control itself: not scoped.
 * Read once per catalogue version (above); once per slug while a page renders (React `cache()`).
 */
export const getUnitScope = cache(async (slug: string): Promise<UnitScope | null> => {
  const version = await catalogueVersion();
  if (unitScopes.version !== version) unitScopes = { version, bySlug: new Map() };
  const kept = unitScopes.bySlug;
  let found = kept.get(slug);
  if (!found) {
    found = readUnitScope(slug);
    if (kept.size < UNIT_SCOPES_KEPT) {
      kept.set(slug, found);
      // an unknown slug (a mistyped address) is not kept, nor a failed read
      const forget = () => kept.get(slug) === found && kept.delete(slug);
      found.then((u) => u ?? forget(), forget);
    }
  }
  const unit = await found;
  // a copy: a caller changing the path cannot change what the next request gets
  return unit && { id: unit.id, path: [...unit.path] };
});

/** Ids of the given units and every unit below them: the rows a person's grants reach. */
export async function unitIdsWithin(rootIds: readonly number[]): Promise<number[]> {
  if (rootIds.length === 0) return [];
  const units = await db().orgUnit.findMany({ where: { path: { hasSome: [...rootIds] } }, select: { id: true } });
  return units.map((u) => u.id);
}
