import { Prisma } from "../../lib/generated/prisma/client";
import type { Qualifier } from "../../lib/generated/prisma/enums";
import { emptyCounts, SEED_ACTOR, type Counts, type Tx } from "./sync";

export type ResultSeed = {
  indicatorId: number;
  orgUnitId: number;
  periodId: number;
  value: string;
  qualifier: Qualifier;
  note: string | null;
  sourceId: number;
};

const BATCH = 1000;
const keyOf = (r: { indicatorId: number; orgUnitId: number; periodId: number }) =>
  `${r.indicatorId}|${r.orgUnitId}|${r.periodId}`;

/**
 * Makes the database hold the seeded figures, in batches (thousands of demo values would take
 * thousands of round trips one by one). Rows of another source (entered by people) are left alone;
 * rows of a seeded source that differ are updated with their version incremented; every change is
 * audited. With `removeOtherSeededDemo`, demo rows are removed (the switch to reported data only).
 */
export async function syncResults(
  tx: Tx,
  desired: ResultSeed[],
  opts: { removeOtherSeededDemo: boolean },
): Promise<Counts> {
  const counts = emptyCounts();
  const seededSources = new Set(desired.map((d) => d.sourceId));
  const existing = await tx.result.findMany({
    where: { orgUnitId: { in: [...new Set(desired.map((d) => d.orgUnitId))] } },
    select: {
      id: true,
      indicatorId: true,
      orgUnitId: true,
      periodId: true,
      value: true,
      qualifier: true,
      note: true,
      sourceId: true,
    },
  });
  const byKey = new Map(existing.map((e) => [keyOf(e), e]));

  const toCreate: ResultSeed[] = [];
  for (const d of desired) {
    const cur = byKey.get(keyOf(d));
    if (!cur) {
      toCreate.push(d);
      continue;
    }
    if (!seededSources.has(cur.sourceId)) {
      counts.unchanged++; // a person's figure: the seed never overwrites it
      continue;
    }
    const changes: Array<[string, string | null, string | null]> = [];
    if (!cur.value.equals(new Prisma.Decimal(d.value))) changes.push(["value", cur.value.toString(), d.value]);
    if (cur.qualifier !== d.qualifier) changes.push(["qualifier", cur.qualifier, d.qualifier]);
    if (cur.note !== d.note) changes.push(["note", cur.note, d.note]);
    if (cur.sourceId !== d.sourceId) changes.push(["sourceId", String(cur.sourceId), String(d.sourceId)]);
    if (changes.length === 0) {
      counts.unchanged++;
      continue;
    }
    await tx.result.update({
      where: { id: cur.id },
      data: {
        value: d.value,
        qualifier: d.qualifier,
        note: d.note,
        sourceId: d.sourceId,
        recordedBy: SEED_ACTOR,
        recordedAt: new Date(),
        version: { increment: 1 },
      },
    });
    await tx.auditLog.createMany({
      data: changes.map(([field, oldValue, newValue]) => ({
        actor: SEED_ACTOR,
        action: "UPDATE" as const,
        entity: "result",
        entityId: String(cur.id),
        field,
        oldValue,
        newValue,
      })),
    });
    counts.updated++;
  }

  for (let i = 0; i < toCreate.length; i += BATCH) {
    const created = await tx.result.createManyAndReturn({
      data: toCreate.slice(i, i + BATCH).map((d) => ({ ...d, recordedBy: SEED_ACTOR })),
      select: { id: true, value: true, qualifier: true },
    });
    await tx.auditLog.createMany({
      data: created.map((r) => ({
        actor: SEED_ACTOR,
        action: "CREATE" as const,
        entity: "result",
        entityId: String(r.id),
        field: "value",
        newValue: r.qualifier === "MORE_THAN" ? `> ${r.value.toString()}` : r.value.toString(),
      })),
    });
    counts.created += created.length;
  }

  if (opts.removeOtherSeededDemo) {
    const demoRows = await tx.result.findMany({
      where: { source: { kind: "DEMO" } },
      select: { id: true, value: true },
    });
    for (let i = 0; i < demoRows.length; i += BATCH) {
      const batch = demoRows.slice(i, i + BATCH);
      await tx.result.deleteMany({ where: { id: { in: batch.map((r) => r.id) } } });
      await tx.auditLog.createMany({
        data: batch.map((r) => ({
          actor: SEED_ACTOR,
          action: "DELETE" as const,
          entity: "result",
          entityId: String(r.id),
          field: "value",
          oldValue: r.value.toString(),
        })),
      });
    }
    counts.deleted = demoRows.length;
  }
  return counts;
}
