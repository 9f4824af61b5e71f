import "server-only";
// Review transitions of a ward's yearly figures. Each is one transaction under the submission's row
// lock (the same lock as saving values): the version the screen showed is checked, the state machine
// consulted, the event and audit rows written, and — on approval — the values published into `result`.
import { db } from "@/lib/db";
import { cellIdKey } from "@/lib/domain/cell-key";
import { checkTransition } from "@/lib/domain/submission-workflow";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SubmissionAction, SubmissionStatus } from "@/lib/generated/prisma/enums";
import type { Failure } from "@/lib/result";
import { type Actor, type EntryTarget, lockSubmission, normal } from "./entry-save";
import { closeQuestions } from "./figure-comments";
import { queueSubmissionNotices } from "./mail-notices";
import { decidedMeanwhile, grantOpenUnlockRequest } from "./unlock-requests";
import { ensureEntrySource } from "./record-write";
import { selfApprovalRefusal } from "./review-settings";

export type TransitionTarget = EntryTarget & { wardSlug: string; wardShortName: string };

/** Figures written into `result`; `records`: land-clearance projects, progress and achievements approved. */
export type Published = {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  records: number;
  /** questions on figures closed by this approval */
  closedQuestions: number;
};

export type TransitionOutcome =
  | {
      ok: true;
      submissionId: number;
      status: SubmissionStatus;
      version: number;
      published: Published | null;
      /** an unlock: the ward's open request it granted, if any */
      grantedRequest: number | null;
    }
  /** a stale screen (no message), or a state the action does not apply to (with the state machine's message) */
  | Failure<"conflict", { message?: string; status: SubmissionStatus; version: number }>
  /** "invalid": the comment the action requires is missing; "forbidden": the sender may not approve their own figures */
  | Failure<"invalid" | "forbidden", { message: string; status: SubmissionStatus; version: number }>;

/**
 * Makes `action` on the submission of `target`, if it still has `expectedVersion` (the version the
 * person's screen showed; a submission never created counts as version 1) and its state allows it.
 * The caller has checked the person's permission on the ward.
 */
