"use server";
// Named achievements of a ward (titles, models, recognitions), entered by the ward's officials.
import {
  createAchievement,
  deleteAchievement as deleteAchievementRow,
  updateAchievement,
} from "@/lib/data/achievement-save";
import { achievementFormSchema, deleteFormSchema } from "@/lib/validation/land-clearance";
import { answer, recordAction } from "./record-outcome";

export const saveAchievement = recordAction({
  name: "action:saveAchievement",
  schema: achievementFormSchema,
  unitField: "ward",
  run: async ({ input: f, auth: { unit }, actor }) => {
    const outcome = f.id
      ? await updateAchievement({ actor, wardId: unit.id, id: f.id, f })
      : await createAchievement(actor, unit.id, f);
    return answer(outcome, f.id ? "Đã lưu danh hiệu, mô hình." : "Đã thêm danh hiệu, mô hình.");
  },
});

export const deleteAchievement = recordAction({
  name: "action:deleteAchievement",
  schema: deleteFormSchema,
  unitField: "ward",
  run: async ({ input, auth: { unit }, actor }) =>
    answer(
      await deleteAchievementRow({ actor, wardId: unit.id, id: input.id, version: input.version }),
      "Đã xóa danh hiệu, mô hình.",
    ),
});
