import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ReportParagraphKind } from "@/lib/generated/prisma/enums";
import type { Failure } from "@/lib/result";
import type { Actor } from "./entry-save";
import { type ReadScope, orgUnitScopeWhere } from "./scope";

export type ParagraphInfo = { text: string; version: number; updatedAt: string };
export type ReportPeriod = { termId: number; year: number | null };

const periodWhere = (p: ReportPeriod) =>
  p.year === null
    ? { termId: p.termId, kind: "TERM" as const }
    : { termId: p.termId, kind: "YEAR" as const, year: p.year };

/** The ward's paragraphs of a report period, by kind (one query); none outside `scope`. */
export async function getReportParagraphs({
  wardSlug,
  period,
  scope,
}: {
  wardSlug: string;
  period: ReportPeriod;
  scope: ReadScope;
}): Promise<Partial<Record<ReportParagraphKind, ParagraphInfo>>> {
  const rows = await db().reportParagraph.findMany({
    where: { orgUnit: { slug: wardSlug }, ...orgUnitScopeWhere(scope), period: periodWhere(period) },
    select: { kind: true, text: true, version: true, updatedAt: true },
  });
  return Object.fromEntries(
    rows.map((r) => [r.kind, { text: r.text, version: r.version, updatedAt: r.updatedAt.toISOString() }]),
  );
}

/**
 * Is the report period still open for the ward's paragraphs? A year closes when every programme of
 * the term has the ward's figures of that year approved; the term closes with its last year.
 */
export async function isReportPeriodOpen(wardId: number, termId: number, year: number | null): Promise<boolean> {
  const term = await db().term.findUnique({ where: { id: termId }, select: { endYear: true } });
  if (!term) return false;
  const y = year ?? term.endYear;
  const [programmes, approved] = await Promise.all([
    db().programme.count({ where: { termId } }),
    db().submission.count({
      where: { orgUnitId: wardId, status: "APPROVED", period: { termId, kind: "YEAR", year: y } },
    }),
  ]);
  return approved < programmes;
}

export type ParagraphSaveOutcome =
  | { ok: true; version: number }
  | Failure<"not-found">
  | Failure<"locked">
  | Failure<"conflict", { current: ParagraphInfo | null }>;

/**
 * Saves one paragraph if `version` is the one stored (0: none stored yet), in one transaction with
 * its audit row. A stale version is refused with what is stored now; nothing is overwritten.
 */
export async function saveReportParagraph({
  actor,
  wardId,
  period,
  kind,
  text,
  version,
}: {
  actor: Actor;
  wardId: number;
  period: ReportPeriod;
  kind: ReportParagraphKind;
  text: string;
  version: number;
}): Promise<ParagraphSaveOutcome> {
  const [row, ward] = await Promise.all([
    db().period.findFirst({ where: periodWhere(period), select: { id: true } }),
    db().orgUnit.findFirst({ where: { id: wardId, level: "WARD" }, select: { id: true } }),
  ]);
  if (!row || !ward) return { ok: false, code: "not-found" };
  if (!(await isReportPeriodOpen(wardId, period.termId, period.year))) return { ok: false, code: "locked" };
  const periodId = row.id;
  const context = { wardId, periodId, year: period.year, kind, actorName: actor.name };
  const result = await db()
    .$transaction(async (tx) => {
      // the row lock orders concurrent saves of the same paragraph; the version decides who wins
      const cur = (
        await tx.$queryRaw<{ id: number; text: string; version: number }[]>`
        SELECT id, text, version FROM report_paragraph
        WHERE org_unit_id = ${wardId} AND period_id = ${periodId} AND kind = ${kind}::report_paragraph_kind
        FOR UPDATE`
      )[0];
      if ((cur?.version ?? 0) !== version) return null;
      if (cur && cur.text === text) return cur.version;
      if (!cur) {
        const created = await tx.reportParagraph.create({
          data: { orgUnitId: wardId, periodId, kind, text, updatedById: actor.userId },
          select: { id: true },
        });
        await tx.auditLog.create({
          data: {
            actor: actor.userId,
            action: "CREATE",
            entity: "report_paragraph",
            entityId: String(created.id),
            field: "text",
            newValue: text,
            context: { ...context, version: 1 },
          },
        });
        return 1;
      }
      await tx.reportParagraph.update({
        where: { id: cur.id },
        data: { text, updatedById: actor.userId, version: { increment: 1 } },
      });
      await tx.auditLog.create({
        data: {
          actor: actor.userId,
          action: "UPDATE",
          entity: "report_paragraph",
          entityId: String(cur.id),
          field: "text",
          oldValue: cur.text,
          newValue: text,
          context: { ...context, version: cur.version + 1 },
        },
      });
      return cur.version + 1;
    })
    // two first saves of the same paragraph at once: the unique index lets one in, the other is stale
    .catch((e: unknown) => {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return null;
      throw e;
    });
  if (result !== null) return { ok: true, version: result };
  const current = await db().reportParagraph.findFirst({
    where: { orgUnitId: wardId, periodId, kind },
    select: { text: true, version: true, updatedAt: true },
  });
  return {
    ok: false,
    code: "conflict",
    current: current && { text: current.text, version: current.version, updatedAt: current.updatedAt.toISOString() },
  };
}