export async function transitionSubmission({
  actor,
  target,
  action,
  expectedVersion,
  comment,
  answering,
}: {
  actor: Actor;
  target: TransitionTarget;
  action: SubmissionAction;
  expectedVersion: number;
  comment: string | null;
  /** an unlock: the ward's open request to unlock the screen showed, if any */
  answering?: number;
}): Promise<TransitionOutcome> {
  const note = comment?.trim() || null;
  return db().$transaction(
    async (tx) => {
      const sub = await lockSubmission(tx, target);
      if (sub.version !== expectedVersion)
        return { ok: false, code: "conflict", status: sub.status, version: sub.version } as const;
      // requests leave the version alone (it guards figures and status): a refusal made meanwhile is checked here
      if (
        action === "UNLOCK" &&
        answering &&
        (await decidedMeanwhile({ tx, submissionId: sub.id, requestId: answering }))
      )
        return {
          ok: false,
          code: "conflict",
          message: "Yêu cầu mở khóa này vừa được người khác trả lời. Hãy tải lại trang để xem rồi thao tác lại.",
          status: sub.status,
          version: sub.version,
        } as const;
      const check = checkTransition(action, sub.status, () => true, note);
      if (!check.ok)
        return {
          ok: false,
          code: check.code === "invalid" ? "invalid" : "conflict",
          message: check.message,
          status: sub.status,
          version: sub.version,
        } as const;
      // four-eyes: the sender does not approve their own figures, unless the district allows it
      const selfApproval =
        action === "APPROVE"
          ? await selfApprovalRefusal({ tx, submissionId: sub.id, wardId: target.wardId, actor })
          : null;
      if (selfApproval)
        return {
          ok: false,
          code: "forbidden",
          message: selfApproval,
          status: sub.status,
          version: sub.version,
        } as const;

      const version = sub.version + 1;
      const n = await tx.submission.updateMany({
        where: { id: sub.id, version: sub.version },
        data: { status: check.to, version },
      });
      if (n.count !== 1) return { ok: false, code: "conflict", status: sub.status, version: sub.version } as const;
      const event = await tx.submissionEvent.create({
        data: {
          submissionId: sub.id,
          action,
          fromStatus: sub.status,
          toStatus: check.to,
          comment: note,
          actorId: actor.userId,
          actorName: actor.name,
        },
        select: { id: true },
      });
      await tx.auditLog.create({
        data: {
          actor: actor.userId,
          action: "UPDATE",
          entity: "submission",
          entityId: String(sub.id),
          field: "status",
          oldValue: sub.status,
          newValue: check.to,
          context: {
            action,
            comment: note,
            actorName: actor.name,
            version,
            wardId: target.wardId,
            periodId: target.periodId,
            programmeId: target.programmeId,
          },
        },
      });
      const published =
        action === "APPROVE"
          ? {
              ...(await publish({ tx, actor, target, submissionId: sub.id })),
              records: await approveRecords({ tx, actor, submissionId: sub.id, eventId: event.id }),
              closedQuestions: await closeQuestions({ tx, actor, submissionId: sub.id, eventId: event.id }),
            }
          : null;
      // e-mail to the people whose turn it is, queued in this transaction (nothing when e-mail is off)
      await queueSubmissionNotices({ tx, submissionId: sub.id, eventId: event.id, action, actor, comment: note });
      // an unlock grants the ward's open request to unlock, if there is one
      const grantedRequest =
        action === "UNLOCK"
          ? await grantOpenUnlockRequest({ tx, actor, submissionId: sub.id, eventId: event.id, comment: note })
          : null;
      return { ok: true, submissionId: sub.id, status: check.to, version, published, grantedRequest } as const;
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}

/**
 * Copies the submission's values (the ward's and its groups') into `result` under the ward's ENTRY
 * source: new figures are created, changed ones updated with their version incremented, cleared ones
 * (null) deleted — each with its audit row. Figures equal in every respect are left alone.
 */
async function publish({
  tx,
  actor,
  target,
  submissionId,
}: {
  tx: Prisma.TransactionClient;
  actor: Actor;
  target: TransitionTarget;
  submissionId: number;
}): Promise<Omit<Published, "records" | "closedQuestions">> {
  const counts: Omit<Published, "records" | "closedQuestions"> = { created: 0, updated: 0, deleted: 0, unchanged: 0 };
  const values = await tx.entryValue.findMany({
    // only the ward's own units and this programme's indicators, whatever was written elsewhere
    where: {
      submissionId,
      orgUnit: { OR: [{ id: target.wardId }, { parentId: target.wardId }] },
      indicator: { programmeId: target.programmeId },
    },
    select: { indicatorId: true, orgUnitId: true, value: true, qualifier: true, note: true },
  });
  if (values.length === 0) return counts;

  const source = { id: await ensureEntrySource(tx, actor, { slug: target.wardSlug, shortName: target.wardShortName }) };
  const existing = await tx.result.findMany({
    where: {
      periodId: target.periodId,
      orgUnitId: { in: [...new Set(values.map((v) => v.orgUnitId))] },
      indicatorId: { in: [...new Set(values.map((v) => v.indicatorId))] },
    },
    select: {
      id: true,
      indicatorId: true,
      orgUnitId: true,
      value: true,
      qualifier: true,
      note: true,
      sourceId: true,
      version: true,
    },
  });
  const byKey = new Map(existing.map((r) => [cellIdKey(r), r]));
  const audit: Prisma.AuditLogCreateManyInput[] = [];
  const now = new Date();

  for (const v of values) {
    const cur = byKey.get(cellIdKey(v));
    const value = v.value === null ? null : normal(v.value.toFixed());
    const before = cur ? normal(cur.value.toFixed()) : null;
    const context = {
      indicatorId: v.indicatorId,
      orgUnitId: v.orgUnitId,
      periodId: target.periodId,
      submissionId,
      sourceId: source.id,
      actorName: actor.name,
      qualifier: v.qualifier,
      note: v.note,
      ...(cur && cur.sourceId !== source.id ? { oldSourceId: cur.sourceId } : {}),
    };
    if (value === null) {
      if (!cur) continue;
      await tx.result.delete({ where: { id: cur.id } });
      audit.push({
        actor: actor.userId,
        action: "DELETE",
        entity: "result",
        entityId: String(cur.id),
        field: "value",
        oldValue: before,
        newValue: null,
        context: { ...context, version: cur.version },
      });
      counts.deleted++;
    } else if (!cur) {
      const created = await tx.result.create({
        data: {
          indicatorId: v.indicatorId,
          orgUnitId: v.orgUnitId,
          periodId: target.periodId,
          value,
          qualifier: v.qualifier,
          note: v.note,
          sourceId: source.id,
          recordedBy: actor.userId,
          recordedAt: now,
        },
        select: { id: true, version: true },
      });
      audit.push({
        actor: actor.userId,
        action: "CREATE",
        entity: "result",
        entityId: String(created.id),
        field: "value",
        oldValue: null,
        newValue: value,
        context: { ...context, version: created.version },
      });
      counts.created++;
    } else if (before === value && cur.qualifier === v.qualifier && cur.note === v.note && cur.sourceId === source.id) {
      counts.unchanged++;
    } else {
      await tx.result.update({
        where: { id: cur.id },
        data: {
          value,
          qualifier: v.qualifier,
          note: v.note,
          sourceId: source.id,
          recordedBy: actor.userId,
          recordedAt: now,
          version: { increment: 1 },
        },
      });
      audit.push({
        actor: actor.userId,
        action: "UPDATE",
        entity: "result",
        entityId: String(cur.id),
        field: "value",
        oldValue: before,
        newValue: value,
        context: { ...context, version: cur.version + 1 },
      });
      counts.updated++;
    }
  }
  if (audit.length > 0) await tx.auditLog.createMany({ data: audit });
  return counts;
}

/** The record tables reviewed with a submission, and their audit entity names. */
const RECORD_TABLES = [
  { table: Prisma.raw("land_clearance_project"), entity: "land_clearance_project" },
  { table: Prisma.raw("land_clearance_progress"), entity: "land_clearance_progress" },
  { table: Prisma.raw("achievement"), entity: "achievement" },
] as const;

/**
 * Publishes the submission's draft records (land-clearance projects, their yearly progress,
 * achievements): each is marked with this approval (who and when are the event's), audited. Records
 * approved earlier and unchanged since keep their approval. The lock trigger lets this column alone
 * change while the submission is approved.
 */
async function approveRecords({
  tx,
  actor,
  submissionId,
  eventId,
}: {
  tx: Prisma.TransactionClient;
  actor: Actor;
  submissionId: number;
  eventId: number;
}): Promise<number> {
  let n = 0;
  for (const { table, entity } of RECORD_TABLES) {
    const rows = await tx.$queryRaw<{ id: number }[]>`
      UPDATE ${table} SET approval_event_id = ${eventId}
      WHERE submission_id = ${submissionId} AND approval_event_id IS NULL
      RETURNING id`;
    if (rows.length === 0) continue;
    await tx.auditLog.createMany({
      data: rows.map((r) => ({
        actor: actor.userId,
        action: "UPDATE" as const,
        entity,
        entityId: String(r.id),
        field: "approval",
        oldValue: null,
        newValue: String(eventId),
        context: { submissionId, actorName: actor.name },
      })),
    });
    n += rows.length;
  }
  return n;
}
