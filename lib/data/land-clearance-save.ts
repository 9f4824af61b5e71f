import "server-only";
// Writes of land-clearance projects and their yearly progress. Each is one transaction that locks
// the ward's submissions the record leaves and joins (refused unless drafts or returned: records are
// reviewed with the figures of their year and programme), then the project row, checks the version
// the person started from, writes, and audits old → new per field. A written record is a draft until
// the committee approves its submission.
import { db } from "@/lib/db";
import type { AuditValue } from "@/lib/domain/audit-diff";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  type FieldErrors,
  type ProgressForm,
  type ProjectForm,
  checkProgressTotals,
  checkProgressYear,
  checkProject,
  hasErrors,
} from "@/lib/validation/land-clearance";
import {
  type Actor,
  LAND_CLEARANCE_INDICATOR,
  Refusal,
  type Tx,
  type WriteOutcome,
  audit,
  ensureEntrySource,
  inTransaction,
  lockEditableSubmissions,
  requireEntrySource,
  reviewProgramme,
  reviewYear,
  wardFor,
} from "./record-write";
import { projectFieldsSelect } from "./records";
import { decimalOrNull } from "./serialize";

export const PROJECT_ENTITY = "land_clearance_project";
export const PROGRESS_ENTITY = "land_clearance_progress";
export { LAND_CLEARANCE_INDICATOR };

const invalid = (fieldErrors: FieldErrors) => new Refusal({ ok: false, code: "invalid", fieldErrors });
const notFound = () => new Refusal({ ok: false, code: "not-found" });

const projectSelect = {
  id: true,
  orgUnitId: true,
  ...projectFieldsSelect,
  version: true,
  updatedAt: true,
  termId: true,
  programmeId: true,
  submissionId: true,
  term: { select: { slug: true, startYear: true, endYear: true } },
} as const;

type ProjectRow = Prisma.LandClearanceProjectGetPayload<{ select: typeof projectSelect }>;

function projectValues(
  p: Pick<
    ProjectRow,
    | "name"
    | "startYear"
    | "endYear"
    | "status"
    | "householdsAffected"
    | "areaM2"
    | "compensationDong"
    | "forcedEnforcements"
    | "note"
  >,
): Record<string, AuditValue> {
  return {
    name: p.name,
    startYear: p.startYear,
    endYear: p.endYear,
    status: p.status,
    householdsAffected: p.householdsAffected,
    areaM2: decimalOrNull(p.areaM2),
    compensationDong: decimalOrNull(p.compensationDong),
    forcedEnforcements: p.forcedEnforcements,
    note: p.note,
  };
}

/** The project's fields from the form: what is written, and what the audit compares. */
const formData = (f: ProjectForm) =>
  ({
    name: f.name,
    startYear: f.startYear ?? null,
    endYear: f.endYear ?? null,
    status: f.status,
    householdsAffected: f.householdsAffected,
    areaM2: f.areaM2,
    compensationDong: f.compensationDong,
    forcedEnforcements: f.forcedEnforcements,
    note: f.note,
  }) satisfies Record<string, AuditValue>;

/** The project of this ward as it is now (not locked: its submissions are locked first). */
async function readProject(tx: Tx, id: number, wardId: number): Promise<ProjectRow> {
  const p = await tx.landClearanceProject.findFirst({ where: { id, orgUnitId: wardId }, select: projectSelect });
  if (!p) throw notFound();
  return p;
}

/**
 * The project locked FOR UPDATE until the transaction ends (progress writes take turns with it),
 * after its submissions: one that moved to another submission meanwhile is a conflict.
 */
async function lockProject({
  tx,
  id,
  wardId,
  seen,
}: {
  tx: Tx;
  id: number;
  wardId: number;
  seen: ProjectRow;
}): Promise<ProjectRow> {
  const locked = await tx.$queryRaw<
    { id: number }[]
  >`SELECT id FROM land_clearance_project WHERE id = ${id} AND org_unit_id = ${wardId} FOR UPDATE`;
  if (locked.length === 0) throw notFound();
  const cur = await tx.landClearanceProject.findUniqueOrThrow({ where: { id }, select: projectSelect });
  if (cur.submissionId !== seen.submissionId)
    throw new Refusal({ ok: false, code: "conflict", saved: savedProject(cur) });
  return cur;
}

