import "server-only";
// What the writes of named records (land-clearance projects, their progress, achievements) share:
// the ward's ENTRY source, the outcome shape, the audit rows.
import { type AuditValue, diffFields } from "@/lib/domain/audit-diff";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isEditable } from "@/lib/domain/submission-workflow";
import type { AuditAction, SourceKind, SubmissionStatus } from "@/lib/generated/prisma/enums";
import type { Failure } from "@/lib/result";
import { type Actor, lockSubmission } from "./entry-save";

export type Tx = Prisma.TransactionClient;
export type { Actor };

/** A record as the person saw it when the write was refused, for the conflict screen. */
export type SavedRecord = { version: number; updatedAt: string | null; values: Record<string, AuditValue> };

export type WriteOutcome =
  | { ok: true; id: number; version: number; changed: number }
  | Failure<"not-found">
  /** a record of a report or of the demonstration: kept as its source gives it */
  | Failure<"locked", { source: { kind: SourceKind; title: string } }>
  /** a record reviewed with a sent or approved submission */
  | Failure<"locked", { submission: { status: SubmissionStatus; year: number | null } }>
  | Failure<"conflict", { saved: SavedRecord | null }>
  | Failure<"invalid", { fieldErrors: Record<string, string[]> }>;

/** Refusals inside a transaction roll it back and come out as the outcome. */
export class Refusal extends Error {
  constructor(readonly outcome: Exclude<WriteOutcome, { ok: true }>) {
    super(outcome.code);
  }
}

/** Key and title of the source of the figures a ward enters itself (shared with the approval of yearly figures). */
export const entrySourceKey = (wardSlug: string) => `entry:${wardSlug}`;
export const entrySourceTitle = (wardShortName: string) =>
  `Số liệu do phường ${wardShortName} nhập, Đảng ủy phường duyệt`;

