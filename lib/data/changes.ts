import "server-only";
// What a reviewer needs to look at: the rows of a submission whose entered value differs from the
// published figure (or only by "trên") (what the last approval, or the report, put in `result`), each beside the published
// figure and last year's, largest relative change first. One query, compared in SQL.
import { db } from "@/lib/db";
import type { Qualifier, ValueType } from "@/lib/generated/prisma/enums";
import type { EntryTarget } from "./entry-save";
import { type ReadScope, scopeWhere } from "./scope";

export type ChangedRow = {
  indicator: { code: string; name: string; unit: string; valueType: ValueType };
  unit: { slug: string; name: string; level: string };
  /** the entered value (exact decimal), null: cleared */
  value: string | null;
  /** "MORE_THAN": the ward wrote "trên" before it */
  qualifier: Qualifier;
  /** the published figure of the year, null: none */
  published: string | null;
  publishedQualifier: Qualifier | null;
  /** the published figure of the year before, null: none */
  lastYear: string | null;
  /** |value − published| / |published|; null when there is nothing to divide by (new, cleared, or 0) */
  relativeChange: number | null;
};

/** Rows changed against the published figures; [] for a ward outside `scope` or no submission. */
export async function getChangedRows(target: EntryTarget, scope: ReadScope): Promise<ChangedRow[]> {
  const readable = await db().orgUnit.count({ where: { id: target.wardId, ...scopeWhere(scope) } });
  if (readable === 0) return [];
  const rows = await db().$queryRaw<
    {
      code: string;
      name: string;
      unitLabel: string;
      valueType: ValueType;
      slug: string;
      unitName: string;
      level: string;
      value: string | null;
      qualifier: Qualifier;
      published: string | null;
      publishedQualifier: Qualifier | null;
      lastYear: string | null;
      relative: number | null;
    }[]
  >`
    SELECT i.code, i.name, i.unit AS "unitLabel", i.value_type::text AS "valueType",
           u.slug, u.name AS "unitName", u.level::text AS level,
           ev.value::text AS value, ev.qualifier::text AS qualifier,
           pub.value::text AS published, pub.qualifier::text AS "publishedQualifier", prev.value::text AS "lastYear",
           CASE WHEN ev.value IS NULL OR pub.value IS NULL OR pub.value = 0 THEN NULL
                ELSE (abs(ev.value - pub.value) / abs(pub.value))::float8 END AS relative
    FROM submission s
    JOIN period p ON p.id = s.period_id
    JOIN entry_value ev ON ev.submission_id = s.id
    JOIN indicator i ON i.id = ev.indicator_id
    JOIN org_unit u ON u.id = ev.org_unit_id
    LEFT JOIN result pub ON pub.indicator_id = ev.indicator_id AND pub.org_unit_id = ev.org_unit_id
                        AND pub.period_id = s.period_id
    LEFT JOIN LATERAL (
      SELECT r.value FROM period pp
      JOIN result r ON r.period_id = pp.id AND r.indicator_id = ev.indicator_id AND r.org_unit_id = ev.org_unit_id
      WHERE pp.kind = 'YEAR' AND pp.year = p.year - 1
      LIMIT 1
    ) prev ON true
    WHERE s.org_unit_id = ${target.wardId} AND s.period_id = ${target.periodId}
      AND s.programme_id = ${target.programmeId}
      -- a changed figure, or the same figure with "trên" added or dropped
      AND (ev.value IS DISTINCT FROM pub.value
           OR (ev.value IS NOT NULL AND pub.value IS NOT NULL AND ev.qualifier IS DISTINCT FROM pub.qualifier))
    ORDER BY (CASE WHEN ev.value IS NULL OR pub.value IS NULL OR pub.value = 0 THEN 1 ELSE 0 END) DESC,
             relative DESC NULLS LAST, u.sort_order, i.id`;
  return rows.map((r) => ({
    indicator: { code: r.code, name: r.name, unit: r.unitLabel, valueType: r.valueType },
    unit: { slug: r.slug, name: r.unitName, level: r.level },
    value: r.value === null ? null : trimDecimal(r.value),
    qualifier: r.qualifier,
    published: r.published === null ? null : trimDecimal(r.published),
    publishedQualifier: r.publishedQualifier,
    lastYear: r.lastYear === null ? null : trimDecimal(r.lastYear),
    relativeChange: r.relative,
  }));
}

/** "12.0000" → "12", "90.5000" → "90.5" (NUMERIC(24,4) as text). */
const trimDecimal = (s: string) => (s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s);
