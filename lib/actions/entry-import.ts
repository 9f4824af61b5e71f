"use server";
// Importing the entry grid from a file: "Xem trước" reads the file and answers what it would change,
// writing nothing; "Áp dụng" sends the same file with the preview's fingerprint and writes exactly
// those changes (all or nothing). Both need editValues on the ward.

import { revalidatePath } from "next/cache";
import { type ActionResult, failure, success } from "@/lib/result";
import { authorizeForm } from "@/lib/auth/action-guard";
import { type ImportTarget, applyEntryFile, previewEntryFile } from "@/lib/services/entry-import";
import { type ImportPreview, type ImportRowView, previewRowViews } from "@/lib/domain/entry-import";
import { IMPORT_LIMITS } from "@/lib/domain/entry-template";
import type { EntryFileGrid } from "@/lib/domain/entry-file-grid";
import { type ImportForm, importFormSchema } from "@/lib/validation/entry-file";
import { firstError } from "@/lib/validation/params";

export type ImportView = {
  fileName: string;
  counts: ImportPreview["counts"];
  canApply: boolean;
  fingerprint: string;
  /** every row but the unchanged ones without a message, in the file's order */
  rows: ImportRowView[];
  /** after "Áp dụng": how many values were written */
  applied?: number;
};

type Read =
  | { ok: true; target: ImportTarget; fingerprint?: string; file: { name: string; bytes: Uint8Array } }
  | { ok: false; result: ActionResult<ImportView> };

/** The file of an import form whose fields the guard has parsed (each field once). */
async function readForm(input: ImportForm, formData: FormData): Promise<Read> {
  const file = formData.get("file");
  // no file chosen: the browser sends an empty part without a name; an empty file of its own is refused later as "Tệp rỗng"
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) {
    return {
      ok: false,
      result: failure("invalid", "Hãy chọn tệp Excel (.xlsx) hoặc CSV.", { fieldErrors: { file: ["Hãy chọn tệp."] } }),
    };
  }
  // checked here before reading the body into memory; the browser's check is only a convenience
  if (file.size > IMPORT_LIMITS.bytes) {
    return {
      ok: false,
      result: failure("invalid", `Tệp quá lớn; tối đa ${IMPORT_LIMITS.bytes / 1048576} MB.`, {
        fieldErrors: { file: ["Tệp quá lớn."] },
      }),
    };
  }
  const { fingerprint, ...target } = input;
  return { ok: true, target, fingerprint, file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } };
}

function view(grid: EntryFileGrid, preview: ImportPreview, fileName: string, fingerprint: string): ImportView {
  return {
    fileName,
    counts: preview.counts,
    canApply: preview.canApply,
    fingerprint,
    rows: previewRowViews(preview, grid),
  };
}

export async function previewEntryImport(
  _prev: ActionResult<ImportView> | undefined,
  formData: FormData,
): Promise<ActionResult<ImportView>> {
  const auth = await authorizeForm("action:previewEntryImport", "editValues", formData, importFormSchema, "ward", (e) =>
    failure("invalid", firstError(e)),
  );
  if (!auth.ok) return auth.result;
  const read = await readForm(auth.input, formData);
  if (!read.ok) return read.result;
  const outcome = await previewEntryFile(read.target, read.file, auth.auth.scope);
  if (!outcome.ok) return failure(outcome.code, outcome.message);
  const data = view(outcome.grid, outcome.preview, read.file.name, outcome.fingerprint);
  const { counts } = outcome.preview;
  const message =
    counts.invalid + counts.conflict > 0
      ? `Tệp có ${counts.invalid} dòng lỗi và ${counts.conflict} dòng xung đột: sửa tệp rồi xem trước lại. Chưa ghi gì.`
      : counts.new + counts.changed === 0
        ? "Không có thay đổi: mọi giá trị trong tệp đã có trong hệ thống."
        : `Tệp sẽ thêm ${counts.new} và sửa ${counts.changed} giá trị. Chưa ghi gì: bấm “Áp dụng” để ghi.`;
  return success(message, data);
}

export async function applyEntryImport(
  _prev: ActionResult<ImportView> | undefined,
  formData: FormData,
): Promise<ActionResult<ImportView>> {
  const auth = await authorizeForm("action:applyEntryImport", "editValues", formData, importFormSchema, "ward", (e) =>
    failure("invalid", firstError(e)),
  );
  if (!auth.ok) return auth.result;
  const read = await readForm(auth.input, formData);
  if (!read.ok) return read.result;
  if (!read.fingerprint) return failure("invalid", "Hãy bấm “Xem trước” trước khi áp dụng.");
  const { viewer } = auth.auth;
  const outcome = await applyEntryFile({
    actor: { userId: viewer.userId, name: viewer.name },
    target: read.target,
    file: read.file,
    fingerprint: read.fingerprint,
    scope: auth.auth.scope,
  });
  if (!outcome.ok) {
    const data =
      outcome.grid && outcome.preview
        ? view(outcome.grid, outcome.preview, read.file.name, read.fingerprint)
        : undefined;
    return failure(outcome.code, outcome.message, { data: data && { ...data, canApply: false } });
  }
  const { ward, year, programme } = read.target;
  if (outcome.changed > 0) revalidatePath(`/${ward}/nhap-lieu/${year}/${programme}`);
  const data: ImportView = {
    fileName: read.file.name,
    counts: outcome.preview.counts,
    canApply: false,
    fingerprint: read.fingerprint,
    rows: [],
    applied: outcome.changed,
  };
  return success(
    outcome.changed === 0 ? "Không có thay đổi: không ghi gì." : `Đã ghi ${outcome.changed} giá trị từ tệp.`,
    data,
  );
}
