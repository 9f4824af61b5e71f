import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The org units whose rows a request may read, built once per request from the viewer (or API
 * token) in lib/auth/access.ts. Every read of unit-specific rows puts it in its `where`, so that a
 * forgotten page check cannot leak another unit's figures: a unit outside the scope reads as absent.
 * `all`: the public portal. `rootIds`: the units of the reader's grants, each with every unit below
 * it (now or added later): a unit is readable when its materialised `path` holds one of them, one
 * array parameter whatever the number of units, served by the GIN index on org_unit.path.
 */
export type ReadScope = { readonly all: true } | { readonly rootIds: readonly number[] };

export const ALL_UNITS: ReadScope = { all: true };

/** The scope of the subtrees under the given units (a reader's grants, an API token's unit). */
export const subtreeScope = (rootIds: readonly number[]): ReadScope => ({ rootIds: [...new Set(rootIds)] });

/** A scope as a key of what the server keeps (lib/data/catalogue-cache.ts): its units in order, or "all". */
export const scopeKey = (scope: ReadScope): string =>
  "all" in scope ? "all" : [...scope.rootIds].sort((a, b) => a - b).join(",");

/** Is the unit with this path (ids from the root down to itself) inside the scope? */
export const inScope = (scope: ReadScope, unitPath: readonly number[]): boolean =>
  "all" in scope || unitPath.some((id) => scope.rootIds.includes(id));

/** `where` of an OrgUnit query (also nested: `orgUnit: { slug, ...scopeWhere(scope) }`). */
export function scopeWhere(scope: ReadScope): { path?: { hasSome: number[] } } {
  return "all" in scope ? {} : { path: { hasSome: [...scope.rootIds] } };
}

/**
 * `where` of a query on rows that belong to a unit (results, targets, projects, achievements …).
 * Under `AND`, so that it combines with the query's own `orgUnit: {…}` filter instead of replacing it.
 */
export function orgUnitScopeWhere(scope: ReadScope): { AND?: { orgUnit: { path: { hasSome: number[] } } }[] } {
  return "all" in scope ? {} : { AND: [{ orgUnit: scopeWhere(scope) as { path: { hasSome: number[] } } }] };
}

/**
 * SQL condition "the unit whose id is in `unitIdColumn` is readable", for raw queries, e.g.
 * Prisma.sql`… WHERE ${scopeSql(scope, Prisma.sql`r.org_unit_id`)}`. One array parameter.
 */
export function scopeSql(scope: ReadScope, unitIdColumn: Prisma.Sql): Prisma.Sql {
  if ("all" in scope) return Prisma.sql`TRUE`;
  return Prisma.sql`${unitIdColumn} IN (SELECT su.id FROM org_unit su WHERE su.path && ${[...scope.rootIds]}::int[])`;
}

/**
 * SQL condition "the unit whose materialised path is `pathColumn` is readable", for raw queries that
 * join org_unit already (e.g. Prisma.sql`o.path`): no sub-select. One array parameter.
 */
export function scopePathSql(scope: ReadScope, pathColumn: Prisma.Sql): Prisma.Sql {
  if ("all" in scope) return Prisma.sql`TRUE`;
  return Prisma.sql`${pathColumn} && ${[...scope.rootIds]}::int[]`;
}
