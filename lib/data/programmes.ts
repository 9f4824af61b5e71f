import "server-only";
import { db, rows } from "@/lib/db";
import { type UnitPath, issuerApplies, issuersOf, programmeApplies } from "@/lib/domain/programme-applies";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Aggregation, Direction, OrgLevel, ValueType } from "@/lib/generated/prisma/enums";
import { cachedCatalogue } from "./catalogue-cache";

export type IndicatorInfo = {
  code: string;
  name: string;
  unit: string;
  valueType: ValueType;
  aggregation: Aggregation;
  direction: Direction;
  collectionLevel: OrgLevel;
  wardFromGroups: boolean;
  categories: Record<string, string>;
  headline: boolean;
  parentCode: string | null;
  description: string | null;
};

export type SectionInfo = { code: string; name: string; indicators: IndicatorInfo[] };

export type ProgrammeInfo = {
  code: string;
  slug: string;
  number: number;
  title: string;
  summary: string;
  issuer: { slug: string; name: string };
  /** slugs of the units it applies to (with the units below them); empty: every unit under its issuer */
  appliesTo: string[];
  sections: SectionInfo[];
};

// ---------------------------------------------------------------------------------------------
// The units a programme applies to (`programme_unit`, see lib/domain/programme-applies.ts): the one
// rule, as a Prisma `where`, as SQL and on loaded rows. Every read of "a unit's programmes" (entry,
// review, progress, dashboards, comparisons, the API) goes through one of these.
// ---------------------------------------------------------------------------------------------

/**
 * `where` of a Programme query: the programme applies to `unit`: issued by the unit or a unit above it
 * (now; through a former parent, that parent and its parent), and no unit listed, or one listed is the
 * unit, above it or below it. Put it under `AND` to combine with the query's own `OR`.
 */
export const appliesToWhere = (unit: UnitPath) => ({
  AND: [
    {
      OR: [
        { issuerId: { in: issuersOf(unit) } },
        { issuer: { formerChildren: { some: { orgUnitId: { in: [...unit.path] } } } } },
        { issuer: { children: { some: { formerChildren: { some: { orgUnitId: { in: [...unit.path] } } } } } } },
      ],
    },
    {
      OR: [
        { appliesTo: { none: {} } },
        {
          appliesTo: {
            some: { OR: [{ orgUnitId: { in: [...unit.path] } }, { orgUnit: { path: { has: unit.id } } }] },
          },
        },
      ],
    },
  ],
});

/**
 * SQL condition: the programme whose id is in `programmeId` applies to the unit whose id is in `unitId`
 * (its issuer is the unit, a unit above it, a former parent of one of them or a unit above that, or
 * above one of the unit's former units: see `unitForRule`).
 */
export const appliesToSql = (programmeId: Prisma.Sql, unitId: Prisma.Sql): Prisma.Sql => Prisma.sql`EXISTS (
  SELECT 1 FROM programme aip JOIN org_unit aiu ON aiu.id = ${unitId}
  WHERE aip.id = ${programmeId}
    AND ${appliesToRowsSql(
      { id: Prisma.sql`aip.id`, issuerId: Prisma.sql`aip.issuer_id` },
      { id: Prisma.sql`aiu.id`, path: Prisma.sql`aiu.path` },
    )})`;

/**
 * The same condition on a programme row and a unit row the query joins already (e.g. `g` and `w`: their
 * columns `g.id`, `g.issuer_id`, `w.id`, `w.path`): no lookup of either per pair, which counts when a
 * statement tries every programme on thousands of wards (the progress of a city's 3.321 wards).
 * "Lists no units" is `NOT IN` an uncorrelated list (programme_id is never null, so the same as
 * NOT EXISTS): PostgreSQL hashes it once per statement instead of probing it for every pair, which
 * was half the time of the home page's year standing at 3.321 wards (55 → 17 ms on a loaded machine).
 */
