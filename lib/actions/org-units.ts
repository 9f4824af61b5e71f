"use server";
// Administrators set up the org units: add, rename, retire, population per year, merge and split.
// Each action: guard (manageOrgUnits on exactly the unit acted on: the parent of a new unit, the
// unit itself, the parent of a merge) → parse → one data write; refusals answered in Vietnamese.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { authorizeForm, authorizeTopLevelForm } from "@/lib/auth/action-guard";
import {
  type OrgUnitWriteOutcome,
  createOrgUnit,
  moveOrgUnit,
  renameOrgUnit,
  reorganise,
  retireOrgUnit,
  saveYearFigure,
} from "@/lib/data/org-unit-admin";
import { unitIdsBySlug } from "@/lib/data/org-unit-list";
import { inScope } from "@/lib/data/scope";
import { refusalMessage } from "@/lib/domain/org-units";
import { type ActionResult, failure, success } from "@/lib/result";
import {
  createUnitFormSchema,
  mergeFormSchema,
  moveUnitFormSchema,
  renameUnitFormSchema,
  retireUnitFormSchema,
  splitFormSchema,
  yearFigureFormSchema,
} from "@/lib/validation/org-units";
import { actorOf } from "./form-helpers";

export type OrgUnitState = ActionResult<{ slug: string; version: number }> | null;

function invalid(error: z.ZodError): ActionResult<never> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return failure("invalid", "Có ô chưa đúng: xem thông báo bên cạnh từng ô.", { fieldErrors });
}

function answer(outcome: OrgUnitWriteOutcome, done: string): NonNullable<OrgUnitState> {
  if (outcome.ok) {
    revalidatePath("/quan-tri/don-vi", "layout");
    revalidatePath("/", "layout");
    return success(done, { slug: outcome.slug, version: outcome.version });
  }
  switch (outcome.code) {
    case "invalid":
      return failure("invalid", refusalMessage(outcome.refusal));
    case "conflict":
      return failure(
        "conflict",
        "Đơn vị vừa được người khác thay đổi sau khi bạn mở trang, nên chưa lưu gì. Hãy tải lại trang để xem bản mới nhất.",
      );
    case "not-found":
      return failure("not-found", "Không tìm thấy đơn vị này (có thể đã bị thay đổi). Hãy tải lại trang.");
  }
}

export async function createOrgUnitAction(_prev: OrgUnitState, form: FormData): Promise<NonNullable<OrgUnitState>> {
  const what = "action:createOrgUnit";
  // a city at the top has no unit above it: the right must be held on a unit at the top
  if (!form.get("parent")) {
    const guard = await authorizeTopLevelForm(what, "manageOrgUnits", form, createUnitFormSchema, invalid);
    if (!guard.ok) return guard.result;
    const { parent: _p, ...input } = guard.input;
    const outcome = await createOrgUnit(actorOf(guard), { ...input, parentId: null });
    return answer(outcome, `Đã thêm ${input.name}.`);
  }
  const guard = await authorizeForm(what, "manageOrgUnits", form, createUnitFormSchema, "parent", invalid);
  if (!guard.ok) return guard.result;
  const { parent: _p, ...input } = guard.input;
  const outcome = await createOrgUnit(actorOf(guard.auth), { ...input, parentId: guard.auth.unit.id });
  return answer(outcome, `Đã thêm ${input.name}.`);
}

export async function renameOrgUnitAction(_prev: OrgUnitState, form: FormData): Promise<NonNullable<OrgUnitState>> {
  const guard = await authorizeForm(
    "action:renameOrgUnit",
    "manageOrgUnits",
    form,
    renameUnitFormSchema,
    "unit",
    invalid,
  );
  if (!guard.ok) return guard.result;
  const { unit: _u, ...input } = guard.input;
  const outcome = await renameOrgUnit(actorOf(guard.auth), { ...input, id: guard.auth.unit.id });
  const slugChanged = outcome.ok && outcome.slug !== guard.auth.unit.slug;
  return answer(
    outcome,
    slugChanged
      ? `Đã đổi thành ${input.name}, mã ${outcome.slug}; tên và mã cũ được giữ trong lịch sử, địa chỉ cũ tự chuyển sang mã mới.`
      : `Đã đổi tên thành ${input.name}; tên cũ được giữ trong lịch sử.`,
  );
}

/** Chuyển đơn vị: the right on the unit moved and on its new parent (a unit the person manages). */
export async function moveOrgUnitAction(_prev: OrgUnitState, form: FormData): Promise<NonNullable<OrgUnitState>> {
  const guard = await authorizeForm("action:moveOrgUnit", "manageOrgUnits", form, moveUnitFormSchema, "unit", invalid);
  if (!guard.ok) return guard.result;
  const f = guard.input;
  const parentId = (await unitIdsBySlug([f.parent], guard.auth.scope)).get(f.parent);
  if (parentId === undefined)
    return failure("forbidden", `Bạn không có quyền quản trị đơn vị “${f.parent}”, hoặc đơn vị không tồn tại.`);
  const outcome = await moveOrgUnit(actorOf(guard.auth), {
    id: guard.auth.unit.id,
    version: f.version,
    parentId,
    effectiveOn: f.effectiveOn,
  });
  return answer(
    outcome,
    `Đã chuyển sang đơn vị cấp trên mới từ ngày ${f.effectiveOn.split("-").reverse().join("/")}; đơn vị cấp trên cũ được giữ trong lịch sử.`,
  );
}