/** The submission a project is reviewed with: its start year (else end year, else the term's last), its programme. */
const projectKey = ({
  termId,
  p,
  term,
  programmeId,
}: {
  termId: number;
  p: { startYear?: number | null; endYear?: number | null };
  term: { endYear: number };
  programmeId: number | null;
}) => ({
  termId,
  year: reviewYear([p.startYear, p.endYear], term),
  programmeId,
});

const savedProject = (p: ProjectRow) => ({
  version: p.version,
  updatedAt: p.updatedAt.toISOString(),
  values: projectValues(p),
});

const duplicateName = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

/** Creates a project of the ward in the term, with the ward's ENTRY source. */
export async function createProject(actor: Actor, wardId: number, f: ProjectForm): Promise<WriteOutcome> {
  try {
    return await inTransaction(db(), async (tx) => {
      const ward = await wardFor(tx, wardId);
      const term = await tx.term.findUnique({
        where: { slug: f.term },
        select: { id: true, startYear: true, endYear: true },
      });
      if (!term) throw notFound();
      const errors = checkProject(f, term);
      if (hasErrors(errors)) throw invalid(errors);
      const programmeId = await reviewProgramme(tx, term.id, null);
      const [submissionId] = await lockEditableSubmissions({
        tx,
        wardId: ward.id,
        ids: [],
        keys: [projectKey({ termId: term.id, p: f, term, programmeId })],
      });
      const sourceId = await ensureEntrySource(tx, actor, ward);
      const created = await tx.landClearanceProject.create({
        data: { ...formData(f), orgUnitId: ward.id, termId: term.id, programmeId, sourceId, submissionId },
        select: { id: true, version: true },
      });
      const changed = await audit({
        tx,
        actor,
        action: "CREATE",
        entity: PROJECT_ENTITY,
        entityId: created.id,
        before: {},
        after: formData(f),
        context: { ward: ward.slug, term: f.term, version: created.version },
      });
      return { ok: true, id: created.id, version: created.version, changed };
    });
  } catch (e) {
    if (duplicateName(e))
      return { ok: false, code: "invalid", fieldErrors: { name: ["Phường đã có dự án cùng tên trong nhiệm kỳ này."] } };
    throw e;
  }
}

/** Edits a project entered in the app; refused when it changed since the person opened it. */
export async function updateProject({
  actor,
  wardId,
  id,
  f,
}: {
  actor: Actor;
  wardId: number;
  id: number;
  f: ProjectForm;
}): Promise<WriteOutcome> {
  try {
    return await inTransaction(db(), async (tx) => {
      const ward = await wardFor(tx, wardId);
      const seen = await readProject(tx, id, ward.id);
      requireEntrySource(seen.source);
      if (seen.version !== f.version) throw new Refusal({ ok: false, code: "conflict", saved: savedProject(seen) });
      const errors = checkProject(f, seen.term);
      // the years name the submission the project joins: they must be right before it is locked
      if (errors.startYear || errors.endYear) throw invalid(errors);
      const [submissionId] = await lockEditableSubmissions({
        tx,
        wardId: ward.id,
        ids: seen.submissionId === null ? [] : [seen.submissionId],
        keys: [projectKey({ termId: seen.termId, p: f, term: seen.term, programmeId: seen.programmeId })],
      });
      const cur = await lockProject({ tx, id, wardId: ward.id, seen });
      if (cur.version !== f.version) throw new Refusal({ ok: false, code: "conflict", saved: savedProject(cur) });
      const progress = await tx.landClearanceProgress.findMany({
        where: { projectId: id },
        select: { year: true, householdsHandedOver: true, areaM2: true },
      });
      const totals = checkProgressTotals(
        { householdsAffected: f.householdsAffected, areaM2: f.areaM2 },
        progress.map((p) => ({ ...p, areaM2: decimalOrNull(p.areaM2) })),
      );
      // the project's own figures are what is being typed: the totals' messages go to them
      if (totals.householdsHandedOver)
        (errors.householdsAffected ??= []).push(
          "Số hộ bị ảnh hưởng nhỏ hơn tổng số hộ đã bàn giao trong tiến độ các năm.",
        );
      if (totals.areaM2)
        (errors.areaM2 ??= []).push("Diện tích nhỏ hơn tổng diện tích đã bàn giao trong tiến độ các năm.");
      if (hasErrors(errors)) throw invalid(errors);
      const before = projectValues(cur);
      const after = formData(f);
      const n = await tx.landClearanceProject.updateMany({
        where: { id, version: f.version },
        data: { ...formData(f), submissionId, version: { increment: 1 } },
      });
      if (n.count !== 1) throw new Refusal({ ok: false, code: "conflict", saved: null });
      const changed = await audit({
        tx,
        actor,
        action: "UPDATE",
        entity: PROJECT_ENTITY,
        entityId: id,
        before,
        after,
        context: { ward: ward.slug, version: f.version + 1 },
      });
      return { ok: true, id, version: f.version + 1, changed };
    });
  } catch (e) {
    if (duplicateName(e))
      return { ok: false, code: "invalid", fieldErrors: { name: ["Phường đã có dự án cùng tên trong nhiệm kỳ này."] } };
    throw e;
  }
}

