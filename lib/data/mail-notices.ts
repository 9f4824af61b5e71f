import "server-only";
// E-mail notices: who gets one for a transition or a deadline (found in SQL, one statement per event),
// the per-person opt-outs, and what the worker and the administrators' page read and mark.
import { db } from "@/lib/db";
import {
  type ReminderStage,
  type SubmissionMailFacts,
  reminderMail,
  reminderStage,
  submissionMail,
  unlockRequestMail,
} from "@/lib/mail/text";
import { UNLOCK_ROLES } from "@/lib/domain/submission-workflow";
import { Prisma } from "@/lib/generated/prisma/client";
import { owedUnderDeadlineSql } from "./deadlines";
import type { MailKind, Role, SubmissionAction } from "@/lib/generated/prisma/enums";
import { mailConfig } from "@/lib/mail/config";
import { MAIL_KINDS } from "@/lib/validation/mail";
import { enqueueMailJobs } from "@/lib/mail/queue";
import type { Failure } from "@/lib/result";

const KIND_OF: Record<SubmissionAction, SubmissionMailFacts["kind"]> = {
  SUBMIT: "SUBMISSION_SENT",
  RETURN: "SUBMISSION_RETURNED",
  APPROVE: "SUBMISSION_APPROVED",
  UNLOCK: "SUBMISSION_UNLOCKED",
};

/** Who is told: the committee decides on what was sent; the officials act on the rest; an unlock concerns both. */
const RECIPIENTS: Record<SubmissionMailFacts["kind"], readonly Role[]> = {
  SUBMISSION_SENT: ["WARD_PARTY_COMMITTEE"],
  SUBMISSION_RETURNED: ["WARD_OFFICIAL"],
  SUBMISSION_APPROVED: ["WARD_OFFICIAL"],
  SUBMISSION_UNLOCKED: ["WARD_OFFICIAL", "WARD_PARTY_COMMITTEE"],
};

/** Accounts made without an address get one under this reserved domain (lib/auth/accounts.ts): never mailed. */
const NO_ADDRESS = "%.invalid";

/**
 * In the transition's transaction: one notice per person holding the event's roles on the ward (or
 * above it), except the actor, the disabled, those without an address and those who turned this kind
 * off; and one queued job per notice. The key `event:<id>:<user>` makes the pair unique.
 * Returns the number of notices queued (0 when e-mail is off).
 */
