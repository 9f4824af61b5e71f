"use server";
// Targets (chỉ tiêu) of a programme: the grid, and the import of a file (preview → apply). District or
// city staff who manage the catalogue of the programme's issuing unit; the programme is looked up only
// among the programmes their units issued.
import { IMPORT_LIMITS } from "@/lib/domain/entry-template";
import { type ActionResult, failure, success } from "@/lib/result";
import { type TargetImportPreview, applyTargetFile, previewTargetFile, saveTargetGrid } from "@/lib/services/targets";
import { targetGridSchema, targetImportSchema } from "@/lib/validation/catalogue";
import { actionClient } from "./action-client";
import { issuerIdsOf } from "./form-helpers";

export type TargetGridState = ActionResult | null;
export type TargetImportState = ActionResult<TargetImportPreview> | null;

/** Targets are catalogue writes: `manageCatalogue` on the unit the form names; every page may show them. */
const gridAction = actionClient({ permission: "manageCatalogue", revalidate: ["/"] });
const importAction = actionClient<TargetImportPreview>({ permission: "manageCatalogue", revalidate: ["/"] });
const NOT_FOUND = "Không tìm thấy chương trình này trong danh mục bạn quản lý.";
const conflict = (cells: string[]) =>
  failure(
    "conflict",
    `Chỉ tiêu vừa được người khác sửa${cells.length > 0 ? ` (${cells.slice(0, 5).join("; ")})` : ""}. Hãy tải lại trang để xem bản mới nhất; chưa có gì được lưu.`,
  );
const savedMessage = (o: { created: number; updated: number; deleted: number }) =>
  o.created + o.updated + o.deleted === 0
    ? "Không có chỉ tiêu nào thay đổi."
    : `Đã lưu chỉ tiêu: ${o.created} mới, ${o.updated} sửa, ${o.deleted} xóa.`;

/** Lưu chỉ tiêu from the grid: all cells in one transaction, or none. */
export const saveTargetGridAction = gridAction({
  name: "action:saveTargetGrid",
  schema: targetGridSchema,
  unitField: "unit",
  run: async ({ input: { term, programme, sourceTitle, sourceDate, unit: _u, ...rest }, auth, actor }) => {
    const outcome = await saveTargetGrid({
      actor,
      term,
      programme,
      issuerIds: await issuerIdsOf(auth.scope),
      fields: rest as Record<string, string>,
      document: { title: sourceTitle, issuedOn: sourceDate || null },
    });
    if (!outcome.ok) {
      if (outcome.code === "not-found") return failure("not-found", NOT_FOUND);
      if (outcome.code === "invalid")
        return failure("invalid", `Chưa lưu: ${outcome.errors[0].message}`, {
          fieldErrors: Object.fromEntries(outcome.errors.map((e) => [e.cell, [e.message]])),
        });
      return conflict(outcome.cells);
    }
    return success(savedMessage(outcome));
  },
});

async function fileOf(form: FormData): Promise<{ name: string; bytes: Uint8Array } | ActionResult<never>> {
  const file = form.get("file");
  if (!(file instanceof File) || (file.size === 0 && file.name === ""))
    return failure("invalid", "Hãy chọn tệp Excel (.xlsx) hoặc CSV.", { fieldErrors: { file: ["Hãy chọn tệp."] } });
  if (file.size > IMPORT_LIMITS.bytes)
    return failure("invalid", `Tệp quá lớn; tối đa ${IMPORT_LIMITS.bytes / 1048576} MB.`);
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** Xem trước a target file: what it would change, writing nothing. */
export const previewTargetImport = importAction({
  name: "action:previewTargetImport",
  schema: targetImportSchema,
  unitField: "unit",
  // writes nothing: no page to refresh
  revalidate: [],
  run: async ({ input: { term, programme, sourceTitle, sourceDate }, auth, form }) => {
    const file = await fileOf(form);
    if ("ok" in file) return file;
    const read = await previewTargetFile({
      term,
      programme,
      issuerIds: await issuerIdsOf(auth.scope),
      file,
      document: { title: sourceTitle, issuedOn: sourceDate || null },
    });
    if (!read.ok) return read.code === "not-found" ? failure("not-found", NOT_FOUND) : failure("invalid", read.message);
    const c = read.preview.counts;
    return {
      ok: true,
      message:
        c.invalid > 0
          ? `Tệp có ${c.invalid} dòng lỗi: sửa tệp rồi xem trước lại. Chưa ghi gì.`
          : `Xem trước: ${c.new} mới, ${c.changed} thay đổi, ${c.cleared} xóa, ${c.unchanged} không đổi. Chưa ghi gì; bấm “Áp dụng” để lưu.`,
      data: read.preview,
    };
  },
});

/** Áp dụng a previewed target file: all its changes in one transaction, or none. */
export const applyTargetImport = importAction({
  name: "action:applyTargetImport",
  schema: targetImportSchema,
  unitField: "unit",
  run: async ({ input: { term, programme, sourceTitle, sourceDate, fingerprint }, auth, actor, form }) => {
    if (!fingerprint) return failure("invalid", "Hãy bấm “Xem trước” trước khi áp dụng.");
    const file = await fileOf(form);
    if ("ok" in file) return file;
    const outcome = await applyTargetFile({
      actor,
      term,
      programme,
      issuerIds: await issuerIdsOf(auth.scope),
      file,
      document: { title: sourceTitle, issuedOn: sourceDate || null },
      fingerprint,
    });
    if (!outcome.ok) {
      if (outcome.code === "not-found") return failure("not-found", NOT_FOUND);
      if (outcome.code === "invalid") return failure("invalid", outcome.message);
      return outcome.cells.length > 0
        ? conflict(outcome.cells)
        : failure(
            "conflict",
            "Chỉ tiêu đã thay đổi từ lúc xem trước (hoặc tệp khác tệp đã xem trước). Hãy xem trước lại; chưa có gì được lưu.",
          );
    }
    return success(savedMessage(outcome), outcome.preview);
  },
});
