"use server";
// Saving the yearly entry grid (ward or residential groups) and reading one figure's history.
// The payload is parsed here; lib/services/entry-save.ts re-validates it with the form's own schema,
// rules and outlier check and saves it.
import type { ZodError } from "zod";
import { revalidatePath } from "next/cache";
import { type ActionResult, failure, success } from "@/lib/result";
import { authorizeAction } from "@/lib/auth/action-guard";
import { getValueHistory, type ValueHistoryEntry } from "@/lib/data/value-history";
import {
  type ConflictRow as Conflict,
  type SaveEntryData as SaveData,
  type SavedVersion as Saved,
  confirmPublishedFigures,
  saveEntryGrid,
} from "@/lib/services/entry-save";
import { confirmPublishedSchema, entrySaveFormSchema } from "@/lib/validation/entry";
import { programmeSlugSchema, slugSchema } from "@/lib/validation/params";
import { actionClient } from "./action-client";

// the form's types, defined with the save they describe
export type SavedVersion = Saved;
export type ConflictRow = Conflict;
export type SaveEntryData = SaveData;

const entryAction = actionClient<SaveEntryData>({
  permission: "editValues",
  // the review panel beside the form (state, version, completeness) and the hub show a save; they are
  // refreshed by `refreshed` below, only when a value changed
  revalidate: [],
  invalid: (error: ZodError) => failure("invalid", error.issues[0]?.message ?? "Dữ liệu gửi lên không hợp lệ."),
});

function refreshed(ward: string, { result, changed }: { result: ActionResult<SaveEntryData>; changed: number }) {
  if (changed > 0) revalidatePath(`/${ward}/nhap-lieu`, "layout");
  return result;
}

/** Lưu nháp: the changed rows of the grid, found only among the units where the person may edit values. */
export const saveEntry = entryAction({
  name: "action:saveEntry",
  schema: entrySaveFormSchema,
  unitField: "ward",
  run: async ({ input: { ward, payload }, auth, actor }) =>
    refreshed(ward, await saveEntryGrid({ actor, payload, scope: auth.scope })),
});

/** Takes over every published figure the grid shows, where nothing was entered, as this year's entries. */
export const confirmPublished = entryAction({
  name: "action:confirmPublished",
  schema: confirmPublishedSchema,
  unitField: "ward",
  run: async ({ input, auth, actor }) =>
    refreshed(input.ward, await confirmPublishedFigures({ actor, target: input, scope: auth.scope })),
});

export async function loadValueHistory(
  wardSlug: string,
  year: number,
  programmeSlug: string,
  unitSlug: string,
  indicatorCode: string,
): Promise<ActionResult<ValueHistoryEntry[]>> {
  const unit = slugSchema.safeParse(unitSlug);
  const guard = await authorizeAction("action:loadValueHistory", "read", unit.success ? unit.data : "-");
  if (!guard.ok) return guard.result;
  if (
    !slugSchema.safeParse(wardSlug).success ||
    !programmeSlugSchema.safeParse(programmeSlug).success ||
    !Number.isInteger(year) ||
    !slugSchema.safeParse(indicatorCode).success
  ) {
    return failure("invalid", "Yêu cầu không hợp lệ.");
  }
  const rows = await getValueHistory({
    wardSlug,
    year,
    programmeSlug,
    unitSlug,
    indicatorCode,
    readable: guard.auth.scope,
  });
  if (!rows) return failure("not-found", "Không tìm thấy số liệu này.");
  return success(undefined, rows);
}
