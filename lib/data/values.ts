import "server-only";
import { db, rows } from "@/lib/db";
import type { PeriodKind, Qualifier, SourceKind, ValueType } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { type ReadScope, scopePathSql } from "./scope";
import { type SourceColumns, decimalString, sourceColumnsSql, sourceOfRow } from "./serialize";
import { cachedUnitPage } from "./unit-page-cache";
import type { ValueInput } from "@/lib/domain/indicator-summary";

export type SourceInfo = { key: string; title: string; issuedOn: string | null; kind: SourceKind };

export type UnitValue = {
  indicator: { code: string; name: string; unit: string; valueType: ValueType; programmeCode: string };
  orgUnit: { slug: string; shortName: string };
  period: { kind: PeriodKind; year: number | null };
  value: string;
  qualifier: Qualifier;
  note: string | null;
  source: SourceInfo;
  isDemo: boolean;
  version: number;
  recordedAt: string;
};

/**
 * One row per result with the small catalogue rows it names, joined in SQL: one statement (Prisma's
 * nested selects sent six, with every id as a bind parameter, and stitched them in JavaScript).
 */
type Row = {
  /** NUMERIC as PostgreSQL writes it (no exponent) */
  value: string;
  qualifier: Qualifier;
  note: string | null;
  version: number;
  /** ISO 8601 in UTC, to the millisecond */
  recordedAt: string;
  unitSlug: string;
  unitShortName: string;
  periodKind: PeriodKind;
  year: number | null;
  sourceKey: string;
  sourceTitle: string;
  /** yyyy-mm-dd */
  sourceIssuedOn: string | null;
  sourceKind: SourceKind;
  code: string;
  name: string;
  unit: string;
  valueType: ValueType;
  programmeCode: string;
};

function toUnitValue(r: Row): UnitValue {
  return {
    indicator: { code: r.code, name: r.name, unit: r.unit, valueType: r.valueType, programmeCode: r.programmeCode },
    orgUnit: { slug: r.unitSlug, shortName: r.unitShortName },
    period: { kind: r.periodKind, year: r.year },
    value: decimalString(r.value),
    qualifier: r.qualifier,
    note: r.note,
    source: { key: r.sourceKey, title: r.sourceTitle, issuedOn: r.sourceIssuedOn, kind: r.sourceKind },
    isDemo: r.sourceKind === "DEMO",
    version: r.version,
    recordedAt: r.recordedAt,
  };
}

/**
 * The values matching `where` (conditions on r, o, p, i, pr), ordered by `orderBy`, scoped by the
 * reader: sent by the pg driver (`rows`, a prepared statement), dates written as text by PostgreSQL.
 */
async function valueRows(where: Prisma.Sql, scope: ReadScope, orderBy: Prisma.Sql): Promise<UnitValue[]> {
  const found = await rows<Row>(Prisma.sql`
    SELECT r.value::text AS value, r.qualifier::text AS qualifier, r.note, r.version,
           to_char(r.recorded_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt",
           o.slug AS "unitSlug", o.short_name AS "unitShortName", p.kind::text AS "periodKind", p.year,
           s.key AS "sourceKey", s.title AS "sourceTitle", s.issued_on::text AS "sourceIssuedOn", s.kind::text AS "sourceKind",
           i.code, i.name, i.unit, i.value_type::text AS "valueType", pr.code AS "programmeCode"
      FROM result r
      JOIN org_unit o ON o.id = r.org_unit_id
      JOIN period p ON p.id = r.period_id
      JOIN source s ON s.id = r.source_id
      JOIN indicator i ON i.id = r.indicator_id
      JOIN programme pr ON pr.id = i.programme_id
     WHERE ${where} AND ${scopePathSql(scope, Prisma.sql`o.path`)}
     ORDER BY ${orderBy}, r.id`);
  return found.map(toUnitValue);
}

/** Every value of one org unit in a term, or of one programme of it (one query); none outside `scope`. */
export async function getUnitValues({
  orgUnitSlug,
  termId,
  scope,
  programmeSlug,
}: {
  orgUnitSlug: string;
  termId: number;
  scope: ReadScope;
  programmeSlug?: string;
}): Promise<UnitValue[]> {
  return valueRows(
    Prisma.sql`o.slug = ${orgUnitSlug} AND p.term_id = ${termId}${programmeSlug ? Prisma.sql` AND pr.slug = ${programmeSlug}` : Prisma.empty}`,
    scope,
    Prisma.sql`pr.number, i.section_id, i.sort_order, p.kind, p.year`,
  );
}

/** A residential group's value as the ward overview sums it up (`summariseGroups`): no more columns. */
export type GroupValue = ValueInput & { code: string; groupName: string; isDemo: boolean };

