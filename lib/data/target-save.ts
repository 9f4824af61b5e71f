import "server-only";
// Targets (chỉ tiêu) set in the app: the grid's and the imported file's writer (one transaction, all or
// nothing, each cell checked against the version the screen or the preview saw, audited field by field)
// and the grid's loader. Dashboards read targets through targets.ts only.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { TargetCell } from "@/lib/domain/target-cell";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Comparison, Direction, Qualifier, ValueType } from "@/lib/generated/prisma/enums";
import type { Failure } from "@/lib/result";
import type { AuditValue } from "@/lib/domain/audit-diff";
import { type Actor, audit } from "./record-write";
import { decimalString, isoDay } from "./serialize";

export type TargetGridIndicator = {
  id: number;
  code: string;
  name: string;
  unit: string;
  valueType: ValueType;
  direction: Direction;
  isSubRow: boolean;
};
export type StoredTarget = TargetCell & {
  version: number;
  source: { title: string; issuedOn: string | null; isDemo: boolean };
};
export type TargetGrid = {
  term: { id: number; slug: string; name: string; startYear: number; endYear: number };
  programme: { id: number; slug: string; code: string; title: string; issuer: string };
  /** YEAR period ids by year, and the TERM period */
  periods: { year: number | null; id: number }[];
  indicators: TargetGridIndicator[];
  /** the wards a programme's targets may be overridden for: those under its issuer */
  wards: { id: number; slug: string; shortName: string }[];
  /** `${indicatorId}|${periodId}|${orgUnitId ?? ""}` → the stored target */
  targets: Record<string, StoredTarget>;
};

export const targetKey = (indicatorId: number, periodId: number, orgUnitId: number | null) =>
  `${indicatorId}|${periodId}|${orgUnitId ?? ""}`;

/** A programme of a term issued by one of `issuerIds`, with everything its targets' grid shows. */
export async function getTargetGrid({
  termSlug,
  programmeSlug,
  issuerIds,
}: {
  termSlug: string;
  programmeSlug: string;
  issuerIds: readonly number[];
}): Promise<TargetGrid | null> {
  const p = await db().programme.findFirst({
    where: { term: { slug: termSlug }, slug: programmeSlug, issuerId: { in: [...issuerIds] } },
    select: {
      id: true,
      slug: true,
      code: true,
      title: true,
      issuerId: true,
      issuer: { select: { slug: true } },
      term: {
        select: {
          id: true,
          slug: true,
          name: true,
          startYear: true,
          endYear: true,
          periods: { select: { id: true, year: true, kind: true } },
        },
      },
      sections: {
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        select: {
          indicators: {
            orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
            select: {
              id: true,
              code: true,
              name: true,
              unit: true,
              valueType: true,
              direction: true,
              parentId: true,
            },
          },
        },
      },
    },
  });
  if (!p) return null;
  const indicators = p.sections.flatMap((s) =>
    s.indicators
      .filter((i) => i.parentId === null || !s.indicators.some((x) => x.id === i.parentId))
      .flatMap((i) => [i, ...s.indicators.filter((c) => c.parentId === i.id)])
      .map(({ parentId, ...i }) => ({ ...i, isSubRow: parentId !== null })),
  );
  const ids = indicators.map((i) => i.id);
  const [wards, rows] = await Promise.all([
    db().$queryRaw<{ id: number; slug: string; shortName: string }[]>`
      WITH RECURSIVE down(id) AS (
        SELECT ${p.issuerId}::int
        UNION SELECT u.id FROM org_unit u JOIN down ON u.parent_id = down.id
      )
      SELECT u.id, u.slug, u.short_name AS "shortName" FROM org_unit u JOIN down ON down.id = u.id
       WHERE u.level = 'WARD' AND u.valid_from <= make_date(${p.term.endYear}::int, 12, 31)
         AND (u.valid_to IS NULL OR u.valid_to >= make_date(${p.term.startYear}::int, 1, 1))
       ORDER BY u.sort_order, u.short_name`,
    db().target.findMany({
      where: { indicatorId: { in: ids }, period: { termId: p.term.id } },
      select: {
        indicatorId: true,
        periodId: true,
        orgUnitId: true,
        comparison: true,
        value: true,
        qualifier: true,
        version: true,
        source: { select: { title: true, issuedOn: true, kind: true } },
      },
    }),
  ]);
  const targets: Record<string, StoredTarget> = {};
  for (const r of rows)
    targets[targetKey(r.indicatorId, r.periodId, r.orgUnitId)] = {
      comparison: r.comparison,
      value: decimalString(r.value),
      qualifier: r.qualifier,
      version: r.version,
      source: { title: r.source.title, issuedOn: isoDay(r.source.issuedOn), isDemo: r.source.kind === "DEMO" },
    };
  const { periods, ...term } = p.term;
  return {
    term,
    programme: { id: p.id, slug: p.slug, code: p.code, title: p.title, issuer: p.issuer.slug },
    periods: periods
      .map((x) => ({ id: x.id, year: x.kind === "TERM" ? null : x.year }))
      .sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999)),
    indicators,
    wards,
    targets,
  };
}

