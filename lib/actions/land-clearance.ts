"use server";
// Land-clearance projects of a ward and their yearly progress, entered by the ward's officials.
import { authorizeForm } from "@/lib/auth/action-guard";
import {
  createProject,
  deleteProgress,
  deleteProject,
  saveProgress,
  updateProject,
} from "@/lib/data/land-clearance-save";
import { deleteFormSchema, progressFormSchema, projectFormSchema } from "@/lib/validation/land-clearance";
import { type RecordResult, answer, invalidForm } from "./record-outcome";

export async function saveLandClearanceProject(_prev: RecordResult | null, formData: FormData): Promise<RecordResult> {
  const guard = await authorizeForm(
    "action:saveLandClearanceProject",
    "editValues",
    formData,
    projectFormSchema,
    "ward",
    invalidForm,
  );
  if (!guard.ok) return guard.result;
  const { viewer, unit } = guard.auth;
  const actor = { userId: viewer.userId, name: viewer.name };
  const f = guard.input;
  const outcome = f.id
    ? await updateProject({ actor, wardId: unit.id, id: f.id, f })
    : await createProject(actor, unit.id, f);
  return answer(outcome, unit.slug, f.id ? `Đã lưu dự án “${f.name}”.` : `Đã thêm dự án “${f.name}”.`);
}

export async function deleteLandClearanceProject(
  _prev: RecordResult | null,
  formData: FormData,
): Promise<RecordResult> {
  const guard = await authorizeForm(
    "action:deleteLandClearanceProject",
    "editValues",
    formData,
    deleteFormSchema,
    "ward",
    invalidForm,
  );
  if (!guard.ok) return guard.result;
  const { viewer, unit } = guard.auth;
  const outcome = await deleteProject({
    actor: { userId: viewer.userId, name: viewer.name },
    wardId: unit.id,
    id: guard.input.id,
    version: guard.input.version,
  });
  return answer(outcome, unit.slug, "Đã xóa dự án và tiến độ các năm của nó.");
}

export async function saveLandClearanceProgress(_prev: RecordResult | null, formData: FormData): Promise<RecordResult> {
  const guard = await authorizeForm(
    "action:saveLandClearanceProgress",
    "editValues",
    formData,
    progressFormSchema,
    "ward",
    invalidForm,
  );
  if (!guard.ok) return guard.result;
  const { viewer, unit } = guard.auth;
  const outcome = await saveProgress({ userId: viewer.userId, name: viewer.name }, unit.id, guard.input);
  return answer(outcome, unit.slug, `Đã lưu tiến độ năm ${guard.input.year}.`);
}

export async function deleteLandClearanceProgress(
  _prev: RecordResult | null,
  formData: FormData,
): Promise<RecordResult> {
  const guard = await authorizeForm(
    "action:deleteLandClearanceProgress",
    "editValues",
    formData,
    deleteFormSchema,
    "ward",
    invalidForm,
  );
  if (!guard.ok) return guard.result;
  const { viewer, unit } = guard.auth;
  const outcome = await deleteProgress({
    actor: { userId: viewer.userId, name: viewer.name },
    wardId: unit.id,
    id: guard.input.id,
    version: guard.input.version,
  });
  return answer(outcome, unit.slug, "Đã xóa tiến độ của năm.");
}