/** The ward's ENTRY source, created on first use (concurrent first uses agree through the unique key). */
export async function ensureEntrySource(
  tx: Tx,
  actor: Actor,
  ward: { slug: string; shortName: string; name?: string },
): Promise<number> {
  const key = entrySourceKey(ward.slug);
  const inserted = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO source (key, kind, title, publisher)
    VALUES (${key}, 'ENTRY'::source_kind, ${entrySourceTitle(ward.shortName)}, ${ward.name ?? null})
    ON CONFLICT (key) DO NOTHING
    RETURNING id`;
  if (inserted.length > 0) {
    await tx.auditLog.create({
      data: {
        actor: actor.userId,
        action: "CREATE",
        entity: "source",
        entityId: String(inserted[0].id),
        field: "key",
        newValue: key,
        context: { actorName: actor.name },
      },
    });
    return inserted[0].id;
  }
  const found = await tx.source.findUniqueOrThrow({ where: { key }, select: { id: true, kind: true } });
  // a key taken by a report or demo source must never let entered figures pass for it
  if (found.kind !== "ENTRY") throw new Error(`source ${key} is not an ENTRY source`);
  return found.id;
}

/** The ward (a WARD unit) the write is for, or not-found. */
export async function wardFor(
  tx: Tx,
  wardId: number,
): Promise<{ id: number; slug: string; name: string; shortName: string }> {
  const ward = await tx.orgUnit.findUnique({
    where: { id: wardId },
    select: { id: true, slug: true, name: true, shortName: true, level: true },
  });
  if (!ward || ward.level !== "WARD") throw new Refusal({ ok: false, code: "not-found" });
  return ward;
}

/** One audit row per changed field; returns how many. */
export async function audit({
  tx,
  actor,
  action,
  entity,
  entityId,
  before,
  after,
  context,
}: {
  tx: Tx;
  actor: Actor;
  action: AuditAction;
  entity: string;
  entityId: number;
  before: Record<string, AuditValue>;
  after: Record<string, AuditValue>;
  context: Record<string, AuditValue>;
}): Promise<number> {
  const changes = diffFields(before, after);
  if (changes.length === 0) return 0;
  await tx.auditLog.createMany({
    data: changes.map((c) => ({
      actor: actor.userId,
      action,
      entity,
      entityId: String(entityId),
      ...c,
      context: { actorName: actor.name, ...context },
    })),
  });
  return changes.length;
}

/** Only what the ward entered in the app may be edited or deleted there. */
export function requireEntrySource(source: { kind: SourceKind; title: string }): void {
  if (source.kind !== "ENTRY")
    throw new Refusal({ ok: false, code: "locked", source: { kind: source.kind, title: source.title } });
}

/** The indicator whose programme land-clearance projects belong to (03-CTr/QU). */
export const LAND_CLEARANCE_INDICATOR = "du-an-gpmb";

/** Which of the ward's submissions (year, programme) an entered record is reviewed with. */
export type ReviewKey = { termId: number; year: number; programmeId: number | null };

/**
 * The year a record without one of its own is reviewed in: a whole-term record goes with the
 * term's last year, as term figures do.
 */
export const reviewYear = (years: (number | null | undefined)[], term: { endYear: number }) =>
  years.find((y) => y != null) ?? term.endYear;

/** The programme of the record, else the term's land-clearance programme (the catalogue's 03-CTr/QU). */
export async function reviewProgramme(tx: Tx, termId: number, programmeId: number | null): Promise<number> {
  if (programmeId !== null) return programmeId;
  const p = await tx.programme.findFirst({
    where: { termId, indicators: { some: { code: LAND_CLEARANCE_INDICATOR } } },
    orderBy: [{ number: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  if (!p) throw new Refusal({ ok: false, code: "not-found" });
  return p.id;
}

/**
 * Locks the submissions a write leaves (`ids`, of the records as they are) and joins (`keys`), in id
 * order, before the record rows (approval locks the submission, then marks its records): each must be
 * a draft or returned, else the write is refused as locked. Each is bumped, so a review screen that
 * did not see the change cannot approve it. Returns the submission id of each key, in order.
 */
export async function lockEditableSubmissions({
  tx,
  wardId,
  ids,
  keys,
}: {
  tx: Tx;
  wardId: number;
  ids: number[];
  keys: ReviewKey[];
}): Promise<number[]> {
  const joined: { id: number; status: SubmissionStatus; year: number }[] = [];
  for (const k of keys) {
    const programmeId = await reviewProgramme(tx, k.termId, k.programmeId);
    // the caller checked the year is within the term: its period exists, or is the term's to add
    const period = await tx.period.upsert({
      where: { termId_kind_year: { termId: k.termId, kind: "YEAR", year: k.year } },
      create: { termId: k.termId, kind: "YEAR", year: k.year },
      update: {},
      select: { id: true },
    });
    const sub = await lockSubmission(tx, { wardId, periodId: period.id, programmeId });
    joined.push({ ...sub, year: k.year });
  }
  const left = [...new Set(ids)].filter((id) => !joined.some((j) => j.id === id)).sort((a, b) => a - b);
  const leftRows =
    left.length === 0
      ? []
      : await tx.$queryRaw<{ id: number; status: SubmissionStatus; year: number | null }[]>`
          SELECT s.id, s.status, p.year FROM submission s JOIN period p ON p.id = s.period_id
          WHERE s.id = ANY(${left}::int[]) ORDER BY s.id FOR UPDATE OF s`;
  for (const s of [...leftRows, ...joined]) {
    if (!isEditable(s.status))
      throw new Refusal({ ok: false, code: "locked", submission: { status: s.status, year: s.year } });
  }
  const all = [...new Set([...leftRows.map((s) => s.id), ...joined.map((s) => s.id)])];
  await tx.submission.updateMany({ where: { id: { in: all } }, data: { version: { increment: 1 } } });
  return joined.map((j) => j.id);
}

/** Runs `work` in one transaction; a Refusal thrown inside becomes its outcome (nothing written). */
export async function inTransaction(
  client: { $transaction: <T>(fn: (tx: Tx) => Promise<T>, o?: { maxWait?: number; timeout?: number }) => Promise<T> },
  work: (tx: Tx) => Promise<WriteOutcome>,
): Promise<WriteOutcome> {
  try {
    return await client.$transaction(work, { maxWait: 10_000, timeout: 20_000 });
  } catch (e) {
    if (e instanceof Refusal) return e.outcome;
    throw e;
  }
}
