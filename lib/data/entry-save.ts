import "server-only";
// Saving entry values: one transaction holds the submission row lock, checks every value's version,
// writes the values, their audit rows and the submission's new version — or writes nothing.
import { db } from "@/lib/db";
import { cellIdKey } from "@/lib/domain/cell-key";
import { fromScaled, toScaled } from "@/lib/domain/decimal";
import { isEditable } from "@/lib/domain/submission-workflow";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Qualifier, SubmissionStatus } from "@/lib/generated/prisma/enums";
import type { Failure } from "@/lib/result";

export type Actor = { userId: string; name: string };

/** Which ward, year (YEAR period) and programme the values belong to. */
export type EntryTarget = { wardId: number; periodId: number; programmeId: number };

export type EntryChange = {
  indicatorId: number;
  /** the ward itself or one of its residential groups */
  orgUnitId: number;
  /** canonical decimal string ("1691", "90.5"), or null to clear */
  value: string | null;
  qualifier: Qualifier;
  note: string | null;
  outlierConfirmed: boolean;
  /** the version the person started from; 0 when the value had never been entered */
  baseVersion: number;
};

export type StoredEntry = {
  value: string | null;
  qualifier: Qualifier;
  note: string | null;
  version: number;
  updatedById: string;
  updatedByName: string | null;
  updatedAt: string;
};

export type Conflict = { indicatorId: number; orgUnitId: number; mine: EntryChange; theirs: StoredEntry | null };

export type SaveOutcome =
  | {
      ok: true;
      changed: number;
      versions: { indicatorId: number; orgUnitId: number; version: number }[];
      submission: { id: number; status: SubmissionStatus; version: number };
    }
  | Failure<"locked", { status: SubmissionStatus }>
  | Failure<"conflict", { conflicts: Conflict[] }>;

/** The per-value key of the audit log: the same figure keeps one history across submissions. */
export const valueKey = (indicatorId: number, orgUnitId: number, periodId: number) =>
  `${indicatorId}:${orgUnitId}:${periodId}`;

/** A stored or typed decimal in one canonical spelling ("12.50" → "12.5"), so equal values compare equal. */
export const normal = (v: string | null) => (v === null ? null : fromScaled(toScaled(v)));

class ConflictError extends Error {
  constructor(readonly conflicts: Conflict[]) {
    super("conflict");
  }
}

/**
 * The submission of (ward, year, programme), created as a draft when missing, locked FOR UPDATE
 * until the transaction ends: saves and transitions of one submission take turns.
 */
export async function lockSubmission(
  tx: Prisma.TransactionClient,
  target: EntryTarget,
): Promise<{ id: number; status: SubmissionStatus; version: number }> {
  await tx.$executeRaw`
    INSERT INTO submission (org_unit_id, period_id, programme_id, updated_at)
    VALUES (${target.wardId}, ${target.periodId}, ${target.programmeId}, now())
    ON CONFLICT (org_unit_id, period_id, programme_id) DO NOTHING`;
  const rows = await tx.$queryRaw<{ id: number; status: SubmissionStatus; version: number }[]>`
    SELECT id, status, version FROM submission
    WHERE org_unit_id = ${target.wardId} AND period_id = ${target.periodId} AND programme_id = ${target.programmeId}
    FOR UPDATE`;
  return rows[0];
}

/**
 * Saves `changes` (already validated by the caller) from one person. All or nothing: a locked
 * submission or any value saved meanwhile by someone else (its version moved on) refuses the whole
 * save, and the conflicts list both values so the person can choose. Unchanged values are skipped.
 */
