import "server-only";
// What is waiting for a person ("Việc cần làm"): one SQL query per kind of item, each grouped and
// counted in the database, over the units the caller's grants reach (given as root ids; the units
// below them are found as the read scope finds them, by the materialised path). No per-ward queries.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { cachedProgress } from "./catalogue-cache";
import { owedUnderDeadlineSql, owesAnyProgrammeSql } from "./deadlines";

export type WardRef = { slug: string; name: string };
export type ProgrammeRefShort = { slug: string; code: string };

/** A submission waiting for someone: sent (for the committee) or returned (for the ward's officials). */
export type SubmissionItem = {
  ward: WardRef;
  year: number;
  programme: ProgrammeRefShort;
  /** when it was sent or returned (ISO) */
  at: string | null;
  /** the committee's comment, on a returned submission */
  comment: string | null;
  actorName: string | null;
};

/** The committee's questions on figures of a submission that no one of the ward has answered yet. */
export type QuestionsItem = {
  ward: WardRef;
  year: number;
  programme: ProgrammeRefShort;
  questions: number;
  since: string;
};

/** A ward's programmes of a year not yet sent, against its district's due date. */
export type WardDeadlineItem = { ward: WardRef; year: number; dueOn: string; openProgrammes: number };

/**
 * A district (or city) with wards still not sent after the due date of a year (how many:
 * `countLateWards`, only where they are listed: the header needs only that there are some).
 */
export type LateWardsItem = { district: WardRef; year: number; dueOn: string };

/** A ward official's request to unlock approved figures, waiting for those who may unlock them. */
export type UnlockRequestItem = {
  ward: WardRef;
  year: number;
  programme: ProgrammeRefShort;
  reason: string;
  requestedByName: string;
  at: string;
};

/** A ward official's own request to unlock, refused (with the comment), until they mark it read or ask again. */
export type RefusedUnlockItem = UnlockRequestItem & {
  requestId: number;
  comment: string;
  decidedByName: string;
};

/** Failed sign-ins from one address or on one account in the last 24 hours. */
export type SignInBurstItem = { kind: "address" | "account"; key: string; failures: number; lastAt: string };

export type Inbox = {
  awaitingApproval: SubmissionItem[];
  returned: SubmissionItem[];
  questions: QuestionsItem[];
  deadlines: WardDeadlineItem[];
  lateWards: LateWardsItem[];
  unlockRequests: UnlockRequestItem[];
  refusedUnlocks: RefusedUnlockItem[];
  mustChangePassword: number;
  signInBursts: SignInBurstItem[];
};

export type InboxRoots = {
  /** units where the person approves (the committee) */
  approve: readonly number[];
  /** units where the person enters figures (ward officials) */
  edit: readonly number[];
  /** units where the person sets deadlines (district staff) */
  deadlines: readonly number[];
  /** units where the person unlocks approved figures (district or city staff); absent: none */
  unlock?: readonly number[];
  /** may manage accounts (administrators) */
  accounts: boolean;
};

/**
 * SQL: the unit in `w` is one of `roots` or below one of them, by the materialised path (the GIN index
 * on org_unit.path, one array parameter), as lib/data/scope.ts reads them. A condition on the unit the
 * query joins anyway, not a list of the units below (a CTE of 16.560 ids at 3.321 wards): one relation
 * fewer for the planner of statements that run on every page (0,6 → 0,3 ms of planning each).
 */
const wardInRootsSql = (roots: readonly number[]) => Prisma.sql`w.path && ${[...roots]}::int[]`;

/** Items listed per kind at most (the counts in the header add these up). */
export const INBOX_LIMIT = 50;

type SubmissionRow = {
  wardSlug: string;
  wardName: string;
  year: number;
  programmeSlug: string;
  programmeCode: string;
  at: Date | null;
  comment: string | null;
  actorName: string | null;
};

