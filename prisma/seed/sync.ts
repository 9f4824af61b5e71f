import type { Prisma } from "../../lib/generated/prisma/client";

// Idempotent "make the database hold this row" used by the seed: create when missing, update only
// the fields that differ, and write one audit row per change in the same transaction. A second run
// over the same data finds nothing to change and writes nothing.

export type Tx = Prisma.TransactionClient;
export const SEED_ACTOR = "seed";

export type Counts = { created: number; updated: number; unchanged: number; deleted: number };
export const emptyCounts = (): Counts => ({ created: 0, updated: 0, unchanged: 0, deleted: 0 });

type Plain = string | number | boolean | null;

/** Normalises a stored value for comparison and for the audit log (Decimal, Date, JSON …). */
export function plain(v: unknown): Plain {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object" && v !== null && "toFixed" in v && "isZero" in v)
    return (v as { toString(): string }).toString();
  if (Array.isArray(v)) return JSON.stringify(v); // order matters (a rule's indicators)
  if (typeof v === "object") return JSON.stringify(sortKeys(v as Record<string, unknown>));
  return v as Plain;
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]]),
  );
}

/** Fields of `desired` whose value differs from `current`. */
export function changedFields(current: Record<string, unknown>, desired: Record<string, unknown>): string[] {
  return Object.keys(desired).filter((k) => plain(current[k]) !== plain(desired[k]));
}

export async function syncRow<Row extends { id: number | bigint }>(
  tx: Tx,
  entity: string,
  counts: Counts,
  ops: {
    find: () => Promise<Row | null>;
    create: () => Promise<Row>;
    update: (fields: string[]) => Promise<Row>;
  },
  desired: Record<string, unknown>,
): Promise<Row> {
  const current = await ops.find();
  if (!current) {
    const created = await ops.create();
    counts.created++;
    await tx.auditLog.create({
      data: {
        actor: SEED_ACTOR,
        action: "CREATE",
        entity,
        entityId: String(created.id),
        newValue: JSON.stringify(Object.fromEntries(Object.entries(desired).map(([k, v]) => [k, plain(v)]))),
      },
    });
    return created;
  }
  const fields = changedFields(current as Record<string, unknown>, desired);
  if (fields.length === 0) {
    counts.unchanged++;
    return current;
  }
  const updated = await ops.update(fields);
  counts.updated++;
  await tx.auditLog.createMany({
    data: fields.map((field) => ({
      actor: SEED_ACTOR,
      action: "UPDATE" as const,
      entity,
      entityId: String(current.id),
      field,
      oldValue: stringOrNull(plain((current as Record<string, unknown>)[field])),
      newValue: stringOrNull(plain(desired[field])),
    })),
  });
  return updated;
}

export const stringOrNull = (v: Plain): string | null => (v === null ? null : String(v));

export const day = (iso: string | null): Date | null => (iso ? new Date(`${iso}T00:00:00.000Z`) : null);
