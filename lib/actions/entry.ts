"use server";
// Saving the yearly entry grid (ward or residential groups) and reading one figure's history.
// The payload is parsed here; lib/services/entry-save.ts re-validates it with the form's own schema,
// rules and outlier check and saves it.
import { type ActionResult, failure, success } from "@/lib/result";
import { authorizeAction, authorizeForm, signedIn } from "@/lib/auth/action-guard";
import { revalidatePath } from "next/cache";
import { getValueHistory, type ValueHistoryEntry } from "@/lib/data/value-history";
import {
  type ConflictRow as Conflict,
  type SaveEntryData as SaveData,
  type SavedVersion as Saved,
  confirmPublishedFigures,
  saveEntryGrid,
} from "@/lib/services/entry-save";
import { confirmPublishedSchema, entryPayloadSchema } from "@/lib/validation/entry";
import { singleValued } from "@/lib/validation/form-input";
import { programmeSlugSchema, slugSchema } from "@/lib/validation/params";

// the form's types, defined with the save they describe
export type SavedVersion = Saved;
export type ConflictRow = Conflict;
export type SaveEntryData = SaveData;

export async function saveEntry(
  _prev: ActionResult<SaveEntryData> | null,
  formData: FormData,
): Promise<ActionResult<SaveEntryData>> {
  // one payload: a form carrying two is refused, whoever sends it
  const fields = singleValued(formData);
  if (!fields.ok) {
    const who = await signedIn("action:saveEntry");
    return who.ok ? failure("invalid", fields.message) : who.result;
  }
  let json: unknown = null;
  try {
    json = JSON.parse(String(fields.fields.payload ?? "null"));
  } catch {
    json = null;
  }
  const parsed = entryPayloadSchema.safeParse(json);
  // the permission is checked on the ward named in the payload (or refused before anything is read)
  const wardSlug = parsed.success
    ? parsed.data.ward
    : typeof (json as { ward?: unknown })?.ward === "string"
      ? String((json as { ward: string }).ward)
      : "";
  const guard = await authorizeAction(
    "action:saveEntry",
    "editValues",
    slugSchema.safeParse(wardSlug).success ? wardSlug : "-",
  );
  if (!guard.ok) return guard.result;
  if (!parsed.success) return failure("invalid", parsed.error.issues[0]?.message ?? "Dữ liệu gửi lên không hợp lệ.");

  // the grid is found only among the units where the person may edit values
  const { viewer, scope } = guard.auth;
  const { result, changed } = await saveEntryGrid({
    actor: { userId: viewer.userId, name: viewer.name },
    payload: parsed.data,
    scope,
  });
  // the review panel beside the form (state, version, completeness) and the hub show the save
  if (changed > 0) revalidatePath(`/${parsed.data.ward}/nhap-lieu`, "layout");
  return result;
}

/** Takes over every published figure the grid shows, where nothing was entered, as this year's entries. */
export async function confirmPublished(
  _prev: ActionResult<SaveEntryData> | null,
  formData: FormData,
): Promise<ActionResult<SaveEntryData>> {
  const guard = await authorizeForm(
    "action:confirmPublished",
    "editValues",
    formData,
    confirmPublishedSchema,
    "ward",
    (error) => failure("invalid", error.issues[0]?.message ?? "Dữ liệu gửi lên không hợp lệ."),
  );
  if (!guard.ok) return guard.result;
  const { viewer, scope } = guard.auth;
  const { result, changed } = await confirmPublishedFigures({
    actor: { userId: viewer.userId, name: viewer.name },
    target: guard.input,
    scope,
  });
  if (changed > 0) revalidatePath(`/${guard.input.ward}/nhap-lieu`, "layout");
  return result;
}

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