/**
 * Values of the units (residential groups) under a ward in a term, those in `scope` (one query), with
 * only what the overview's summary of them reads: hundreds of rows, each converted in JavaScript.
 */
export async function getChildUnitValues(parentSlug: string, termId: number, scope: ReadScope): Promise<GroupValue[]> {
  const found = await db().$queryRaw<
    (SourceColumns & {
      code: string;
      groupName: string;
      kind: PeriodKind;
      year: number | null;
      value: { toFixed(): string };
      qualifier: Qualifier;
      note: string | null;
    })[]
  >`
    SELECT i.code, o.short_name AS "groupName", p.kind::text AS kind, p.year, r.value, r.qualifier::text AS qualifier,
           r.note, ${sourceColumnsSql("s")}
      FROM org_unit o
      -- each group's results through result's unit index (OFFSET 0 keeps it a per-group lookup): joined
      -- flat, the planner guessed the parent's children from statistics and, at 1.000 wards, scanned every
      -- result in parallel (162 ms against 3 ms, EXPLAIN ANALYZE on bench:scale's data)
      CROSS JOIN LATERAL (SELECT r.* FROM result r WHERE r.org_unit_id = o.id OFFSET 0) r
      JOIN period p ON p.id = r.period_id
      JOIN source s ON s.id = r.source_id
      JOIN indicator i ON i.id = r.indicator_id
      JOIN programme pr ON pr.id = i.programme_id
     WHERE o.parent_id = (SELECT pu.id FROM org_unit pu WHERE pu.slug = ${parentSlug}) AND p.term_id = ${termId}
       AND ${scopePathSql(scope, Prisma.sql`o.path`)}
     ORDER BY o.sort_order, p.kind, p.year, pr.number, i.section_id, i.sort_order, r.id`;
  return found.map((r) => ({
    code: r.code,
    groupName: r.groupName,
    period: { kind: r.kind, year: r.year },
    value: decimalString(r.value),
    qualifier: r.qualifier,
    note: r.note,
    source: sourceOfRow(r),
    isDemo: r.sourceKind === "DEMO",
  }));
}

/**
 * `getUnitValues` as the JSON API sends them — each `UnitValue` without its `orgUnit`, same fields,
 * order and formats — written by PostgreSQL as the text of one JSON array: the route sends it as it
 * is, instead of parsing some 300 rows of 18 columns into objects and serialising them again
 * (tests/integration/request-overhead.test.ts holds the two to the same values).
 */
export async function getUnitValuesJson({
  orgUnitSlug,
  termId,
  scope,
}: {
  orgUnitSlug: string;
  termId: number;
  scope: ReadScope;
}): Promise<string> {
  const kept = await cachedUnitPage("values", orgUnitSlug, `${termId}`, scope, (all) =>
    readUnitValuesJson(orgUnitSlug, termId, all),
  );
  return kept ?? "[]";
}

/** `getUnitValuesJson` read now (kept per unit and term by `cachedUnitPage`). */
async function readUnitValuesJson(orgUnitSlug: string, termId: number, scope: ReadScope): Promise<string> {
  const [row] = await rows<{ data: string }>(Prisma.sql`
    SELECT '[' || coalesce(string_agg(w.j, ',' ORDER BY w.number, w.section_id, w.sort_order, w.kind, w.year, w.id), '')
           || ']' AS data
      FROM (
        SELECT pr.number, i.section_id, i.sort_order, p.kind, p.year, r.id,
               (SELECT row_to_json(v)::text FROM (SELECT
                  (SELECT row_to_json(x) FROM (SELECT i.code, i.name, i.unit, i.value_type AS "valueType",
                                                      pr.code AS "programmeCode") x) AS indicator,
                  (SELECT row_to_json(x) FROM (SELECT p.kind, p.year) x) AS period,
                  trim_scale(r.value)::text AS value, r.qualifier, r.note,
                  (SELECT row_to_json(x) FROM (SELECT s.key, s.title, s.issued_on AS "issuedOn", s.kind) x) AS source,
                  s.kind = 'DEMO' AS "isDemo", r.version,
                  to_char(r.recorded_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt") v) AS j
          FROM result r
          JOIN org_unit o ON o.id = r.org_unit_id
          JOIN period p ON p.id = r.period_id
          JOIN source s ON s.id = r.source_id
          JOIN indicator i ON i.id = r.indicator_id
          JOIN programme pr ON pr.id = i.programme_id
         WHERE o.slug = ${orgUnitSlug} AND p.term_id = ${termId} AND ${scopePathSql(scope, Prisma.sql`o.path`)}
      ) w`);
  return row.data;
}
