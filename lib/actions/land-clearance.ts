"use server";
// Land-clearance projects of a ward and their yearly progress, entered by the ward's officials.
import { authorizeAction } from "@/lib/auth/action-guard";
import { createProject, deleteProgress, deleteProject, saveProgress, updateProject } from "@/lib/data/land-clearance-save";
import { deleteFormSchema, formFields, progressFormSchema, projectFormSchema } from "@/lib/validation/land-clearance";
import { type RecordResult, answer, invalidForm } from "./record-outcome";

export async function saveLandClearanceProject(_prev: RecordResult | null, formData: FormData): Promise<RecordResult> {
  const fields = formFields(formData);
  const guard = await authorizeAction("action:saveLandClearanceProject", "editValues", fields.ward ?? "");
  if (!guard.ok) return guard.result;
  const parsed = projectFormSchema.safeParse(fields);
  if (!parsed.success) return invalidForm(parsed.error);
  const { viewer, unit } = guard.auth;
  const actor = { userId: viewer.userId, name: viewer.name };
  const f = parsed.data;
  const outcome = f.id ? await updateProject(actor, unit.id, f.id, f) : await createProject(actor, unit.id, f);
  return answer(outcome, unit.slug, f.id ? `Đã lưu dự án “${f.name}”.` : `Đã thêm dự án “${f.name}”.`);
}

export async function deleteLandClearanceProject(_prev: RecordResult | null, formData: FormData): Promise<RecordResult> {
  const fields = formFields(formData);
  const guard = await authorizeAction("action:deleteLandClearanceProject", "editValues", fields.ward ?? "");
  if (!guard.ok) return guard.result;
  const parsed = deleteFormSchema.safeParse(fields);
  if (!parsed.success) return invalidForm(parsed.error);
  const { viewer, unit } = guard.auth;
  const outcome = await deleteProject({ userId: viewer.userId, name: viewer.name }, unit.id, parsed.data.id, parsed.data.version);
  return answer(outcome, unit.slug, "Đã xóa dự án và tiến độ các năm của nó.");
}

export async function saveLandClearanceProgress(_prev: RecordResult | null, formData: FormData): Promise<RecordResult> {
  const fields = formFields(formData);
  const guard = await authorizeAction("action:saveLandClearanceProgress", "editValues", fields.ward ?? "");
  if (!guard.ok) return guard.result;
  const parsed = progressFormSchema.safeParse(fields);
  if (!parsed.success) return invalidForm(parsed.error);
  const { viewer, unit } = guard.auth;
  const outcome = await saveProgress({ userId: viewer.userId, name: viewer.name }, unit.id, parsed.data);
  return answer(outcome, unit.slug, `Đã lưu tiến độ năm ${parsed.data.year}.`);
}

export async function deleteLandClearanceProgress(_prev: RecordResult | null, formData: FormData): Promise<RecordResult> {
  const fields = formFields(formData);
  const guard = await authorizeAction("action:deleteLandClearanceProgress", "editValues", fields.ward ?? "");
  if (!guard.ok) return guard.result;
  const parsed = deleteFormSchema.safeParse(fields);
  if (!parsed.success) return invalidForm(parsed.error);
  const { viewer, unit } = guard.auth;
  const outcome = await deleteProgress({ userId: viewer.userId, name: viewer.name }, unit.id, parsed.data.id, parsed.data.version);
  return answer(outcome, unit.slug, "Đã xóa tiến độ của năm.");
}