/** One cell to write: `target` null clears it; `baseVersion` is the version seen (0: none was set). */
export type TargetChange = {
  indicatorId: number;
  periodId: number;
  orgUnitId: number | null;
  target: TargetCell | null;
  baseVersion: number;
  /** how the person names the cell (for the conflict message and the audit context) */
  label: string;
};

export type SaveTargetsOutcome =
  | { ok: true; created: number; updated: number; deleted: number; unchanged: number }
  | Failure<"conflict", { cells: string[] }>;

class Stale extends Error {
  constructor(readonly cells: string[]) {
    super("conflict");
  }
}

/** The document that set targets: one REPORT source per title and date, created on first use. */
async function targetSource(
  tx: Prisma.TransactionClient,
  actor: Actor,
  doc: { title: string; issuedOn: string | null },
): Promise<number> {
  const key = `target:${createHash("sha256")
    .update(`${doc.title}\n${doc.issuedOn ?? ""}`)
    .digest("hex")
    .slice(0, 24)}`;
  const inserted = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO source (key, kind, title, issued_on)
    VALUES (${key}, 'REPORT'::source_kind, ${doc.title}, ${doc.issuedOn}::date)
    ON CONFLICT (key) DO NOTHING RETURNING id`;
  if (inserted.length > 0) {
    await audit({
      tx,
      actor,
      action: "CREATE",
      entity: "source",
      entityId: inserted[0].id,
      before: {},
      after: { key, title: doc.title, issuedOn: doc.issuedOn },
      context: {},
    });
    return inserted[0].id;
  }
  return (await tx.source.findUniqueOrThrow({ where: { key }, select: { id: true } })).id;
}

const auditOf = (
  t: { comparison: Comparison; value: string; qualifier: Qualifier } | null,
  sourceId: number | null,
): Record<string, AuditValue> =>
  t ? { comparison: t.comparison, value: t.value, qualifier: t.qualifier, sourceId } : {};

/**
 * Writes the changed cells in one transaction: each cell must still be at the version the person saw,
 * else nothing is written and the stale cells are named. A cell equal to what is stored (same value,
 * comparison and qualifier) is left alone, with its own source: the form sends every cell, and only
 * those the person changed take the document named now.
 */
export async function saveTargets({
  actor,
  changes,
  document,
}: {
  actor: Actor;
  changes: TargetChange[];
  document: { title: string; issuedOn: string | null };
}): Promise<SaveTargetsOutcome> {
  try {
    return await db().$transaction(async (tx) => {
      const sourceId = await targetSource(tx, actor, document);
      const counts = { created: 0, updated: 0, deleted: 0, unchanged: 0 };
      const stale: string[] = [];
      for (const c of changes) {
        const [cur] = await tx.$queryRaw<
          {
            id: number;
            comparison: Comparison;
            value: Prisma.Decimal;
            qualifier: Qualifier;
            version: number;
            source_id: number;
          }[]
        >`SELECT id, comparison, value, qualifier, version, source_id FROM target
           WHERE indicator_id = ${c.indicatorId} AND period_id = ${c.periodId}
             AND org_unit_id IS NOT DISTINCT FROM ${c.orgUnitId}::int FOR UPDATE`;
        const before = cur
          ? { comparison: cur.comparison, value: decimalString(cur.value), qualifier: cur.qualifier }
          : null;
        const same =
          (before === null && c.target === null) ||
          (before !== null &&
            c.target !== null &&
            before.comparison === c.target.comparison &&
            before.value === c.target.value &&
            before.qualifier === c.target.qualifier);
        if (same) {
          counts.unchanged++;
          continue;
        }
        if ((cur?.version ?? 0) !== c.baseVersion) {
          stale.push(c.label);
          continue;
        }
        const context = { cell: c.label, indicatorId: c.indicatorId, periodId: c.periodId, orgUnitId: c.orgUnitId };
        if (!cur) {
          const created = await tx.target.create({
            data: {
              indicatorId: c.indicatorId,
              periodId: c.periodId,
              orgUnitId: c.orgUnitId,
              ...c.target!,
              sourceId,
            },
            select: { id: true },
          });
          await audit({
            tx,
            actor,
            action: "CREATE",
            entity: "target",
            entityId: created.id,
            before: {},
            after: auditOf(c.target, sourceId),
            context,
          });
          counts.created++;
        } else if (c.target === null) {
          await tx.target.delete({ where: { id: cur.id } });
          await audit({
            tx,
            actor,
            action: "DELETE",
            entity: "target",
            entityId: cur.id,
            before: auditOf(before, cur.source_id),
            after: {},
            context,
          });
          counts.deleted++;
        } else {
          await tx.target.update({
            where: { id: cur.id },
            data: { ...c.target, sourceId, version: { increment: 1 } },
          });
          await audit({
            tx,
            actor,
            action: "UPDATE",
            entity: "target",
            entityId: cur.id,
            before: auditOf(before, cur.source_id),
            after: auditOf(c.target, sourceId),
            context: { ...context, version: cur.version + 1 },
          });
          counts.updated++;
        }
      }
      if (stale.length > 0) throw new Stale(stale);
      return { ok: true, ...counts } as const;
    });
  } catch (e) {
    if (e instanceof Stale) return { ok: false, code: "conflict", cells: e.cells };
    // two first targets of the same cell at once: the unique index lets one in
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
      return { ok: false, code: "conflict", cells: [] };
    throw e;
  }
}