export const appliesToRowsSql = (
  programme: { id: Prisma.Sql; issuerId: Prisma.Sql } & Partial<ChildrenFlags>,
  unit: { id: Prisma.Sql; path: Prisma.Sql },
): Prisma.Sql => Prisma.sql`(
  (
    ${programme.above ? Prisma.sql`${programme.above} OR` : Prisma.empty}
    ${programme.issuerId} = ANY(${unit.path})
    OR EXISTS (
      SELECT 1 FROM org_unit_former_parent afp JOIN org_unit afu ON afu.id = afp.parent_id
      WHERE afp.org_unit_id = ANY(${unit.path}) AND ${programme.issuerId} = ANY(afu.path)
    )
    OR EXISTS (
      SELECT 1 FROM org_unit_succession aps JOIN org_unit apr ON apr.id = aps.predecessor_id
      WHERE aps.successor_id = ${unit.id} AND (
        ${programme.issuerId} = ANY(apr.path)
        OR EXISTS (
          SELECT 1 FROM org_unit_former_parent apf JOIN org_unit apa ON apa.id = apf.parent_id
          WHERE apf.org_unit_id = apr.id AND ${programme.issuerId} = ANY(apa.path)
        )
      )
    )
  )
  AND (
  ${
    programme.listed
      ? Prisma.sql`NOT ${programme.listed}`
      : Prisma.sql`${programme.id} NOT IN (SELECT apu.programme_id FROM programme_unit apu)`
  }
  OR EXISTS (
    SELECT 1 FROM programme_unit apu
    JOIN org_unit alu ON alu.id = apu.org_unit_id
    WHERE apu.programme_id = ${programme.id} AND (alu.id = ANY(${unit.path}) OR ${unit.id} = ANY(alu.path))
  )))`;

/** Columns `above` and `listed` of childrenFlagsSql, as the query names them (e.g. Prisma.sql`g.above`). */
type ChildrenFlags = { above: Prisma.Sql; listed: Prisma.Sql };

/**
 * Columns to select beside a programme row when appliesToRowsSql tests it on every child of one
 * unit: what does not depend on the child is computed once instead of once per child (3.321 wards of
 * a city). `above`: its issuer is the parent or above it, hence above every child; `listed`: it lists
 * the units it applies to (programme_unit).
 */
export const childrenFlagsSql = (programme: { id: Prisma.Sql; issuerId: Prisma.Sql }, parentId: number): Prisma.Sql =>
  Prisma.sql`EXISTS (SELECT 1 FROM org_unit apn WHERE apn.id = ${parentId} AND ${programme.issuerId} = ANY(apn.path)) AS above,
    EXISTS (SELECT 1 FROM programme_unit apu WHERE apu.programme_id = ${programme.id}) AS listed`;

/** `select` of a Programme query giving what `appliesFromRow` needs. */
export const appliesToSelect = {
  issuerId: true,
  appliesTo: { select: { orgUnit: { select: { id: true, path: true } } } },
} as const;

/** The rule on a row loaded with `appliesToSelect` (`unit` with its `formerAbove`, see `unitForRule`). */
export const appliesFromRow = (
  row: { issuerId: number; appliesTo: { orgUnit: UnitPath }[] },
  unit: UnitPath,
): boolean =>
  issuerApplies(row.issuerId, unit) &&
  programmeApplies(
    row.appliesTo.map((a) => a.orgUnit),
    unit,
  );

const formerParentsSelect = { formerParents: { select: { parent: { select: { path: true } } } } } as const;

/** `select` of an OrgUnit query giving what `unitForRule` needs. */
export const unitRuleSelect = {
  id: true,
  path: true,
  ...formerParentsSelect,
  // a unit formed by a merge or split keeps its former units' programmes for their years (a ward
  // merged in 2025 into a ward of the city reads the programmes of the abolished district)
  predecessors: { select: { predecessor: { select: { path: true, ...formerParentsSelect } } } },
} as const;

type FormerParents = { formerParents: { parent: { path: number[] } | null }[] };

/**
 * A unit loaded with `unitRuleSelect`, as the rule takes it: above it also its former parents and the
 * units above them, and its former units (predecessors) with theirs.
 */
export const unitForRule = (
  u: { id: number; path: number[] } & FormerParents & {
      predecessors?: { predecessor: { path: number[] } & FormerParents }[];
    },
): UnitPath => {
  const above = (x: FormerParents) => x.formerParents.flatMap((f) => f.parent?.path ?? []);
  return {
    id: u.id,
    path: u.path,
    formerAbove: [...above(u), ...(u.predecessors ?? []).flatMap(({ predecessor: p }) => [...p.path, ...above(p)])],
  };
};

