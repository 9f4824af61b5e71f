import "server-only";
// A ward official's request to unlock approved figures, and its decision by those who may unlock
// them (district or city staff). Each write is one transaction under the submission's row lock (the
// lock of saves and transitions) with its audit row. A request is granted by the unlock itself
// (grantOpenUnlockRequest, called in the unlock's transaction), or refused with a comment. A
// database trigger keeps requests append-only: the only change it allows is deciding an open one.
// Requests and refusals leave the submission's version alone: it guards figures and status (what a
// stale screen could overwrite), so a reviewer's page loaded before a request still unlocks — and
// the unlock grants the request.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SubmissionStatus, UnlockRequestStatus } from "@/lib/generated/prisma/enums";
import type { Failure } from "@/lib/result";
import { type Actor, type EntryTarget, lockSubmission } from "./entry-save";
import { queueUnlockRequestNotices } from "./mail-notices";
import { type ReadScope, orgUnitScopeWhere } from "./scope";

export type UnlockRequestInfo = {
  id: number;
  reason: string;
  requestedByName: string;
  requestedAt: string;
  status: UnlockRequestStatus;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
};

/** The unlock requests of the submission of `target`, newest first; none outside `scope`. */
export async function getUnlockRequests(target: EntryTarget, scope: ReadScope): Promise<UnlockRequestInfo[]> {
  const rows = await db().unlockRequest.findMany({
    where: {
      submission: {
        orgUnitId: target.wardId,
        periodId: target.periodId,
        programmeId: target.programmeId,
        ...orgUnitScopeWhere(scope),
      },
    },
    orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
    take: 20,
    select: {
      id: true,
      reason: true,
      requestedByName: true,
      requestedAt: true,
      status: true,
      decidedByName: true,
      decidedAt: true,
      decisionComment: true,
    },
  });
  return rows.map((r) => ({
    ...r,
    requestedAt: r.requestedAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
  }));
}

export type UnlockRequestOutcome =
  | { ok: true; id: number; submissionId: number }
  /** "locked": only approved figures are unlocked (the submission is not approved) */
  | Failure<"locked", { status: SubmissionStatus }>
  /** "conflict": a request is already open (request), or this one was decided meanwhile (refuse) */
  | Failure<"conflict">
  | Failure<"not-found">;

/** A ward official asks to unlock the approved submission of `target`, with a reason. One open request at a time. */
export async function requestUnlock({
  actor,
  target,
  reason,
}: {
  actor: Actor;
  target: EntryTarget;
  reason: string;
}): Promise<UnlockRequestOutcome> {
  return db().$transaction(async (tx) => {
    const sub = await lockSubmission(tx, target);
    if (sub.status !== "APPROVED") return { ok: false, code: "locked", status: sub.status } as const;
    // under the submission's lock, so two requests at once cannot both pass (the unique index backs it)
    const open = await tx.unlockRequest.findFirst({
      where: { submissionId: sub.id, status: "OPEN" },
      select: { id: true },
    });
    if (open) return { ok: false, code: "conflict" } as const;
    const created = await tx.unlockRequest.create({
      data: { submissionId: sub.id, reason, requestedById: actor.userId, requestedByName: actor.name },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: {
        actor: actor.userId,
        action: "CREATE",
        entity: "unlock_request",
        entityId: String(created.id),
        field: "reason",
        newValue: reason,
        context: { submissionId: sub.id, wardId: target.wardId, periodId: target.periodId, actorName: actor.name },
      },
    });
    // e-mail to those who may unlock the ward, queued in this transaction (nothing when e-mail is off)
    await queueUnlockRequestNotices({ tx, requestId: created.id, kind: "UNLOCK_REQUESTED", actor });
    return { ok: true, id: created.id, submissionId: sub.id } as const;
  });
}

