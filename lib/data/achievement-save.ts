import "server-only";
// Writes of named achievements: one transaction each, the submissions it leaves and joins locked (an
// entered achievement is reviewed with the ward's figures of its year and programme: a draft until
// approved, refused while sent or approved), then the row; version checked, audited per field.
import { db } from "@/lib/db";
import type { AuditValue } from "@/lib/domain/audit-diff";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AchievementForm, FieldErrors } from "@/lib/validation/land-clearance";
import { achievementFieldsSelect } from "./records";
import {
  type Actor,
  Refusal,
  type Tx,
  type WriteOutcome,
  audit,
  ensureEntrySource,
  inTransaction,
  lockEditableSubmissions,
  requireEntrySource,
  reviewYear,
  wardFor,
} from "./record-write";

export const ACHIEVEMENT_ENTITY = "achievement";

const invalid = (fieldErrors: FieldErrors) => new Refusal({ ok: false, code: "invalid", fieldErrors });

const select = {
  id: true,
  ...achievementFieldsSelect,
  version: true,
  updatedAt: true,
  submissionId: true,
  programme: { select: { slug: true } },
  term: { select: { startYear: true, endYear: true } },
} as const;
type Row = Prisma.AchievementGetPayload<{ select: typeof select }>;

function rowValues(a: Row): Record<string, AuditValue> {
  return {
    kind: a.kind,
    status: a.status,
    year: a.year,
    title: a.title,
    subject: a.subjectOrgUnit?.slug ?? null,
    recognitionLevel: a.recognitionLevel,
    programme: a.programme?.slug ?? null,
    note: a.note,
  };
}

function formValues(f: AchievementForm): Record<string, AuditValue> {
  return {
    kind: f.kind,
    status: f.status,
    year: f.year ?? null,
    title: f.title,
    subject: f.subject ?? null,
    recognitionLevel: f.recognitionLevel ?? null,
    programme: f.programme ?? null,
    note: f.note,
  };
}

/** The columns a create and an update write from the form. */
function achievementData(f: AchievementForm, refs: { programmeId: number | null; subjectOrgUnitId: number | null }) {
  return {
    programmeId: refs.programmeId,
    subjectOrgUnitId: refs.subjectOrgUnitId,
    kind: f.kind,
    status: f.status,
    year: f.year ?? null,
    title: f.title,
    recognitionLevel: f.recognitionLevel ?? null,
    note: f.note,
  };
}

/** The ids the form's slugs name, checked: the group must be one of the ward's, the programme of the term. */
async function resolveRefs({ tx, wardId, termId, f }: { tx: Tx; wardId: number; termId: number; f: AchievementForm }) {
  const errors: FieldErrors = {};
  const subject = f.subject
    ? await tx.orgUnit.findFirst({
        where: { slug: f.subject, parentId: wardId, level: "RESIDENTIAL_GROUP" },
        select: { id: true },
      })
    : null;
  if (f.subject && !subject) errors.subject = ["Tổ dân phố không thuộc phường."];
  const programme = f.programme
    ? await tx.programme.findFirst({ where: { slug: f.programme, termId }, select: { id: true } })
    : null;
  if (f.programme && !programme) errors.programme = ["Chương trình không thuộc nhiệm kỳ."];
  return { errors, subjectOrgUnitId: subject?.id ?? null, programmeId: programme?.id ?? null };
}

function yearErrors(year: number | undefined, term: { startYear: number; endYear: number }): FieldErrors {
  return year !== undefined && (year < term.startYear || year > term.endYear)
    ? { year: [`Năm phải trong nhiệm kỳ ${term.startYear}–${term.endYear}.`] }
    : {};
}

const duplicate = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
const DUPLICATE: WriteOutcome = {
  ok: false,
  code: "invalid",
  fieldErrors: { title: ["Phường đã có danh hiệu, mô hình cùng loại, cùng tên và cùng năm."] },
};

export async function createAchievement(actor: Actor, wardId: number, f: AchievementForm): Promise<WriteOutcome> {
  try {
    return await inTransaction(db(), async (tx) => {
      const ward = await wardFor(tx, wardId);
      const term = await tx.term.findUnique({
        where: { slug: f.term },
        select: { id: true, startYear: true, endYear: true },
      });
      if (!term) throw new Refusal({ ok: false, code: "not-found" });
      const refs = await resolveRefs({ tx, wardId: ward.id, termId: term.id, f });
      const errors = { ...yearErrors(f.year, term), ...refs.errors };
      if (Object.keys(errors).length > 0) throw invalid(errors);
      const [submissionId] = await lockEditableSubmissions({
        tx,
        wardId: ward.id,
        ids: [],
        keys: [reviewKey({ termId: term.id, f, term, programmeId: refs.programmeId })],
      });
      const sourceId = await ensureEntrySource(tx, actor, ward);
      const created = await tx.achievement.create({
        data: {
          orgUnitId: ward.id,
          termId: term.id,
          ...achievementData(f, refs),
          sourceId,
          submissionId,
        },
        select: { id: true, version: true },
      });
      const changed = await audit({
        tx,
        actor,
        action: "CREATE",
        entity: ACHIEVEMENT_ENTITY,
        entityId: created.id,
        before: {},
        after: formValues(f),
        context: { ward: ward.slug, term: f.term, version: created.version },
      });
      return { ok: true, id: created.id, version: created.version, changed };
    });
  } catch (e) {
    if (duplicate(e)) return DUPLICATE;
    throw e;
  }
}