/** Deletes a project entered in the app, with its yearly progress (every row audited). */
export async function deleteProject({
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
    const seen = await readProject(tx, id, ward.id);
    requireEntrySource(seen.source);
    if (seen.version !== version) throw new Refusal({ ok: false, code: "conflict", saved: savedProject(seen) });
    // the project and every year of its progress leave their submissions
    const years = await tx.landClearanceProgress.findMany({ where: { projectId: id }, select: { submissionId: true } });
    await lockEditableSubmissions({
      tx,
      wardId: ward.id,
      ids: [...(seen.submissionId === null ? [] : [seen.submissionId]), ...years.map((y) => y.submissionId)],
      keys: [],
    });
    const cur = await lockProject({ tx, id, wardId: ward.id, seen });
    if (cur.version !== version) throw new Refusal({ ok: false, code: "conflict", saved: savedProject(cur) });
    const progress = await tx.landClearanceProgress.findMany({ where: { projectId: id }, select: progressSelect });
    if (progress.some((p) => !years.some((y) => y.submissionId === p.submissionId)))
      throw new Refusal({ ok: false, code: "conflict", saved: null });
    let changed = 0;
    for (const p of progress)
      changed += await audit({
        tx,
        actor,
        action: "DELETE",
        entity: PROGRESS_ENTITY,
        entityId: p.id,
        before: progressValues(p),
        after: {},
        context: { ward: ward.slug, projectId: id, year: p.year },
      });
    await tx.landClearanceProgress.deleteMany({ where: { projectId: id } });
    await tx.landClearanceProject.delete({ where: { id } });
    changed += await audit({
      tx,
      actor,
      action: "DELETE",
      entity: PROJECT_ENTITY,
      entityId: id,
      before: projectValues(cur),
      after: {},
      context: { ward: ward.slug, version },
    });
    return { ok: true, id, version, changed };
  });
}

const progressSelect = {
  id: true,
  year: true,
  householdsHandedOver: true,
  areaM2: true,
  compensationDong: true,
  note: true,
  version: true,
  updatedAt: true,
  submissionId: true,
} as const;
type ProgressRow = Prisma.LandClearanceProgressGetPayload<{ select: typeof progressSelect }>;

function progressValues(
  p: Pick<ProgressRow, "year" | "householdsHandedOver" | "areaM2" | "compensationDong" | "note">,
): Record<string, AuditValue> {
  return {
    year: p.year,
    householdsHandedOver: p.householdsHandedOver,
    areaM2: decimalOrNull(p.areaM2),
    compensationDong: decimalOrNull(p.compensationDong),
    note: p.note,
  };
}

const savedProgress = (p: ProgressRow) => ({
  version: p.version,
  updatedAt: p.updatedAt.toISOString(),
  values: progressValues(p),
});

/**
 * Records a year's progress of a project of the ward (any source: a reported project gets its
 * progress entered in the app). `version` 0 adds the year; otherwise it names the version edited.
 */
