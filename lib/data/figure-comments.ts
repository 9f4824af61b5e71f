import "server-only";
// Questions of the ward party committee about one figure of a submission, and the ward's answers.
// Each write is one transaction under the submission's row lock (the lock of saves and transitions),
// records the figure as it stands, and writes its audit row. The approval closes the open questions
// (closeQuestions, called in the approval's transaction). A database trigger keeps the thread
// append-only: the only change it allows is closing a question.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SubmissionStatus, ValueType } from "@/lib/generated/prisma/enums";
import type { Failure } from "@/lib/result";
import { type Actor, type EntryTarget, lockSubmission } from "./entry-save";
import { type ReadScope, orgUnitScopeWhere } from "./scope";

export type FigureCommentInfo = {
  id: number;
  body: string;
  /** the figure when the comment was written (exact decimal), null: empty */
  value: string | null;
  authorName: string;
  at: string;
};

export type FigureThread = FigureCommentInfo & {
  indicator: { id: number; code: string; name: string; unit: string; valueType: ValueType };
  unit: { id: number; slug: string; name: string; level: string };
  closedAt: string | null;
  answers: FigureCommentInfo[];
};

const commentSelect = { id: true, body: true, value: true, authorName: true, at: true } as const;
const info = (c: { id: number; body: string; value: string | null; authorName: string; at: Date }) => ({
  ...c,
  at: c.at.toISOString(),
});

/** Every question of the submission of `target` with its answers, oldest first; none outside `scope`. */
export async function getFigureThreads(target: EntryTarget, scope: ReadScope): Promise<FigureThread[]> {
  const submission = await db().submission.findFirst({
    where: {
      orgUnitId: target.wardId,
      periodId: target.periodId,
      programmeId: target.programmeId,
      ...orgUnitScopeWhere(scope),
    },
    select: { id: true },
  });
  if (!submission) return [];
  const rows = await db().figureComment.findMany({
    where: { submissionId: submission.id, questionId: null },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: {
      ...commentSelect,
      closedAt: true,
      indicator: { select: { id: true, code: true, name: true, unit: true, valueType: true } },
      orgUnit: { select: { id: true, slug: true, name: true, level: true } },
      answers: { orderBy: [{ at: "asc" }, { id: "asc" }], select: commentSelect },
    },
  });
  return rows.map((r) => ({
    ...info(r),
    closedAt: r.closedAt?.toISOString() ?? null,
    indicator: r.indicator,
    unit: r.orgUnit,
    answers: r.answers.map(info),
  }));
}

export type FigureCommentOutcome =
  | { ok: true; id: number }
  /** "locked": approved figures take no questions or answers; "conflict": the question was closed meanwhile */
  | Failure<"locked", { status: SubmissionStatus }>
  | Failure<"conflict">
  | Failure<"not-found">;

async function currentValue({
  tx,
  submissionId,
  indicatorId,
  orgUnitId,
}: {
  tx: Prisma.TransactionClient;
  submissionId: number;
  indicatorId: number;
  orgUnitId: number;
}) {
  const v = await tx.entryValue.findFirst({
    where: { submissionId, indicatorId, orgUnitId },
    select: { value: true },
  });
  return v?.value?.toString() ?? null;
}

/**
 * The committee asks about one row (indicator × the ward or one of its groups) of the submission of
 * `target`. The row must belong to the submission's programme and ward; approved figures are refused.
 */