/**
 * The submission an achievement is reviewed with: its year (else the term's last) and its programme
 * (else the term's land-clearance programme, 03-CTr/QU, whose page it is entered on).
 */
const reviewKey = ({
  termId,
  f,
  term,
  programmeId,
}: {
  termId: number;
  f: { year?: number | null };
  term: { endYear: number };
  programmeId: number | null;
}) => ({
  termId,
  year: reviewYear([f.year], term),
  programmeId,
});

async function readAchievement(tx: Tx, id: number, wardId: number): Promise<Row & { termId: number }> {
  const a = await tx.achievement.findFirst({ where: { id, orgUnitId: wardId }, select: { ...select, termId: true } });
  if (!a) throw new Refusal({ ok: false, code: "not-found" });
  return a;
}

/** The row locked FOR UPDATE after its submissions; one that moved to another submission meanwhile is a conflict. */
async function lockAchievement({
  tx,
  id,
  wardId,
  seen,
}: {
  tx: Tx;
  id: number;
  wardId: number;
  seen: Row;
}): Promise<Row & { termId: number }> {
  const locked = await tx.$queryRaw<
    { term_id: number }[]
  >`SELECT term_id FROM achievement WHERE id = ${id} AND org_unit_id = ${wardId} FOR UPDATE`;
  if (locked.length === 0) throw new Refusal({ ok: false, code: "not-found" });
  const cur = { ...(await tx.achievement.findUniqueOrThrow({ where: { id }, select })), termId: locked[0].term_id };
  if (cur.submissionId !== seen.submissionId) throw new Refusal({ ok: false, code: "conflict", saved: saved(cur) });
  return cur;
}

const left = (a: Row) => (a.submissionId === null ? [] : [a.submissionId]);

const saved = (a: Row) => ({ version: a.version, updatedAt: a.updatedAt.toISOString(), values: rowValues(a) });

export async function updateAchievement({
  actor,
  wardId,
  id,
  f,
}: {
  actor: Actor;
  wardId: number;
  id: number;
  f: AchievementForm;
}): Promise<WriteOutcome> {
  try {
    return await inTransaction(db(), async (tx) => {
      const ward = await wardFor(tx, wardId);
      const seen = await readAchievement(tx, id, ward.id);
      requireEntrySource(seen.source);
      if (seen.version !== f.version) throw new Refusal({ ok: false, code: "conflict", saved: saved(seen) });
      const refs = await resolveRefs({ tx, wardId: ward.id, termId: seen.termId, f });
      const errors = { ...yearErrors(f.year, seen.term), ...refs.errors };
      if (Object.keys(errors).length > 0) throw invalid(errors);
      const [submissionId] = await lockEditableSubmissions({
        tx,
        wardId: ward.id,
        ids: left(seen),
        keys: [reviewKey({ termId: seen.termId, f, term: seen.term, programmeId: refs.programmeId })],
      });
      const cur = await lockAchievement({ tx, id, wardId: ward.id, seen });
      if (cur.version !== f.version) throw new Refusal({ ok: false, code: "conflict", saved: saved(cur) });
      const n = await tx.achievement.updateMany({
        where: { id, version: f.version },
        data: {
          ...achievementData(f, refs),
          submissionId,
          version: { increment: 1 },
        },
      });
      if (n.count !== 1) throw new Refusal({ ok: false, code: "conflict", saved: null });
      const changed = await audit({
        tx,
        actor,
        action: "UPDATE",
        entity: ACHIEVEMENT_ENTITY,
        entityId: id,
        before: rowValues(cur),
        after: formValues(f),
        context: { ward: ward.slug, version: f.version + 1 },
      });
      return { ok: true, id, version: f.version + 1, changed };
    });
  } catch (e) {
    if (duplicate(e)) return DUPLICATE;
    throw e;
  }
}

export async function deleteAchievement({
  actor,
  wardId,
  id,
  version,
}: {
  actor: Actor;
  wardId: number;
  id: number;
  version: number;
}): Promise<WriteOutcome> {
  return inTransaction(db(), async (tx) => {
    const ward = await wardFor(tx, wardId);
    const seen = await readAchievement(tx, id, ward.id);
    requireEntrySource(seen.source);
    if (seen.version !== version) throw new Refusal({ ok: false, code: "conflict", saved: saved(seen) });
    await lockEditableSubmissions({ tx, wardId: ward.id, ids: left(seen), keys: [] });
    const cur = await lockAchievement({ tx, id, wardId: ward.id, seen });
    if (cur.version !== version) throw new Refusal({ ok: false, code: "conflict", saved: saved(cur) });
    await tx.achievement.delete({ where: { id } });
    const changed = await audit({
      tx,
      actor,
      action: "DELETE",
      entity: ACHIEVEMENT_ENTITY,
      entityId: id,
      before: rowValues(cur),
      after: {},
      context: { ward: ward.slug, version },
    });
    return { ok: true, id, version, changed };
  });
}