export async function saveEntryValues(actor: Actor, target: EntryTarget, changes: EntryChange[]): Promise<SaveOutcome> {
  try {
    return await db().$transaction(
      async (tx) => {
        const submission = await lockSubmission(tx, target);
        if (!isEditable(submission.status)) return { ok: false, code: "locked", status: submission.status } as const;

        const existing = await tx.entryValue.findMany({
          where: {
            submissionId: submission.id,
            OR: changes.map((c) => ({ indicatorId: c.indicatorId, orgUnitId: c.orgUnitId })),
          },
          select: {
            id: true,
            indicatorId: true,
            orgUnitId: true,
            value: true,
            qualifier: true,
            note: true,
            outlierConfirmed: true,
            version: true,
            updatedById: true,
            updatedAt: true,
          },
        });
        const byKey = new Map(existing.map((e) => [cellIdKey(e), e]));

        const conflicts: Conflict[] = [];
        for (const c of changes) {
          const cur = byKey.get(cellIdKey(c));
          if ((cur?.version ?? 0) !== c.baseVersion)
            conflicts.push({ indicatorId: c.indicatorId, orgUnitId: c.orgUnitId, mine: c, theirs: null });
        }
        if (conflicts.length > 0) {
          const names = await userNames(
            tx,
            existing.map((e) => e.updatedById),
          );
          for (const k of conflicts) {
            const cur = byKey.get(cellIdKey(k));
            k.theirs = cur ? stored(cur, names) : null;
          }
          throw new ConflictError(conflicts);
        }

        const versions: { indicatorId: number; orgUnitId: number; version: number }[] = [];
        const audit: Prisma.AuditLogCreateManyInput[] = [];
        // first values of a year come many at once: one INSERT for all of them
        const creates: Prisma.EntryValueCreateManyInput[] = [];
        for (const c of changes) {
          const cur = byKey.get(cellIdKey(c));
          const value = normal(c.value);
          const note = c.note?.trim() || null;
          const before = cur ? normal(cur.value?.toFixed() ?? null) : null;
          if (
            cur &&
            before === value &&
            cur.qualifier === c.qualifier &&
            cur.note === note &&
            cur.outlierConfirmed === c.outlierConfirmed
          ) {
            versions.push({ indicatorId: c.indicatorId, orgUnitId: c.orgUnitId, version: cur.version });
            continue;
          }
          if (!cur && value === null && !note) continue; // nothing typed into an empty cell
          const data = {
            value,
            qualifier: c.qualifier,
            note,
            outlierConfirmed: c.outlierConfirmed,
            updatedById: actor.userId,
          };
          let version: number;
          if (cur) {
            // the row lock above serialises saves; the version in the WHERE is the second guard
            const n = await tx.entryValue.updateMany({
              where: { id: cur.id, version: c.baseVersion },
              data: { ...data, version: { increment: 1 } },
            });
            if (n.count !== 1)
              throw new ConflictError([{ indicatorId: c.indicatorId, orgUnitId: c.orgUnitId, mine: c, theirs: null }]);
            version = c.baseVersion + 1;
          } else {
            creates.push({ ...data, submissionId: submission.id, indicatorId: c.indicatorId, orgUnitId: c.orgUnitId });
            version = 1;
          }
          versions.push({ indicatorId: c.indicatorId, orgUnitId: c.orgUnitId, version });
          audit.push({
            actor: actor.userId,
            action: cur ? "UPDATE" : "CREATE",
            entity: "entry_value",
            entityId: valueKey(c.indicatorId, c.orgUnitId, target.periodId),
            field: "value",
            oldValue: before,
            newValue: value,
            context: {
              actorName: actor.name,
              submissionId: submission.id,
              version,
              qualifier: c.qualifier,
              note,
              ...(cur && cur.note !== note ? { oldNote: cur.note } : {}),
              ...(cur && cur.qualifier !== c.qualifier ? { oldQualifier: cur.qualifier } : {}),
              ...(c.outlierConfirmed ? { outlierConfirmed: true } : {}),
            },
          });
        }
        if (creates.length > 0) await tx.entryValue.createMany({ data: creates });
        if (audit.length > 0) await tx.auditLog.createMany({ data: audit });
        const bumped = audit.length > 0 ? submission.version + 1 : submission.version;
        if (audit.length > 0) await tx.submission.update({ where: { id: submission.id }, data: { version: bumped } });
        return {
          ok: true,
          changed: audit.length,
          versions,
          submission: { id: submission.id, status: submission.status, version: bumped },
        } as const;
      },
      { maxWait: 10_000, timeout: 20_000 },
    );
  } catch (e) {
    if (e instanceof ConflictError) return { ok: false, code: "conflict", conflicts: e.conflicts };
    // two first saves of the same empty cell at once: the unique index lets one in
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      return {
        ok: false,
        code: "conflict",
        conflicts: changes
          .filter((c) => c.baseVersion === 0)
          .map((c) => ({ indicatorId: c.indicatorId, orgUnitId: c.orgUnitId, mine: c, theirs: null })),
      };
    }
    throw e;
  }
}

type Row = {
  value: { toFixed(): string } | null;
  qualifier: Qualifier;
  note: string | null;
  version: number;
  updatedById: string;
  updatedAt: Date;
};

function stored(r: Row, names: Map<string, string>): StoredEntry {
  return {
    value: r.value === null ? null : normal(r.value.toFixed()),
    qualifier: r.qualifier,
    note: r.note,
    version: r.version,
    updatedById: r.updatedById,
    updatedByName: names.get(r.updatedById) ?? null,
    updatedAt: r.updatedAt.toISOString(),
  };
}

async function userNames(tx: Prisma.TransactionClient, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const users = await tx.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}