/** Submissions of `status` in the units below `roots`, with the last event that put them there. */
async function submissionsIn(
  roots: readonly number[],
  status: "SUBMITTED" | "RETURNED",
  action: "SUBMIT" | "RETURN",
): Promise<SubmissionItem[]> {
  if (roots.length === 0) return [];
  const rows = await db().$queryRaw<SubmissionRow[]>`
    SELECT w.slug AS "wardSlug", w.name AS "wardName", p.year, g.slug AS "programmeSlug", g.code AS "programmeCode",
           ev.at, ev.comment, ev.actor_name AS "actorName"
    FROM submission s
    JOIN org_unit w ON w.id = s.org_unit_id AND ${wardInRootsSql(roots)}
    JOIN period p ON p.id = s.period_id
    JOIN programme g ON g.id = s.programme_id
    LEFT JOIN LATERAL (
      SELECT e.at, e.comment, e.actor_name FROM submission_event e
      WHERE e.submission_id = s.id AND e.action = ${action}::submission_action
      ORDER BY e.at DESC, e.id DESC LIMIT 1
    ) ev ON true
    WHERE s.status = ${status}::submission_status
    ORDER BY ev.at ASC NULLS FIRST, w.name, p.year, g.number
    LIMIT ${INBOX_LIMIT}`;
  return rows.map((r) => ({
    ward: { slug: r.wardSlug, name: r.wardName },
    year: r.year,
    programme: { slug: r.programmeSlug, code: r.programmeCode },
    at: r.at?.toISOString() ?? null,
    comment: r.comment,
    actorName: r.actorName,
  }));
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** For ward officials: due dates within `soonDays` days of `today` (Hà Nội date) or passed. */
async function wardDeadlines(roots: readonly number[], today: string, soonDays: number): Promise<WardDeadlineItem[]> {
  if (roots.length === 0) return [];
  const dueBy = isoDate(new Date(Date.parse(`${today}T00:00:00Z`) + soonDays * 86_400_000));
  // the year's programmes are the district's and the city's; one not sent is DRAFT, RETURNED or absent
  const rows = await db().$queryRaw<{ wardSlug: string; wardName: string; year: number; dueOn: Date; open: number }[]>`
    SELECT w.slug AS "wardSlug", w.name AS "wardName", p.year, d.due_on AS "dueOn", count(*)::int AS open
    FROM org_unit w
    ${owedUnderDeadlineSql(Prisma.sql`d.due_on <= ${dueBy}::date AND ${wardInRootsSql(roots)}`)}
    GROUP BY w.slug, w.name, w.sort_order, p.year, d.due_on
    ORDER BY d.due_on, w.sort_order, w.name
    LIMIT ${INBOX_LIMIT}`;
  return rows.map((r) => ({
    ward: { slug: r.wardSlug, name: r.wardName },
    year: r.year,
    dueOn: isoDate(r.dueOn),
    openProgrammes: r.open,
  }));
}

/** SQL: the ward in `w` is below `roots` and still owes a programme of the year of period `p`. */
const lateWardSql = (roots: readonly number[]) => Prisma.sql`${wardInRootsSql(roots)} AND ${owesAnyProgrammeSql}`;

/**
 * SQL: the district in `dist` can hold a ward below `roots`: it is below them itself, or it is the
 * parent of a root. (A ward's path is its district's and its own id.) Tested before the wards are,
 * so that the due dates of the districts of other readers cost no look at their wards (3.321 each).
 */
const districtOfRootsSql = (roots: readonly number[]) =>
  Prisma.sql`(dist.path && ${[...roots]}::int[] OR dist.id IN (SELECT r.parent_id FROM org_unit r WHERE r.id = ANY(${[...roots]}::int[])))`;

const dayBeforeOf = (today: string) => isoDate(new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000));

/** The cache key of an answer about the wards below `roots` on `today` (roots in any order). */
const rootsDayKey = (kind: string, roots: readonly number[], today: string) =>
  `${kind}:${[...roots].sort((a, b) => a - b).join(",")}:${today}`;

/**
 * For district staff: per district and year whose due date has passed (before `today`), whether a ward
 * below `roots` has not sent. In the header of every page: kept per process until a ward sends or is
 * returned, a due date or the catalogue changes (`cachedProgress`); when every ward has sent, the
 * statement must look at each of them (72 ms of CPU at 3.321 wards).
 */
function lateWards(roots: readonly number[], today: string): Promise<LateWardsItem[]> {
  if (roots.length === 0) return Promise.resolve([]);
  return cachedProgress(rootsDayKey("lateWards", roots, today), () => readLateWards(roots, today));
}

/** `lateWards` read: the search stops at the first late ward of each district and year. */
async function readLateWards(roots: readonly number[], today: string): Promise<LateWardsItem[]> {
  // a lateral with LIMIT 1, not EXISTS: PostgreSQL would make EXISTS a join over every ward
  const rows = await db().$queryRaw<{ districtSlug: string; districtName: string; year: number; dueOn: Date }[]>`
    SELECT dist.slug AS "districtSlug", dist.name AS "districtName", p.year, d.due_on AS "dueOn"
    FROM deadline d
    JOIN period p ON p.id = d.period_id
    JOIN org_unit dist ON dist.id = d.district_id
    CROSS JOIN LATERAL (
      SELECT 1 FROM org_unit w WHERE w.parent_id = dist.id AND ${lateWardSql(roots)} LIMIT 1
    ) late
    WHERE d.due_on <= ${dayBeforeOf(today)}::date AND ${districtOfRootsSql(roots)}
    ORDER BY d.due_on, dist.name
    LIMIT ${INBOX_LIMIT}`;
  return rows.map((r) => ({
    district: { slug: r.districtSlug, name: r.districtName },
    year: r.year,
    dueOn: isoDate(r.dueOn),
  }));
}

