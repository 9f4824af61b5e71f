"use server";
// Administrators set up the org units: add, rename, retire, population per year, merge and split.
// Each action: guard (manageOrgUnits on exactly the unit acted on: the parent of a new unit, the
// unit itself, the parent of a merge) → parse → one data write; refusals answered in Vietnamese.
import type { z } from "zod";
import { authorizeTopLevelForm } from "@/lib/auth/action-guard";
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
import { actionClient, revalidatedOnSuccess } from "./action-client";
import { actorOf, invalidForm } from "./form-helpers";

type OrgUnitData = { slug: string; version: number };
export type OrgUnitState = ActionResult<OrgUnitData> | null;

/** the admin pages and every page naming units show a change */
const ORG_UNIT_PAGES = ["/quan-tri/don-vi", "/"];

/** Every org-unit write: `manageOrgUnits` on the unit the form names. */
const orgUnitAction = actionClient<OrgUnitData>({
  permission: "manageOrgUnits",
  revalidate: ORG_UNIT_PAGES,
  invalid: invalidForm,
});

function answer(outcome: OrgUnitWriteOutcome, done: string): NonNullable<OrgUnitState> {
  if (outcome.ok) return success(done, { slug: outcome.slug, version: outcome.version });
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

const createUnderParent = orgUnitAction({
  name: "action:createOrgUnit",
  schema: createUnitFormSchema,
  unitField: "parent",
  run: async ({ input: { parent: _p, ...input }, auth, actor }) =>
    answer(await createOrgUnit(actor, { ...input, parentId: auth.unit.id }), `Đã thêm ${input.name}.`),
});

export async function createOrgUnitAction(prev: OrgUnitState, form: FormData): Promise<NonNullable<OrgUnitState>> {
  if (form.get("parent")) return createUnderParent(prev, form);
  // a city at the top has no unit above it: the right must be held on a unit at the top
  const guard = await authorizeTopLevelForm(
    "action:createOrgUnit",
    "manageOrgUnits",
    form,
    createUnitFormSchema,
    invalidForm,
  );
  if (!guard.ok) return guard.result;
  const { parent: _p, ...input } = guard.input;
  const outcome = await createOrgUnit(actorOf(guard), { ...input, parentId: null });
  return revalidatedOnSuccess(ORG_UNIT_PAGES, answer(outcome, `Đã thêm ${input.name}.`));
}

export const renameOrgUnitAction = orgUnitAction({
  name: "action:renameOrgUnit",
  schema: renameUnitFormSchema,
  unitField: "unit",
  run: async ({ input: { unit: _u, ...input }, auth, actor }) => {
    const outcome = await renameOrgUnit(actor, { ...input, id: auth.unit.id });
    const slugChanged = outcome.ok && outcome.slug !== auth.unit.slug;
    return answer(
      outcome,
      slugChanged
        ? `Đã đổi thành ${input.name}, mã ${outcome.slug}; tên và mã cũ được giữ trong lịch sử, địa chỉ cũ tự chuyển sang mã mới.`
        : `Đã đổi tên thành ${input.name}; tên cũ được giữ trong lịch sử.`,
    );
  },
});

/** Chuyển đơn vị: the right on the unit moved and on its new parent (a unit the person manages). */
export const moveOrgUnitAction = orgUnitAction({
  name: "action:moveOrgUnit",
  schema: moveUnitFormSchema,
  unitField: "unit",
  run: async ({ input: f, auth, actor }) => {
    const parentId = (await unitIdsBySlug([f.parent], auth.scope)).get(f.parent);
    if (parentId === undefined)
      return failure("forbidden", `Bạn không có quyền quản trị đơn vị “${f.parent}”, hoặc đơn vị không tồn tại.`);
    const outcome = await moveOrgUnit(actor, {
      id: auth.unit.id,
      version: f.version,
      parentId,
      effectiveOn: f.effectiveOn,
    });
    return answer(
      outcome,
      `Đã chuyển sang đơn vị cấp trên mới từ ngày ${f.effectiveOn.split("-").reverse().join("/")}; đơn vị cấp trên cũ được giữ trong lịch sử.`,
    );
  },
});

export const retireOrgUnitAction = orgUnitAction({
  name: "action:retireOrgUnit",
  schema: retireUnitFormSchema,
  unitField: "unit",
  run: async ({ input, auth, actor }) =>
    answer(
      await retireOrgUnit(actor, { id: auth.unit.id, version: input.version, lastDay: input.lastDay }),
      "Đã ghi nhận đơn vị thôi hoạt động; số liệu các năm trước vẫn xem được.",
    ),
});

export const saveOrgUnitYearAction = orgUnitAction({
  name: "action:saveOrgUnitYear",
  schema: yearFigureFormSchema as z.ZodType<z.infer<typeof yearFigureFormSchema>>,
  unitField: "unit",
  run: async ({ input: { unit: _u, ...input }, auth, actor }) =>
    answer(await saveYearFigure(actor, { ...input, id: auth.unit.id }), `Đã lưu dân số và số hộ năm ${input.year}.`),
});

export const mergeOrgUnitsAction = orgUnitAction({
  name: "action:mergeOrgUnits",
  schema: mergeFormSchema as unknown as z.ZodType<z.infer<typeof mergeFormSchema> & { parent: string }>,
  unitField: "parent",
  run: async ({ input: f, auth, actor }) => {
    // the former units are looked up only where the person manages units
    const ids = await unitIdsBySlug(f.predecessors, auth.scope);
    const missing = f.predecessors.find((s) => !ids.has(s));
    if (missing)
      return failure("forbidden", `Bạn không có quyền quản trị đơn vị “${missing}”, hoặc đơn vị không tồn tại.`);
    const predecessorIds = f.predecessors.map((s) => ids.get(s)!);
    const outcome = await reorganise(actor, {
      predecessorIds,
      successors: [{ slug: f.slug, name: f.name, shortName: f.shortName, share: "1" }],
      parentId: auth.unit.id,
      effectiveOn: f.effectiveOn,
      carryRoles: f.carryRoles,
      manageable: predecessorIds,
      note: f.note || null,
    });
    return answer(outcome, `Đã sáp nhập thành ${f.name} từ ngày ${f.effectiveOn.split("-").reverse().join("/")}.`);
  },
});

export const splitOrgUnitAction = orgUnitAction({
  name: "action:splitOrgUnit",
  schema: splitFormSchema as unknown as z.ZodType<z.infer<typeof splitFormSchema> & { unit: string }>,
  unitField: "unit",
  run: async ({ input: f, auth, actor }) => {
    const unit = auth.unit;
    const total = f.parts.reduce((sum, p) => sum + Math.round(Number(p.share) * 10_000), 0);
    if (total > 10_000)
      return failure("invalid", refusalMessage({ rule: "shares-over-one", total: String(total / 10_000) }));
    // the new units sit beside it: the right must reach its parent too
    const parentId = unit.path.length > 1 ? unit.path[unit.path.length - 2] : null;
    if (parentId === null || !inScope(auth.scope, unit.path.slice(0, -1)))
      return failure("forbidden", "Bạn không có quyền quản trị đơn vị cấp trên của đơn vị này.");
    const outcome = await reorganise(actor, {
      predecessorIds: [unit.id],
      successors: f.parts,
      parentId,
      effectiveOn: f.effectiveOn,
      carryRoles: f.carryRoles,
      manageable: [unit.id],
      note: f.note || null,
    });
    return answer(outcome, `Đã chia tách thành ${f.parts.map((p) => p.name).join(", ")}.`);
  },
});
