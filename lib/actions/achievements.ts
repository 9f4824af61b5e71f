"use server";
// Named achievements of a ward (titles, models, recognitions), entered by the ward's officials.
import { authorizeForm } from "@/lib/auth/action-guard";
import {
  createAchievement,
  deleteAchievement as deleteAchievementRow,
  updateAchievement,
} from "@/lib/data/achievement-save";
import { achievementFormSchema, deleteFormSchema } from "@/lib/validation/land-clearance";
import { type RecordResult, answer, invalidForm } from "./record-outcome";

export async function saveAchievement(_prev: RecordResult | null, formData: FormData): Promise<RecordResult> {
  const guard = await authorizeForm(
    "action:saveAchievement",
    "editValues",
    formData,
    achievementFormSchema,
    "ward",
    invalidForm,
  );
  if (!guard.ok) return guard.result;
  const { viewer, unit } = guard.auth;
  const actor = { userId: viewer.userId, name: viewer.name };
  const f = guard.input;
  const outcome = f.id
    ? await updateAchievement({ actor, wardId: unit.id, id: f.id, f })
    : await createAchievement(actor, unit.id, f);
  return answer(outcome, unit.slug, f.id ? "Đã lưu danh hiệu, mô hình." : "Đã thêm danh hiệu, mô hình.");
}

export async function deleteAchievement(_prev: RecordResult | null, formData: FormData): Promise<RecordResult> {
  const guard = await authorizeForm(
    "action:deleteAchievement",
    "editValues",
    formData,
    deleteFormSchema,
    "ward",
    invalidForm,
  );
  if (!guard.ok) return guard.result;
  const { viewer, unit } = guard.auth;
  const outcome = await deleteAchievementRow({
    actor: { userId: viewer.userId, name: viewer.name },
    wardId: unit.id,
    id: guard.input.id,
    version: guard.input.version,
  });
  return answer(outcome, unit.slug, "Đã xóa danh hiệu, mô hình.");
}