/**
 * How many wards below `roots` have not sent after each passed due date, by `${district slug}:${year}`
 * (the items of `lateWards`): a ward counts once, found by its path, its programmes tried until one is
 * not sent. What the home page's list shows; every ward is looked at, so kept as `lateWards` is.
 */
export function countLateWards(roots: readonly number[], today: string): Promise<Map<string, number>> {
  if (roots.length === 0) return Promise.resolve(new Map());
  return cachedProgress(rootsDayKey("lateWardCounts", roots, today), () => readLateWardCounts(roots, today));
}

async function readLateWardCounts(roots: readonly number[], today: string): Promise<Map<string, number>> {
  const rows = await db().$queryRaw<{ districtSlug: string; year: number; lateWards: number }[]>`
    SELECT dist.slug AS "districtSlug", p.year, count(*)::int AS "lateWards"
    FROM org_unit w
    JOIN org_unit dist ON dist.id = w.parent_id
    JOIN deadline d ON d.district_id = dist.id
    JOIN period p ON p.id = d.period_id
    WHERE d.due_on <= ${dayBeforeOf(today)}::date AND ${lateWardSql(roots)}
    GROUP BY dist.slug, p.year`;
  return new Map(rows.map((r) => [`${r.districtSlug}:${r.year}`, r.lateWards]));
}

/** For those who may unlock: the open unlock requests of the wards below `roots`, oldest first. */
async function openUnlockRequests(roots: readonly number[]): Promise<UnlockRequestItem[]> {
  if (roots.length === 0) return [];
  const rows = await db().$queryRaw<(SubmissionRow & { reason: string; requestedByName: string; at: Date })[]>`
    SELECT w.slug AS "wardSlug", w.name AS "wardName", p.year, g.slug AS "programmeSlug", g.code AS "programmeCode",
           r.reason, r.requested_by_name AS "requestedByName", r.requested_at AS at
    FROM unlock_request r
    JOIN submission s ON s.id = r.submission_id
    JOIN org_unit w ON w.id = s.org_unit_id AND ${wardInRootsSql(roots)}
    JOIN period p ON p.id = s.period_id
    JOIN programme g ON g.id = s.programme_id
    WHERE r.status = 'OPEN'
    ORDER BY r.requested_at, w.name, p.year, g.number
    LIMIT ${INBOX_LIMIT}`;
  return rows.map((r) => ({
    ward: { slug: r.wardSlug, name: r.wardName },
    year: r.year,
    programme: { slug: r.programmeSlug, code: r.programmeCode },
    reason: r.reason,
    requestedByName: r.requestedByName,
    at: r.at.toISOString(),
  }));
}

/**
 * For a ward official: their own unlock requests refused, on wards below `roots` where they still enter
 * figures. Gone once marked read ("Đã xem"), once a newer request is made on the same figures, or once
 * the figures are no longer approved (unlocked after all): the refusal is then no longer news.
 */
async function refusedUnlocks(roots: readonly number[], userId: string | undefined): Promise<RefusedUnlockItem[]> {
  if (roots.length === 0 || !userId) return [];
  const rows = await db().$queryRaw<
    (SubmissionRow & {
      requestId: number;
      reason: string;
      requestedByName: string;
      requestedAt: Date;
      comment: string;
      decidedByName: string;
      decidedAt: Date;
    })[]
  >`
    SELECT r.id AS "requestId", w.slug AS "wardSlug", w.name AS "wardName", p.year, g.slug AS "programmeSlug",
           g.code AS "programmeCode", r.reason, r.requested_by_name AS "requestedByName",
           r.requested_at AS "requestedAt", r.decision_comment AS comment, r.decided_by_name AS "decidedByName",
           r.decided_at AS "decidedAt"
    FROM unlock_request r
    JOIN submission s ON s.id = r.submission_id
    JOIN org_unit w ON w.id = s.org_unit_id AND ${wardInRootsSql(roots)}
    JOIN period p ON p.id = s.period_id
    JOIN programme g ON g.id = s.programme_id
    WHERE r.status = 'REFUSED' AND r.requested_by_id = ${userId} AND s.status = 'APPROVED'
      AND NOT EXISTS (SELECT 1 FROM unlock_refusal_seen seen WHERE seen.request_id = r.id)
      AND NOT EXISTS (SELECT 1 FROM unlock_request later
                      WHERE later.submission_id = r.submission_id AND later.id > r.id)
    ORDER BY r.decided_at DESC, w.name, p.year, g.number
    LIMIT ${INBOX_LIMIT}`;
  return rows.map((r) => ({
    requestId: r.requestId,
    ward: { slug: r.wardSlug, name: r.wardName },
    year: r.year,
    programme: { slug: r.programmeSlug, code: r.programmeCode },
    reason: r.reason,
    requestedByName: r.requestedByName,
    at: r.decidedAt.toISOString(),
    comment: r.comment,
    decidedByName: r.decidedByName,
  }));
}