export async function queueSubmissionNotices({
  tx,
  submissionId,
  eventId,
  action,
  actor,
  comment,
}: {
  tx: Prisma.TransactionClient;
  submissionId: number;
  eventId: number;
  action: SubmissionAction;
  actor: { userId: string; name: string };
  comment: string | null;
}): Promise<number> {
  const config = mailConfig();
  if (!config) return 0;
  const kind = KIND_OF[action];
  const [s] = await tx.$queryRaw<
    { wardId: number; wardName: string; wardSlug: string; year: number; code: string; slug: string; title: string }[]
  >`
    SELECT w.id AS "wardId", w.name AS "wardName", w.slug AS "wardSlug", p.year, g.code, g.slug, g.title
    FROM submission s
    JOIN org_unit w ON w.id = s.org_unit_id
    JOIN period p ON p.id = s.period_id
    JOIN programme g ON g.id = s.programme_id
    WHERE s.id = ${submissionId}`;
  const text = submissionMail({
    kind,
    wardName: s.wardName,
    programmeCode: s.code,
    programmeTitle: s.title,
    year: s.year,
    actorName: actor.name,
    comment,
    link: `${config.baseUrl}/${s.wardSlug}/nhap-lieu/${s.year}/${s.slug}`,
  });
  const rows = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO mail_notice (dedupe_key, user_id, kind, to_address, subject, body)
    SELECT 'event:' || ${eventId}::int || ':' || u.id, u.id, ${kind}::mail_kind, u.email, ${text.subject}, ${text.body}
    FROM app_user u
    WHERE NOT u.disabled AND u.id <> ${actor.userId} AND u.email NOT LIKE ${NO_ADDRESS}
      AND EXISTS (
        SELECT 1 FROM role_assignment ra JOIN org_unit w ON w.id = ${s.wardId}
        WHERE ra.user_id = u.id AND ra.role::text = ANY(${[...RECIPIENTS[kind]]}::text[]) AND ra.org_unit_id = ANY(w.path))
      AND NOT EXISTS (SELECT 1 FROM mail_opt_out o WHERE o.user_id = u.id AND o.kind = ${kind}::mail_kind)
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id`;
  await enqueueMailJobs(
    tx,
    rows.map((r) => r.id),
  );
  return rows.length;
}

/**
 * In the unlock request's transaction: a request → one notice per person who may unlock the ward
 * (a role with `unlockValues` on the ward or above it); a refusal → one to the official who asked.
 * Never the actor, the disabled, those without an address or those who turned the kind off; the key
 * `unlock-request:<id>:<kind>:<user>` makes each pair unique. Granted requests are told by the
 * unlock's own notice (SUBMISSION_UNLOCKED, to the ward's officials). Returns the number queued.
 */
export async function queueUnlockRequestNotices({
  tx,
  requestId,
  kind,
  actor,
}: {
  tx: Prisma.TransactionClient;
  requestId: number;
  kind: "UNLOCK_REQUESTED" | "UNLOCK_REFUSED";
  actor: { userId: string; name: string };
}): Promise<number> {
  const config = mailConfig();
  if (!config) return 0;
  const [r] = await tx.$queryRaw<
    {
      wardId: number;
      wardName: string;
      wardSlug: string;
      year: number;
      code: string;
      slug: string;
      title: string;
      reason: string;
      requestedById: string;
      decisionComment: string | null;
    }[]
  >`
    SELECT w.id AS "wardId", w.name AS "wardName", w.slug AS "wardSlug", p.year, g.code, g.slug, g.title,
           r.reason, r.requested_by_id AS "requestedById", r.decision_comment AS "decisionComment"
    FROM unlock_request r
    JOIN submission s ON s.id = r.submission_id
    JOIN org_unit w ON w.id = s.org_unit_id
    JOIN period p ON p.id = s.period_id
    JOIN programme g ON g.id = s.programme_id
    WHERE r.id = ${requestId}`;
  const text = unlockRequestMail({
    kind,
    wardName: r.wardName,
    programmeCode: r.code,
    programmeTitle: r.title,
    year: r.year,
    actorName: actor.name,
    comment: kind === "UNLOCK_REQUESTED" ? r.reason : (r.decisionComment ?? ""),
    link: `${config.baseUrl}/${r.wardSlug}/nhap-lieu/${r.year}/${r.slug}#mo-khoa`,
  });
  const roles: readonly Role[] = kind === "UNLOCK_REQUESTED" ? UNLOCK_ROLES : [];
  const rows = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO mail_notice (dedupe_key, user_id, kind, to_address, subject, body)
    SELECT 'unlock-request:' || ${requestId}::int || ':' || ${kind} || ':' || u.id, u.id, ${kind}::mail_kind,
           u.email, ${text.subject}, ${text.body}
    FROM app_user u
    WHERE NOT u.disabled AND u.id <> ${actor.userId} AND u.email NOT LIKE ${NO_ADDRESS}
      AND CASE WHEN ${kind} = 'UNLOCK_REFUSED' THEN u.id = ${r.requestedById}
          ELSE EXISTS (
            SELECT 1 FROM role_assignment ra JOIN org_unit w ON w.id = ${r.wardId}
            WHERE ra.user_id = u.id AND ra.role::text = ANY(${[...roles]}::text[]) AND ra.org_unit_id = ANY(w.path))
          END
      AND NOT EXISTS (SELECT 1 FROM mail_opt_out o WHERE o.user_id = u.id AND o.kind = ${kind}::mail_kind)
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id`;
  await enqueueMailJobs(
    tx,
    rows.map((row) => row.id),
  );
  return rows.length;
}

type DueRow = {
  deadlineId: number;
  dueOn: Date;
  daysLeft: number;
  wardId: number;
  wardName: string;
  wardSlug: string;
  year: number;
  programmes: string[];
  userId: string;
  email: string;
};

/**
 * The deadline reminders due on `today` (yyyy-mm-dd, Hà Nội): for each ward with a programme of the
 * year not sent, 7 days before its district's due date, 1 day before, and once it has passed (up to a
 * week after), to the ward's officials. Each (due date, stage, ward, person) is queued once, however
 * often this runs. Returns the number of notices queued.
 */
export async function queueDeadlineReminders(today: string): Promise<number> {
  const config = mailConfig();
  if (!config) return 0;
  const due = await db().$queryRaw<DueRow[]>`
    WITH open AS (
      SELECT d.id AS "deadlineId", d.due_on AS "dueOn", (d.due_on - ${today}::date) AS "daysLeft",
             w.id AS "wardId", w.name AS "wardName", w.slug AS "wardSlug", w.path, p.year,
             array_agg(DISTINCT g.code ORDER BY g.code) AS programmes
      FROM org_unit w
      ${owedUnderDeadlineSql(Prisma.sql`d.due_on BETWEEN ${today}::date - 7 AND ${today}::date + 7`)}
      GROUP BY d.id, d.due_on, w.id, w.name, w.slug, w.path, p.year
    )
    SELECT open."deadlineId", open."dueOn", open."daysLeft", open."wardId", open."wardName", open."wardSlug",
           open.year, open.programmes, u.id AS "userId", u.email
    FROM open
    JOIN app_user u ON NOT u.disabled AND u.email NOT LIKE ${NO_ADDRESS}
    WHERE EXISTS (SELECT 1 FROM role_assignment ra
                  WHERE ra.user_id = u.id AND ra.role = 'WARD_OFFICIAL' AND ra.org_unit_id = ANY(open.path))
      AND NOT EXISTS (SELECT 1 FROM mail_opt_out o WHERE o.user_id = u.id AND o.kind = 'DEADLINE_REMINDER')`;
  const notices = due.flatMap((r) => {
    const stage = reminderStage(r.daysLeft);
    return stage ? [reminderNotice(r, stage, config.baseUrl)] : [];
  });
  if (notices.length === 0) return 0;
  return db().$transaction(async (tx) => {
    const created = await tx.mailNotice.createManyAndReturn({
      data: notices,
      skipDuplicates: true,
      select: { id: true },
    });
    await enqueueMailJobs(
      tx,
      created.map((c) => c.id),
    );
    return created.length;
  });
}

function reminderNotice(r: DueRow, stage: ReminderStage, baseUrl: string): Prisma.MailNoticeCreateManyInput {
  const dueOn = r.dueOn.toISOString().slice(0, 10);
  const text = reminderMail({
    wardName: r.wardName,
    year: r.year,
    dueOn,
    stage,
    programmes: r.programmes,
    link: `${baseUrl}/${r.wardSlug}/nhap-lieu`,
  });
  return {
    // the due date is in the key: a deadline moved later reminds again
    dedupeKey: `deadline:${r.deadlineId}:${dueOn}:${stage}:${r.wardId}:${r.userId}`,
    userId: r.userId,
    kind: "DEADLINE_REMINDER",
    toAddress: r.email,
    ...text,
  };
}

// --- delivery (the worker) -----------------------------------------------------------------------

export type PendingNotice = { id: number; toAddress: string; subject: string; body: string };

/** The notice to send now, or null: already sent, skipped or given up — or its kind was turned off since. */
export async function noticeToSend(id: number): Promise<PendingNotice | null> {
  const notice = await db().mailNotice.findUnique({
    where: { id },
    select: {
      id: true,
      userId: true,
      kind: true,
      toAddress: true,
      subject: true,
      body: true,
      sentAt: true,
      skippedAt: true,
      gaveUpAt: true,
    },
  });
  if (!notice || notice.sentAt || notice.skippedAt || notice.gaveUpAt) return null;
  const optedOut = await db().mailOptOut.findUnique({
    where: { userId_kind: { userId: notice.userId, kind: notice.kind } },
    select: { kind: true },
  });
  if (optedOut) {
    await db().mailNotice.update({ where: { id }, data: { skippedAt: new Date() }, select: { id: true } });
    return null;
  }
  return { id: notice.id, toAddress: notice.toAddress, subject: notice.subject, body: notice.body };
}

export async function markSent(id: number): Promise<void> {
  await db().mailNotice.update({
    where: { id },
    data: { sentAt: new Date(), attempts: { increment: 1 }, lastError: null },
    select: { id: true },
  });
}

/** A failed attempt; `final`: the queue will not retry, so the notice is given up. */
export async function markFailed({ id, error, final }: { id: number; error: string; final: boolean }): Promise<void> {
  await db().mailNotice.update({
    where: { id },
    data: { attempts: { increment: 1 }, lastError: error.slice(0, 500), ...(final ? { gaveUpAt: new Date() } : {}) },
    select: { id: true },
  });
}

// --- what the administrators see -----------------------------------------------------------------

export type MailOverview = {
  waiting: number;
  sent: number;
  skipped: number;
  gaveUp: {
    id: number;
    at: string;
    to: string;
    userName: string;
    subject: string;
    attempts: number;
    error: string | null;
  }[];
};

/** Counts by state, and the notices given up (newest first, at most 200). */
export async function mailOverview(): Promise<MailOverview> {
  const [[counts], gaveUp] = await Promise.all([
    db().$queryRaw<{ waiting: number; sent: number; skipped: number }[]>`
      SELECT count(*) FILTER (WHERE sent_at IS NULL AND skipped_at IS NULL AND gave_up_at IS NULL)::int AS waiting,
             count(*) FILTER (WHERE sent_at IS NOT NULL)::int AS sent,
             count(*) FILTER (WHERE skipped_at IS NOT NULL)::int AS skipped
      FROM mail_notice`,
    db().mailNotice.findMany({
      where: { gaveUpAt: { not: null } },
      orderBy: { gaveUpAt: "desc" },
      take: 200,
      select: {
        id: true,
        gaveUpAt: true,
        toAddress: true,
        subject: true,
        attempts: true,
        lastError: true,
        user: { select: { name: true } },
      },
    }),
  ]);
  return {
    ...counts,
    gaveUp: gaveUp.map((n) => ({
      id: n.id,
      at: n.gaveUpAt!.toISOString(),
      to: n.toAddress,
      userName: n.user.name,
      subject: n.subject,
      attempts: n.attempts,
      error: n.lastError,
    })),
  };
}

// --- opt-outs ------------------------------------------------------------------------------------

export async function optedOutKinds(userId: string): Promise<MailKind[]> {
  const rows = await db().mailOptOut.findMany({ where: { userId }, select: { kind: true } });
  return rows.map((r) => r.kind);
}

/** Sets the kinds the person receives by e-mail (the others are turned off), audited. */
export async function setMailChoices({ userId, receive }: { userId: string; receive: readonly MailKind[] }) {
  const off = MAIL_KINDS.filter((k) => !receive.includes(k));
  await db().$transaction(async (tx) => {
    const before = await tx.mailOptOut.findMany({ where: { userId }, select: { kind: true } });
    await tx.mailOptOut.deleteMany({ where: { userId, kind: { notIn: off } } });
    await tx.mailOptOut.createMany({ data: off.map((kind) => ({ userId, kind })), skipDuplicates: true });
    const was = before.map((b) => b.kind).sort();
    if (was.join() !== [...off].sort().join())
      await tx.auditLog.create({
        data: {
          actor: userId,
          action: "UPDATE",
          entity: "mail_opt_out",
          entityId: userId,
          field: "kinds",
          oldValue: was.join(","),
          newValue: [...off].sort().join(","),
        },
      });
  });
}

/**
 * Puts a given-up notice back in the queue (an administrator's decision, audited): its give-up mark
 * is cleared and a new job added in the same transaction.
 */
export async function retryGivenUp({
  id,
  actorId,
}: {
  id: number;
  actorId: string;
}): Promise<{ ok: true } | Failure<"not-found" | "invalid">> {
  return db()
    .$transaction(async (tx) => {
      const n = await tx.mailNotice.updateMany({ where: { id, gaveUpAt: { not: null } }, data: { gaveUpAt: null } });
      if (n.count !== 1) return { ok: false, code: "not-found" } as const;
      if (!mailConfig()) throw new MailOff();
      await enqueueMailJobs(tx, [id]);
      await tx.auditLog.create({
        data: {
          actor: actorId,
          action: "UPDATE",
          entity: "mail_notice",
          entityId: String(id),
          field: "gaveUpAt",
          newValue: null,
        },
      });
      return { ok: true } as const;
    })
    .catch((e: unknown) => {
      if (e instanceof MailOff) return { ok: false, code: "invalid" } as const;
      throw e;
    });
}

/** Thrown inside the transaction so that the cleared mark is rolled back. */
class MailOff extends Error {}

/** The person's address, or null for an account made without one. */
export async function mailAddressOf(userId: string): Promise<string | null> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { email: true } });
  return user && !user.email.endsWith(".invalid") ? user.email : null;
}
