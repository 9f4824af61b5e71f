import "server-only";
// The wards' due date of a year, set per district by its staff: versioned and audited like every write.
// Not scoped by the reader: a ward's readers see their district's due date, and the reads here are
// reached only through a ward or district that review.ts already found inside the reader's scope.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Failure } from "@/lib/result";
import type { Actor } from "./entry-save";
import { appliesToRowsSql } from "./programmes";
import { isoDay } from "./serialize";

export type DeadlineInfo = { dueOn: string; version: number; setByName: string | null; updatedAt: string };

/** The due date of (district, period), with the name of who set it: one statement (the user joined). */
export async function getDeadline(districtId: number, periodId: number): Promise<DeadlineInfo | null> {
  const [d] = await db().$queryRaw<{ dueOn: Date; version: number; setByName: string | null; updatedAt: Date }[]>`
    SELECT d.due_on AS "dueOn", d.version, u.name AS "setByName", d.updated_at AS "updatedAt"
      FROM deadline d LEFT JOIN app_user u ON u.id = d.set_by_id
     WHERE d.district_id = ${districtId} AND d.period_id = ${periodId}`;
  if (!d) return null;
  return {
    dueOn: isoDay(d.dueOn)!,
    version: d.version,
    setByName: d.setByName,
    updatedAt: d.updatedAt.toISOString(),
  };
}

/** Due dates of several years of one district, by period id. */
export async function getDeadlines(districtId: number, periodIds: number[]): Promise<Map<number, string>> {
  const rows = await db().deadline.findMany({
    where: { districtId, periodId: { in: periodIds } },
    select: { periodId: true, dueOn: true },
  });
  return new Map(rows.map((r) => [r.periodId, isoDay(r.dueOn)!]));
}

export type SetDeadlineOutcome = { ok: true; version: number } | Failure<"conflict", { current: DeadlineInfo | null }>;

/**
 * Sets the due date of (district, YEAR period) if it is still at `expectedVersion` (0: none was set
 * when the form was opened). Writes the audit row in the same transaction.
 */
export async function setDeadline({
  actor,
  target,
  dueOn,
  expectedVersion,
}: {
  actor: Actor;
  target: { districtId: number; periodId: number; year: number };
  dueOn: string;
  expectedVersion: number;
}): Promise<SetDeadlineOutcome> {
  const due = new Date(`${dueOn}T00:00:00Z`);
  try {
    const version = await db().$transaction(async (tx) => {
      const key = { districtId_periodId: { districtId: target.districtId, periodId: target.periodId } };
      const cur = await tx.deadline.findUnique({ where: key, select: { id: true, dueOn: true, version: true } });
      if ((cur?.version ?? 0) !== expectedVersion) return null;
      const context = {
        districtId: target.districtId,
        periodId: target.periodId,
        year: target.year,
        actorName: actor.name,
      };
      if (!cur) {
        const created = await tx.deadline.create({
          data: { districtId: target.districtId, periodId: target.periodId, dueOn: due, setById: actor.userId },
          select: { id: true, version: true },
        });
        await tx.auditLog.create({
          data: {
            actor: actor.userId,
            action: "CREATE",
            entity: "deadline",
            entityId: String(created.id),
            field: "dueOn",
            newValue: dueOn,
            context: { ...context, version: 1 },
          },
        });
        return created.version;
      }
      const old = isoDay(cur.dueOn);
      if (old === dueOn) return cur.version;
      const n = await tx.deadline.updateMany({
        where: { id: cur.id, version: cur.version },
        data: { dueOn: due, setById: actor.userId, version: { increment: 1 } },
      });
      if (n.count !== 1) return null;
      await tx.auditLog.create({
        data: {
          actor: actor.userId,
          action: "UPDATE",
          entity: "deadline",
          entityId: String(cur.id),
          field: "dueOn",
          oldValue: old,
          newValue: dueOn,
          context: { ...context, version: cur.version + 1 },
        },
      });
      return cur.version + 1;
    });
    if (version !== null) return { ok: true, version };
  } catch (e) {
    // two first deadlines of the same year at once: the unique index lets one in
    if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) throw e;
  }
  return { ok: false, code: "conflict", current: await getDeadline(target.districtId, target.periodId) };
}

// What "a ward still owes a programme" means, once for every reader: the inbox (due soon; districts
// with late wards, stopping at the first one), the home page's count of late wards, and the deadline
// reminders mailed per ward. In SQL over rows `w` (org_unit), `p` (a YEAR period) and `g` (programme):
// `w` is a ward that existed in `p`'s year, `g` is a programme of `p`'s term that applies to `w`, and
// `w` has not sent it for that year (no submission, a draft, or returned).

/** SQL: the unit in `w` is a ward that existed in the year of period `p`. */
const wardOfYearSql = Prisma.sql`w.level = 'WARD'
  AND w.valid_from <= make_date(p.year, 12, 31) AND (w.valid_to IS NULL OR w.valid_to >= make_date(p.year, 1, 1))`;

/** SQL: the programme in `g` is of the term of period `p`, applies to `w`, and `w` has not sent it for `p`. */
const programmeNotSentSql = Prisma.sql`g.term_id = p.term_id
  AND ${appliesToRowsSql(
    { id: Prisma.sql`g.id`, issuerId: Prisma.sql`g.issuer_id` },
    { id: Prisma.sql`w.id`, path: Prisma.sql`w.path` },
  )}
  AND NOT EXISTS (
    SELECT 1 FROM submission sent
    WHERE sent.org_unit_id = w.id AND sent.period_id = p.id AND sent.programme_id = g.id
      AND sent.status NOT IN ('DRAFT', 'RETURNED')
  )`;

/** SQL: the ward in `w` still owes the programme in `g` for the year of period `p`. */
export const owesProgrammeSql = Prisma.sql`${wardOfYearSql} AND ${programmeNotSentSql}`;

/**
 * SQL: the ward in `w` still owes some programme for the year of period `p` (the ward's own columns
 * tested first, then its programmes until one is owed).
 */
export const owesAnyProgrammeSql = Prisma.sql`${wardOfYearSql}
  AND EXISTS (SELECT 1 FROM programme g WHERE ${programmeNotSentSql})`;

/**
 * The programmes a ward `w` (in the FROM) still owes under its district's due dates: rows of `dist`
 * (its district), `d` (a deadline of the district), `p` (its year) and `g` (a programme the ward owes
 * that year: `owesProgrammeSql`) where `due` holds of `d`. The inbox (due soon) and the deadline
 * reminders read the same rows.
 */
export const owedUnderDeadlineSql = (due: Prisma.Sql): Prisma.Sql => Prisma.sql`
    JOIN org_unit dist ON dist.id = w.parent_id
    JOIN deadline d ON d.district_id = dist.id
    JOIN period p ON p.id = d.period_id
    JOIN programme g ON ${owesProgrammeSql}
    WHERE ${due}`;
