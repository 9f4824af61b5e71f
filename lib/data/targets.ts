import "server-only";
import { db, rows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Comparison, Qualifier, SourceKind } from "@/lib/generated/prisma/enums";
import { appliesToSql } from "./programmes";
import { type ReadScope, scopePathSql, scopeSql } from "./scope";
import { decimalString, isoDay } from "./serialize";

export type TargetInfo = { comparison: Comparison; value: string; isDemo: boolean; source: string };
/** Targets of one indicator: for the whole term and per year. */
export type IndicatorTargets = { term: TargetInfo | null; years: Record<number, TargetInfo> };

/**
 * Targets of the given indicators in a term, as they apply to one org unit: a target set for the
 * unit itself (read only inside `scope`) wins over the one set for every unit. One query.
 */
export async function getTargets({
  termId,
  indicatorCodes,
  orgUnitSlug,
  scope,
}: {
  termId: number;
  indicatorCodes: string[];
  orgUnitSlug: string;
  scope: ReadScope;
}): Promise<Map<string, IndicatorTargets>> {
  if (indicatorCodes.length === 0) return new Map();
  // one statement, the catalogue rows joined (unit-specific targets last, so that they overwrite the
  // defaults below); a named prepared statement (`rows`): most pages read it, and Prisma's own work
  // per statement cost more than the read
  const found = await rows<{
    comparison: Comparison;
    value: string;
    code: string;
    kind: "YEAR" | "TERM";
    year: number | null;
    sourceKind: SourceKind;
    sourceTitle: string;
  }>(Prisma.sql`
    SELECT t.comparison::text AS comparison, t.value, i.code, p.kind::text AS kind, p.year,
           s.kind::text AS "sourceKind", s.title AS "sourceTitle"
      FROM target t
      JOIN indicator i ON i.id = t.indicator_id
      JOIN period p ON p.id = t.period_id
      JOIN source s ON s.id = t.source_id
      LEFT JOIN org_unit o ON o.id = t.org_unit_id
     WHERE i.code = ANY(${indicatorCodes}::text[]) AND p.term_id = ${termId}
       AND (t.org_unit_id IS NULL OR (o.slug = ${orgUnitSlug} AND ${scopePathSql(scope, Prisma.sql`o.path`)}))
     ORDER BY t.org_unit_id ASC NULLS FIRST, t.id`);
  const out = new Map<string, IndicatorTargets>();
  for (const r of found) {
    const entry = out.get(r.code) ?? { term: null, years: {} };
    const info: TargetInfo = {
      comparison: r.comparison,
      value: decimalString(r.value),
      isDemo: r.sourceKind === "DEMO",
      source: r.sourceTitle,
    };
    if (r.kind === "TERM") entry.term = info;
    else if (r.year !== null) entry.years[r.year] = info;
    out.set(r.code, entry);
  }
  return out;
}

export type UnitTarget = {
  programme: string;
  indicator: string;
  name: string;
  unit: string;
  /** a year, or "term" for the whole term */
  period: number | "term";
  comparison: Comparison;
  value: string;
  qualifier: Qualifier;
  /** "unit": set for this unit (an override); "default": the target for every unit, inherited */
  appliesAs: "unit" | "default";
  source: { title: string; issuedOn: string | null; kind: SourceKind };
};

/**
 * The targets that apply to one unit in a term, for the programmes issued by the unit or a unit above
 * it: its own target where one is set, else the default for every unit — each saying which. One query;
 * the unit's own rows are read only inside `scope`.
 */
export async function getUnitTargetList({
  orgUnitSlug,
  termId,
  scope,
}: {
  orgUnitSlug: string;
  termId: number;
  scope: ReadScope;
}): Promise<UnitTarget[]> {
  const rows = await db().$queryRaw<
    {
      programme: string;
      indicator: string;
      name: string;
      unit: string;
      year: number | null;
      comparison: Comparison;
      value: Prisma.Decimal;
      qualifier: Qualifier;
      own: boolean;
      title: string;
      issued_on: Date | null;
      kind: SourceKind;
    }[]
  >`
    WITH RECURSIVE me AS (
      SELECT id FROM org_unit WHERE slug = ${orgUnitSlug} AND ${scopeSql(scope, Prisma.sql`id`)}
    ), up(id, parent_id) AS (
      SELECT u.id, u.parent_id FROM org_unit u JOIN me ON me.id = u.id
      UNION ALL SELECT u.id, u.parent_id FROM org_unit u JOIN up ON u.id = up.parent_id
    )
    SELECT DISTINCT ON (t.indicator_id, t.period_id)
           p.code AS programme, i.code AS indicator, i.name, i.unit, pe.year, t.comparison, t.value, t.qualifier,
           t.org_unit_id IS NOT NULL AS own, s.title, s.issued_on, s.kind
      FROM target t
      JOIN indicator i ON i.id = t.indicator_id
      JOIN programme p ON p.id = i.programme_id AND p.term_id = ${termId} AND p.issuer_id IN (SELECT id FROM up)
       AND ${appliesToSql(Prisma.sql`p.id`, Prisma.sql`(SELECT id FROM me)`)}
      JOIN period pe ON pe.id = t.period_id
      JOIN source s ON s.id = t.source_id
     WHERE t.org_unit_id IS NULL OR t.org_unit_id = (SELECT id FROM me)
     ORDER BY t.indicator_id, t.period_id, (t.org_unit_id IS NULL), p.number, i.sort_order`;
  return rows
    .map((r) => ({
      programme: r.programme,
      indicator: r.indicator,
      name: r.name,
      unit: r.unit,
      period: r.year ?? ("term" as const),
      comparison: r.comparison,
      value: decimalString(r.value),
      qualifier: r.qualifier,
      appliesAs: r.own ? ("unit" as const) : ("default" as const),
      source: { title: r.title, issuedOn: isoDay(r.issued_on), kind: r.kind },
    }))
    .sort(
      (a, b) =>
        a.programme.localeCompare(b.programme) ||
        a.indicator.localeCompare(b.indicator) ||
        (a.period === "term" ? 9999 : a.period) - (b.period === "term" ? 9999 : b.period),
    );
}
