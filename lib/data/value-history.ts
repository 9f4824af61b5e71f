import "server-only";
// The history of one figure: the audit rows of its entry value (entity "entry_value", keyed by
// valueKey) and of its published result (entity "result", keyed by the result's id), newest first.
import { db } from "@/lib/db";
import { type ReadScope, scopeWhere } from "./scope";
import { valueKey } from "./entry-save";

export type ValueHistoryEntry = {
  at: string;
  who: string;
  /**
   * "entry": a save of the working copy; "result": a change of the published figure; "question" /
   * "answer": the committee's question on the figure and the ward's answer (`note`: the text,
   * `newValue`: the figure when written)
   */
  kind: "entry" | "result" | "question" | "answer";
  action: "CREATE" | "UPDATE" | "DELETE";
  oldValue: string | null;
  newValue: string | null;
  note: string | null;
};

/** At most this many rows: enough to follow a figure, small enough to load on demand. */
const LIMIT = 50;

/**
 * History of the figure of `indicatorCode` (programme `programmeSlug`) for `unitSlug` — the ward
 * or one of its residential groups — in `year`, with the committee's questions on it and the answers.
 * Null when any of them is unknown. Five queries.
 */
export async function getValueHistory({
  wardSlug,
  year,
  programmeSlug,
  unitSlug,
  indicatorCode,
  readable,
}: {
  wardSlug: string;
  year: number;
  programmeSlug: string;
  unitSlug: string;
  indicatorCode: string;
  readable: ReadScope;
}): Promise<ValueHistoryEntry[] | null> {
  const [unit, indicator] = await Promise.all([
    db().orgUnit.findFirst({
      where: { slug: unitSlug, OR: [{ slug: wardSlug }, { parent: { slug: wardSlug } }], ...scopeWhere(readable) },
      select: { id: true },
    }),
    db().indicator.findFirst({
      where: {
        code: indicatorCode,
        programme: { slug: programmeSlug, term: { startYear: { lte: year }, endYear: { gte: year } } },
      },
      select: {
        id: true,
        programme: {
          select: { term: { select: { periods: { where: { kind: "YEAR", year }, select: { id: true } } } } },
        },
      },
    }),
  ]);
  const periodId = indicator?.programme.term.periods[0]?.id;
  if (!unit || !indicator || periodId === undefined) return null;
  const result = await db().result.findUnique({
    where: { indicatorId_periodId_orgUnitId: { indicatorId: indicator.id, periodId, orgUnitId: unit.id } },
    select: { id: true },
  });
  const comments = await db().figureComment.findMany({
    where: { indicatorId: indicator.id, orgUnitId: unit.id, submission: { periodId } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: LIMIT,
    select: { at: true, authorName: true, body: true, value: true, questionId: true },
  });
  const rows = await db().auditLog.findMany({
    where: {
      OR: [
        { entity: "entry_value", entityId: valueKey(indicator.id, unit.id, periodId) },
        ...(result ? [{ entity: "result", entityId: String(result.id) }] : []),
      ],
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: LIMIT,
    select: {
      at: true,
      actor: true,
      action: true,
      entity: true,
      field: true,
      oldValue: true,
      newValue: true,
      context: true,
    },
  });
  const actors = [...new Set(rows.map((r) => r.actor).filter((a) => a !== "seed"))];
  const names = actors.length
    ? new Map(
        (await db().user.findMany({ where: { id: { in: actors } }, select: { id: true, name: true } })).map((u) => [
          u.id,
          u.name,
        ]),
      )
    : new Map<string, string>();
  const thread: ValueHistoryEntry[] = comments.map((c) => ({
    at: c.at.toISOString(),
    who: c.authorName,
    kind: c.questionId === null ? "question" : "answer",
    action: "CREATE",
    oldValue: null,
    newValue: c.value,
    note: c.body,
  }));
  const changes = rows
    .filter((r) => r.field === null || r.field === "value")
    .map((r): ValueHistoryEntry => {
      const context = (r.context ?? {}) as { actorName?: string; note?: string | null };
      return {
        at: r.at.toISOString(),
        who:
          r.actor === "seed" ? "Nạp dữ liệu ban đầu" : (names.get(r.actor) ?? context.actorName ?? "Tài khoản đã xóa"),
        kind: r.entity === "result" ? "result" : "entry",
        action: r.action,
        oldValue: r.oldValue,
        newValue: r.newValue,
        note: typeof context.note === "string" ? context.note : null,
      };
    });
  // newest first, the questions and answers among the changes
  return [...changes, ...thread].sort((a, b) => b.at.localeCompare(a.at)).slice(0, LIMIT);
}
