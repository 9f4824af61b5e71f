import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The org units whose rows a request may read, built once per request from the viewer (or API
 * token) in lib/auth/access.ts. Every read of unit-specific rows puts it in its `where`, so that a
 * forgotten page check cannot leak another unit's figures: a unit outside the scope reads as absent.
 * `all`: the public portal.
 */
export type ReadScope = { readonly all: true } | { readonly unitIds: readonly number[] };

export const ALL_UNITS: ReadScope = { all: true };

/** A scope of the given unit ids (with those below them already included: see unitIdsWithin). */
export const unitsScope = (unitIds: readonly number[]): ReadScope => ({ unitIds });

/** Is this unit inside the scope? */
export const inScope = (scope: ReadScope, unitId: number): boolean => "all" in scope || scope.unitIds.includes(unitId);

/** `where` of an OrgUnit query. */
export function scopeWhere(scope: ReadScope): { id?: { in: number[] } } {
  return "all" in scope ? {} : { id: { in: [...scope.unitIds] } };
}

/** `where` of a query on rows that belong to a unit (results, targets, projects, achievements …). */
export function orgUnitScopeWhere(scope: ReadScope): { orgUnitId?: { in: number[] } } {
  return "all" in scope ? {} : { orgUnitId: { in: [...scope.unitIds] } };
}

/**
 * SQL condition "this unit id is readable", for raw queries: `unitIdColumn` is the column (or
 * expression) holding the unit's id, e.g. Prisma.sql`r.org_unit_id`. One array parameter, whatever
 * the size of the scope.
 */
export function scopeSql(scope: ReadScope, unitIdColumn: Prisma.Sql): Prisma.Sql {
  return "all" in scope ? Prisma.sql`TRUE` : Prisma.sql`${unitIdColumn} = ANY(${[...scope.unitIds]}::int[])`;
}