/**
 * The unit with this slug as the rule takes it (what `unitRuleSelect` + `unitForRule` give: its path,
 * and above it its former parents' paths, its former units' paths and their former parents'), in one
 * statement instead of Prisma's seven nested reads; null for an unknown slug.
 */
export async function unitForRuleBySlug(slug: string): Promise<UnitPath | null> {
  // a named prepared statement (`rows`): every ward page sends it
  const found = await rows<{ id: number; path: number[]; formerAbove: number[] }>(Prisma.sql`
    SELECT u.id, u.path, ARRAY(
      SELECT x FROM org_unit_former_parent f JOIN org_unit fp ON fp.id = f.parent_id, unnest(fp.path) x
      WHERE f.org_unit_id = u.id
      UNION ALL
      SELECT x FROM org_unit_succession s JOIN org_unit p ON p.id = s.predecessor_id, unnest(p.path) x
      WHERE s.successor_id = u.id
      UNION ALL
      SELECT x FROM org_unit_succession s JOIN org_unit_former_parent f ON f.org_unit_id = s.predecessor_id
        JOIN org_unit fp ON fp.id = f.parent_id, unnest(fp.path) x
      WHERE s.successor_id = u.id
    ) AS "formerAbove"
    FROM org_unit u WHERE u.slug = ${slug}`);
  return found[0] ?? null;
}

/** A programme with the units it applies to, as kept in the process (the rule needs their paths). */
type CachedProgramme = ProgrammeInfo & { issuerId: number; appliesToUnits: UnitPath[] };

/**
 * The programmes of a term with their sections and indicators, in the programmes' own order; with
 * `unitSlug`, only those that apply to that unit (an unknown slug: none). The
 * term's programmes are kept in the process between requests while the catalogue's version stays the
 * same (catalogue-cache.ts); the unit's filter is applied to them.
 */
export async function getProgrammes(termId: number, opts: { unitSlug?: string } = {}): Promise<ProgrammeInfo[]> {
  const [all, unit] = await Promise.all([
    cachedCatalogue(`programmes:${termId}`, () => readProgrammes(termId)),
    opts.unitSlug === undefined ? null : unitForRuleBySlug(opts.unitSlug),
  ]);
  if (opts.unitSlug !== undefined && unit === null) return [];
  return all
    .filter((p) => unit === null || (issuerApplies(p.issuerId, unit) && programmeApplies(p.appliesToUnits, unit)))
    .map(({ appliesToUnits: _units, issuerId: _issuer, ...p }) => p);
}

async function readProgrammes(termId: number): Promise<CachedProgramme[]> {
  const rows = await db().programme.findMany({
    where: { termId },
    orderBy: [{ number: "asc" }, { code: "asc" }],
    select: {
      code: true,
      slug: true,
      number: true,
      title: true,
      summary: true,
      issuerId: true,
      issuer: { select: { slug: true, name: true } },
      appliesTo: {
        select: { orgUnit: { select: { id: true, path: true, slug: true } } },
        orderBy: { orgUnit: { slug: "asc" } },
      },
      sections: {
        orderBy: { sortOrder: "asc" },
        select: {
          code: true,
          name: true,
          indicators: {
            orderBy: { sortOrder: "asc" },
            select: {
              code: true,
              name: true,
              unit: true,
              valueType: true,
              aggregation: true,
              direction: true,
              collectionLevel: true,
              wardFromGroups: true,
              categories: true,
              headline: true,
              description: true,
              parent: { select: { code: true } },
            },
          },
        },
      },
    },
  });
  return rows.map(({ appliesTo, ...p }) => ({
    ...p,
    appliesTo: appliesTo.map((a) => a.orgUnit.slug),
    appliesToUnits: appliesTo.map((a) => ({ id: a.orgUnit.id, path: a.orgUnit.path })),
    sections: p.sections.map((s) => ({
      code: s.code,
      name: s.name,
      indicators: s.indicators.map(({ parent, categories, ...i }) => ({
        ...i,
        categories: (categories ?? {}) as Record<string, string>,
        parentCode: parent?.code ?? null,
      })),
    })),
  }));
}