export async function askAboutFigure({
  actor,
  target,
  indicatorCode,
  unitSlug,
  body,
}: {
  actor: Actor;
  target: EntryTarget;
  indicatorCode: string;
  /** the ward or one of its residential groups */
  unitSlug: string;
  body: string;
}): Promise<FigureCommentOutcome> {
  return db().$transaction(async (tx) => {
    const [indicator, unit] = await Promise.all([
      tx.indicator.findFirst({
        where: { code: indicatorCode, programmeId: target.programmeId },
        select: { id: true, collectionLevel: true },
      }),
      tx.orgUnit.findFirst({
        where: { slug: unitSlug, OR: [{ id: target.wardId }, { parentId: target.wardId, level: "RESIDENTIAL_GROUP" }] },
        select: { id: true, level: true },
      }),
    ]);
    // a row of the form: a ward indicator of the ward, a group indicator of a group (or its ward figure)
    if (!indicator || !unit || (indicator.collectionLevel === "WARD" && unit.level !== "WARD"))
      return { ok: false, code: "not-found" } as const;
    const indicatorId = indicator.id;
    const orgUnitId = unit.id;
    const sub = await lockSubmission(tx, target);
    if (sub.status === "APPROVED") return { ok: false, code: "locked", status: sub.status } as const;
    const value = await currentValue({ tx, submissionId: sub.id, indicatorId, orgUnitId });
    const created = await tx.figureComment.create({
      data: {
        submissionId: sub.id,
        indicatorId,
        orgUnitId,
        body,
        value,
        authorId: actor.userId,
        authorName: actor.name,
      },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: {
        actor: actor.userId,
        action: "CREATE",
        entity: "figure_comment",
        entityId: String(created.id),
        field: "question",
        newValue: body,
        context: { submissionId: sub.id, indicatorId, orgUnitId, value, actorName: actor.name },
      },
    });
    return { ok: true, id: created.id } as const;
  });
}

/** The ward answers an open question of the submission of `target`. */
export async function answerFigureQuestion({
  actor,
  target,
  questionId,
  body,
}: {
  actor: Actor;
  target: EntryTarget;
  questionId: number;
  body: string;
}): Promise<FigureCommentOutcome> {
  return db().$transaction(async (tx) => {
    const sub = await lockSubmission(tx, target);
    const question = await tx.figureComment.findFirst({
      where: { id: questionId, submissionId: sub.id, questionId: null },
      select: { id: true, indicatorId: true, orgUnitId: true, closedAt: true },
    });
    if (!question) return { ok: false, code: "not-found" } as const;
    if (question.closedAt) return { ok: false, code: "conflict" } as const;
    if (sub.status === "APPROVED") return { ok: false, code: "locked", status: sub.status } as const;
    const value = await currentValue({
      tx,
      submissionId: sub.id,
      indicatorId: question.indicatorId,
      orgUnitId: question.orgUnitId,
    });
    const created = await tx.figureComment.create({
      data: {
        submissionId: sub.id,
        indicatorId: question.indicatorId,
        orgUnitId: question.orgUnitId,
        questionId: question.id,
        body,
        value,
        authorId: actor.userId,
        authorName: actor.name,
      },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: {
        actor: actor.userId,
        action: "CREATE",
        entity: "figure_comment",
        entityId: String(created.id),
        field: "answer",
        newValue: body,
        context: { submissionId: sub.id, questionId: question.id, value, actorName: actor.name },
      },
    });
    return { ok: true, id: created.id } as const;
  });
}

/** Closes the submission's open questions with the approval `eventId`, in the approval's transaction. */
export async function closeQuestions({
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
  const closed = await tx.$queryRaw<{ id: number }[]>`
    UPDATE figure_comment SET closed_at = now(), closed_by_event_id = ${eventId}
    WHERE submission_id = ${submissionId} AND question_id IS NULL AND closed_at IS NULL
    RETURNING id`;
  if (closed.length > 0)
    await tx.auditLog.createMany({
      data: closed.map((c) => ({
        actor: actor.userId,
        action: "UPDATE" as const,
        entity: "figure_comment",
        entityId: String(c.id),
        field: "closedAt",
        newValue: "closed by approval",
        context: { submissionId, eventId, actorName: actor.name },
      })),
    });
  return closed.length;
}

/** The rows a question may be about in the review panel: each indicator of the programme, for the ward. */
export async function askableIndicators(programmeId: number): Promise<{ code: string; name: string }[]> {
  return db().indicator.findMany({
    where: { programmeId },
    orderBy: [{ section: { sortOrder: "asc" } }, { sortOrder: "asc" }, { id: "asc" }],
    select: { code: true, name: true },
  });
}