/** For administrators: accounts that must change their password, and bursts of failed sign-ins. */
async function accountItems(burstFailures: number): Promise<Pick<Inbox, "mustChangePassword" | "signInBursts">> {
  const [counts, bursts] = await Promise.all([
    db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM app_user WHERE must_change_password AND NOT disabled`,
    db().$queryRaw<{ kind: "address" | "account"; key: string; failures: number; lastAt: Date }[]>`
      SELECT kind, key, failures, "lastAt" FROM (
        SELECT 'address' AS kind, address AS key, count(*)::int AS failures, max(at) AS "lastAt"
        FROM sign_in_attempt WHERE NOT success AND at > now() - interval '24 hours'
        GROUP BY address HAVING count(*) >= ${burstFailures}
        UNION ALL
        SELECT 'account', identifier, count(*)::int, max(at)
        FROM sign_in_attempt WHERE NOT success AND at > now() - interval '24 hours'
        GROUP BY identifier HAVING count(*) >= ${burstFailures}
      ) b
      ORDER BY "lastAt" DESC
      LIMIT ${INBOX_LIMIT}`,
  ]);
  return {
    mustChangePassword: counts[0]?.n ?? 0,
    signInBursts: bursts.map((b) => ({ ...b, lastAt: b.lastAt.toISOString() })),
  };
}

/** For ward officials: per submission, the open questions on figures without an answer. */
async function unansweredQuestions(roots: readonly number[]): Promise<QuestionsItem[]> {
  if (roots.length === 0) return [];
  const rows = await db().$queryRaw<
    {
      wardSlug: string;
      wardName: string;
      year: number;
      programmeSlug: string;
      programmeCode: string;
      n: number;
      since: Date;
    }[]
  >`
    SELECT w.slug AS "wardSlug", w.name AS "wardName", p.year, g.slug AS "programmeSlug", g.code AS "programmeCode",
           count(*)::int AS n, min(q.at) AS since
    FROM figure_comment q
    JOIN submission s ON s.id = q.submission_id
    JOIN org_unit w ON w.id = s.org_unit_id AND ${wardInRootsSql(roots)}
    JOIN period p ON p.id = s.period_id
    JOIN programme g ON g.id = s.programme_id
    WHERE q.question_id IS NULL AND q.closed_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM figure_comment a WHERE a.question_id = q.id)
    GROUP BY w.slug, w.name, p.year, g.slug, g.code, g.number
    ORDER BY since, w.name, p.year, g.number
    LIMIT ${INBOX_LIMIT}`;
  return rows.map((r) => ({
    ward: { slug: r.wardSlug, name: r.wardName },
    year: r.year,
    programme: { slug: r.programmeSlug, code: r.programmeCode },
    questions: r.n,
    since: r.since.toISOString(),
  }));
}

/**
 * Everything waiting for a person with these rights, as of `today` (the Hà Nội date, yyyy-mm-dd).
 * `soonDays`: how far ahead a ward official is reminded of a due date; `burstFailures`: failed sign-ins
 * in 24 hours that an administrator should look at.
 */
export async function getInbox({
  userId,
  roots,
  today,
  soonDays,
  burstFailures,
}: {
  /** the person: their own refused unlock requests (absent: none) */
  userId?: string;
  roots: InboxRoots;
  today: string;
  soonDays: number;
  burstFailures: number;
}): Promise<Inbox> {
  const [awaitingApproval, returned, questions, deadlines, late, unlockRequests, refused, accounts] = await Promise.all(
    [
      submissionsIn(roots.approve, "SUBMITTED", "SUBMIT"),
      submissionsIn(roots.edit, "RETURNED", "RETURN"),
      unansweredQuestions(roots.edit),
      wardDeadlines(roots.edit, today, soonDays),
      lateWards(roots.deadlines, today),
      openUnlockRequests(roots.unlock ?? []),
      refusedUnlocks(roots.edit, userId),
      roots.accounts ? accountItems(burstFailures) : { mustChangePassword: 0, signInBursts: [] },
    ],
  );
  return {
    awaitingApproval,
    returned,
    questions,
    deadlines,
    lateWards: late,
    unlockRequests,
    refusedUnlocks: refused,
    ...accounts,
  };
}
