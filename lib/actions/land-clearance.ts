"use server";
// Land-clearance projects of a ward and their yearly progress, entered by the ward's officials.
import {
  createProject,
  deleteProgress,
  deleteProject,
  saveProgress,
  updateProject,
} from "@/lib/data/land-clearance-save";
import { deleteFormSchema, progressFormSchema, projectFormSchema } from "@/lib/validation/land-clearance";
import { answer, recordAction } from "./record-outcome";

export const saveLandClearanceProject = recordAction({
  name: "action:saveLandClearanceProject",
  schema: projectFormSchema,
  unitField: "ward",
  run: async ({ input: f, auth: { unit }, actor }) => {
    const outcome = f.id
      ? await updateProject({ actor, wardId: unit.id, id: f.id, f })
      : await createProject(actor, unit.id, f);
    return answer(outcome, f.id ? `Đã lưu dự án “${f.name}”.` : `Đã thêm dự án “${f.name}”.`);
  },
});

export const deleteLandClearanceProject = recordAction({
  name: "action:deleteLandClearanceProject",
  schema: deleteFormSchema,
  unitField: "ward",
  run: async ({ input, auth: { unit }, actor }) =>
    answer(
      await deleteProject({ actor, wardId: unit.id, id: input.id, version: input.version }),
      "Đã xóa dự án và tiến độ các năm của nó.",
    ),
});

export const saveLandClearanceProgress = recordAction({
  name: "action:saveLandClearanceProgress",
  schema: progressFormSchema,
  unitField: "ward",
  run: async ({ input, auth: { unit }, actor }) =>
    answer(await saveProgress(actor, unit.id, input), `Đã lưu tiến độ năm ${input.year}.`),
});

export const deleteLandClearanceProgress = recordAction({
  name: "action:deleteLandClearanceProgress",
  schema: deleteFormSchema,
  unitField: "ward",
  run: async ({ input, auth: { unit }, actor }) =>
    answer(
      await deleteProgress({ actor, wardId: unit.id, id: input.id, version: input.version }),
      "Đã xóa tiến độ của năm.",
    ),
});