/** Those who may unlock refuse the open request `requestId` of the submission of `target`, with a comment. */
export async function refuseUnlockRequest({
  actor,
  target,
  requestId,
  comment,
}: {
  actor: Actor;
  target: EntryTarget;
  requestId: number;
  comment: string;
}): Promise<UnlockRequestOutcome> {
  return db().$transaction(async (tx) => {
    const sub = await lockSubmission(tx, target);
    const request = await tx.unlockRequest.findFirst({
      where: { id: requestId, submissionId: sub.id },
      select: { id: true, status: true },
    });
    if (!request) return { ok: false, code: "not-found" } as const;
    if (request.status !== "OPEN") return { ok: false, code: "conflict" } as const;
    await tx.unlockRequest.update({
      where: { id: request.id },
      data: {
        status: "REFUSED",
        decidedById: actor.userId,
        decidedByName: actor.name,
        decidedAt: new Date(),
        decisionComment: comment,
      },
    });
    await tx.auditLog.create({
      data: {
        actor: actor.userId,
        action: "UPDATE",
        entity: "unlock_request",
        entityId: String(request.id),
        field: "status",
        oldValue: "OPEN",
        newValue: "REFUSED",
        context: { submissionId: sub.id, comment, actorName: actor.name },
      },
    });
    // e-mail to the official who asked, queued in this transaction
    await queueUnlockRequestNotices({ tx, requestId: request.id, kind: "UNLOCK_REFUSED", actor });
    return { ok: true, id: request.id, submissionId: sub.id } as const;
  });
}

/**
 * Whether the request `requestId` the unlocking screen showed open was decided meanwhile (refused by
 * someone else): the unlock would then overrule a decision its author did not see.
 */
export async function decidedMeanwhile({
  tx,
  submissionId,
  requestId,
}: {
  tx: Prisma.TransactionClient;
  submissionId: number;
  requestId: number;
}): Promise<boolean> {
  const request = await tx.unlockRequest.findFirst({
    where: { id: requestId, submissionId },
    select: { status: true },
  });
  return request !== null && request.status !== "OPEN";
}

/**
 * The unlock `eventId` grants the submission's open request, if any, in the unlock's transaction
 * (whether the unlock was made from the request or directly). Returns the request's id, or null.
 */
export async function grantOpenUnlockRequest({
  tx,
  actor,
  submissionId,
  eventId,
  comment,
}: {
  tx: Prisma.TransactionClient;
  actor: Actor;
  submissionId: number;
  eventId: number;
  comment: string | null;
}): Promise<number | null> {
  const open = await tx.unlockRequest.findFirst({ where: { submissionId, status: "OPEN" }, select: { id: true } });
  if (!open) return null;
  await tx.unlockRequest.update({
    where: { id: open.id },
    data: {
      status: "GRANTED",
      decidedById: actor.userId,
      decidedByName: actor.name,
      decidedAt: new Date(),
      decisionComment: comment,
      unlockEventId: eventId,
    },
  });
  await tx.auditLog.create({
    data: {
      actor: actor.userId,
      action: "UPDATE",
      entity: "unlock_request",
      entityId: String(open.id),
      field: "status",
      oldValue: "OPEN",
      newValue: "GRANTED",
      context: { submissionId, eventId, comment, actorName: actor.name },
    },
  });
  return open.id;
}

/**
 * The official who asked has read the refusal of their request `requestId` ("Đã xem"): it leaves their
 * inbox. Only their own refused request of the submission of `target`; a second time changes nothing.
 */
export async function markRefusalSeen({
  actor,
  target,
  requestId,
}: {
  actor: Actor;
  target: EntryTarget;
  requestId: number;
}): Promise<{ ok: true } | Failure<"not-found">> {
  return db().$transaction(async (tx) => {
    const request = await tx.unlockRequest.findFirst({
      where: {
        id: requestId,
        status: "REFUSED",
        requestedById: actor.userId,
        submission: { orgUnitId: target.wardId, periodId: target.periodId, programmeId: target.programmeId },
      },
      select: { id: true },
    });
    if (!request) return { ok: false, code: "not-found" } as const;
    const seen = await tx.unlockRefusalSeen.createMany({ data: [{ requestId }], skipDuplicates: true });
    if (seen.count === 1)
      await tx.auditLog.create({
        data: {
          actor: actor.userId,
          action: "CREATE",
          entity: "unlock_refusal_seen",
          entityId: String(requestId),
          context: { actorName: actor.name },
        },
      });
    return { ok: true } as const;
  });
}