export async function saveProgress(actor: Actor, wardId: number, f: ProgressForm): Promise<WriteOutcome> {
  try {
    return await inTransaction(db(), async (tx) => {
      const ward = await wardFor(tx, wardId);
      const seen = await readProject(tx, f.projectId, ward.id);
      const year = f.year;
      const early = checkProgressYear(f, seen.term, seen);
      if (early.year) throw invalid(early); // the year names the submission: right before it is locked
      // the year's progress is reviewed with the ward's figures of that year, on the project's programme
      const [submissionId] = await lockEditableSubmissions({
        tx,
        wardId: ward.id,
        ids: [],
        keys: [{ termId: seen.termId, year, programmeId: seen.programmeId }],
      });
      const project = await lockProject({ tx, id: f.projectId, wardId: ward.id, seen });
      const all = await tx.landClearanceProgress.findMany({
        where: { projectId: project.id },
        select: progressSelect,
        orderBy: { year: "asc" },
      });
      const cur = all.find((p) => p.year === year) ?? null;
      if ((cur?.version ?? 0) !== f.version)
        throw new Refusal({ ok: false, code: "conflict", saved: cur ? savedProgress(cur) : null });
      const errors = checkProgressYear(f, project.term, project);
      const after = { year, householdsHandedOver: f.householdsHandedOver, areaM2: f.areaM2 };
      Object.assign(
        errors,
        checkProgressTotals({ householdsAffected: project.householdsAffected, areaM2: decimalOrNull(project.areaM2) }, [
          ...all
            .filter((p) => p.year !== year)
            .map((p) => ({
              year: p.year,
              householdsHandedOver: p.householdsHandedOver,
              areaM2: decimalOrNull(p.areaM2),
            })),
          after,
        ]),
      );
      if (hasErrors(errors)) throw invalid(errors);
      const data = {
        householdsHandedOver: f.householdsHandedOver,
        areaM2: f.areaM2,
        compensationDong: f.compensationDong,
        note: f.note,
        updatedById: actor.userId,
        submissionId,
      };
      const newValues = {
        year,
        householdsHandedOver: f.householdsHandedOver,
        areaM2: f.areaM2,
        compensationDong: f.compensationDong,
        note: f.note,
      };
      const context = { ward: ward.slug, projectId: project.id, project: project.name, year };
      if (!cur) {
        const created = await tx.landClearanceProgress.create({
          data: { ...data, projectId: project.id, year },
          select: { id: true, version: true },
        });
        const changed = await audit({
          tx,
          actor,
          action: "CREATE",
          entity: PROGRESS_ENTITY,
          entityId: created.id,
          before: {},
          after: newValues,
          context: { ...context, version: created.version },
        });
        return { ok: true, id: created.id, version: created.version, changed };
      }
      const before = progressValues(cur);
      const n = await tx.landClearanceProgress.updateMany({
        where: { id: cur.id, version: f.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (n.count !== 1) throw new Refusal({ ok: false, code: "conflict", saved: null });
      const changed = await audit({
        tx,
        actor,
        action: "UPDATE",
        entity: PROGRESS_ENTITY,
        entityId: cur.id,
        before,
        after: newValues,
        context: { ...context, version: f.version + 1 },
      });
      return { ok: true, id: cur.id, version: f.version + 1, changed };
    });
  } catch (e) {
    // two first saves of the same year at once: the unique index lets one in
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
      return { ok: false, code: "conflict", saved: null };
    throw e;
  }
}

/** Deletes a year's progress (always entered in the app). */
export async function deleteProgress({
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
    const row = await tx.landClearanceProgress.findFirst({
      where: { id, project: { orgUnitId: ward.id } },
      select: { projectId: true, submissionId: true },
    });
    if (!row) throw notFound();
    await lockEditableSubmissions({ tx, wardId: ward.id, ids: [row.submissionId], keys: [] });
    const project = await lockProject({
      tx,
      id: row.projectId,
      wardId: ward.id,
      seen: await readProject(tx, row.projectId, ward.id),
    });
    const cur = await tx.landClearanceProgress.findUnique({ where: { id }, select: progressSelect });
    if (!cur) throw notFound();
    if (cur.submissionId !== row.submissionId)
      throw new Refusal({ ok: false, code: "conflict", saved: savedProgress(cur) });
    if (cur.version !== version) throw new Refusal({ ok: false, code: "conflict", saved: savedProgress(cur) });
    await tx.landClearanceProgress.delete({ where: { id } });
    const changed = await audit({
      tx,
      actor,
      action: "DELETE",
      entity: PROGRESS_ENTITY,
      entityId: id,
      before: progressValues(cur),
      after: {},
      context: { ward: ward.slug, projectId: project.id, project: project.name, year: cur.year, version },
    });
    return { ok: true, id, version, changed };
  });
}