export async function retireOrgUnitAction(_prev: OrgUnitState, form: FormData): Promise<NonNullable<OrgUnitState>> {
  const guard = await authorizeForm(
    "action:retireOrgUnit",
    "manageOrgUnits",
    form,
    retireUnitFormSchema,
    "unit",
    invalid,
  );
  if (!guard.ok) return guard.result;
  const outcome = await retireOrgUnit(actorOf(guard.auth), {
    id: guard.auth.unit.id,
    version: guard.input.version,
    lastDay: guard.input.lastDay,
  });
  return answer(outcome, "Đã ghi nhận đơn vị thôi hoạt động; số liệu các năm trước vẫn xem được.");
}

export async function saveOrgUnitYearAction(_prev: OrgUnitState, form: FormData): Promise<NonNullable<OrgUnitState>> {
  const guard = await authorizeForm(
    "action:saveOrgUnitYear",
    "manageOrgUnits",
    form,
    yearFigureFormSchema as z.ZodType<z.infer<typeof yearFigureFormSchema>>,
    "unit",
    invalid,
  );
  if (!guard.ok) return guard.result;
  const { unit: _u, ...input } = guard.input;
  const outcome = await saveYearFigure(actorOf(guard.auth), { ...input, id: guard.auth.unit.id });
  return answer(outcome, `Đã lưu dân số và số hộ năm ${input.year}.`);
}

export async function mergeOrgUnitsAction(_prev: OrgUnitState, form: FormData): Promise<NonNullable<OrgUnitState>> {
  const guard = await authorizeForm(
    "action:mergeOrgUnits",
    "manageOrgUnits",
    form,
    mergeFormSchema as unknown as z.ZodType<z.infer<typeof mergeFormSchema> & { parent: string }>,
    "parent",
    invalid,
  );
  if (!guard.ok) return guard.result;
  const f = guard.input;
  // the former units are looked up only where the person manages units
  const ids = await unitIdsBySlug(f.predecessors, guard.auth.scope);
  const missing = f.predecessors.find((s) => !ids.has(s));
  if (missing)
    return failure("forbidden", `Bạn không có quyền quản trị đơn vị “${missing}”, hoặc đơn vị không tồn tại.`);
  const predecessorIds = f.predecessors.map((s) => ids.get(s)!);
  const outcome = await reorganise(actorOf(guard.auth), {
    predecessorIds,
    successors: [{ slug: f.slug, name: f.name, shortName: f.shortName, share: "1" }],
    parentId: guard.auth.unit.id,
    effectiveOn: f.effectiveOn,
    carryRoles: f.carryRoles,
    manageable: predecessorIds,
    note: f.note || null,
  });
  return answer(outcome, `Đã sáp nhập thành ${f.name} từ ngày ${f.effectiveOn.split("-").reverse().join("/")}.`);
}

export async function splitOrgUnitAction(_prev: OrgUnitState, form: FormData): Promise<NonNullable<OrgUnitState>> {
  const guard = await authorizeForm(
    "action:splitOrgUnit",
    "manageOrgUnits",
    form,
    splitFormSchema as unknown as z.ZodType<z.infer<typeof splitFormSchema> & { unit: string }>,
    "unit",
    invalid,
  );
  if (!guard.ok) return guard.result;
  const f = guard.input;
  const unit = guard.auth.unit;
  const total = f.parts.reduce((sum, p) => sum + Math.round(Number(p.share) * 10_000), 0);
  if (total > 10_000)
    return failure("invalid", refusalMessage({ rule: "shares-over-one", total: String(total / 10_000) }));
  // the new units sit beside it: the right must reach its parent too
  const parentId = unit.path.length > 1 ? unit.path[unit.path.length - 2] : null;
  if (parentId === null || !inScope(guard.auth.scope, unit.path.slice(0, -1)))
    return failure("forbidden", "Bạn không có quyền quản trị đơn vị cấp trên của đơn vị này.");
  const outcome = await reorganise(actorOf(guard.auth), {
    predecessorIds: [unit.id],
    successors: f.parts,
    parentId,
    effectiveOn: f.effectiveOn,
    carryRoles: f.carryRoles,
    manageable: [unit.id],
    note: f.note || null,
  });
  return answer(outcome, `Đã chia tách thành ${f.parts.map((p) => p.name).join(", ")}.`);
}
