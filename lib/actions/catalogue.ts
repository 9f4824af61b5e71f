"use server";
// The catalogue in the app: terms, programmes (create, edit, delete), sections (add, rename, reorder) and
// indicators (add, edit, reorder, delete).
// Each action checks `manageCatalogue` on the unit the form names, then acts only on programmes issued
// by the units where the person holds that right (with those below).
import { revalidatePath } from "next/cache";
import { authorizeForm } from "@/lib/auth/action-guard";
import {
  createTerm,
  deleteIndicator,
  deleteProgramme,
  moveIndicator,
  updateIndicator,
  type CatalogueWriteOutcome,
} from "@/lib/data/catalogue";
import {
  type BuildOutcome,
  createIndicator,
  createProgramme,
  createSection,
  moveSection,
  renameSection,
  updateProgramme,
} from "@/lib/data/catalogue-build";
import { formatNumber } from "@/lib/format/vi";
import { type ActionResult, failure, success } from "@/lib/result";
import {
  indicatorFormSchema,
  indicatorRefSchema,
  indicatorCreateSchema,
  moveIndicatorSchema,
  moveSectionSchema,
  programmeCreateSchema,
  programmeEditSchema,
  programmeRefSchema,
  sectionCreateSchema,
  sectionRenameSchema,
  termFormSchema,
} from "@/lib/validation/catalogue";
import { actorOf, invalidFields, issuerIdsOf } from "./form-helpers";

export type CatalogueState = ActionResult<{ version?: number; slug?: string }> | null;

const invalid = invalidFields;

const FIELD_LABEL: Record<string, string> = {
  unit: "đơn vị tính",
  valueType: "kiểu giá trị",
  aggregation: "cách tổng hợp",
  code: "số hiệu",
  issuer: "đơn vị ban hành",
};

/** The Vietnamese answer to a refused catalogue write. */
function refusal(outcome: Exclude<CatalogueWriteOutcome, { ok: true }>): NonNullable<CatalogueState> {
  switch (outcome.code) {
    case "not-found":
      return failure("not-found", "Không tìm thấy mục này trong danh mục bạn quản lý. Hãy tải lại trang.");
    case "conflict":
      return failure(
        "conflict",
        "Mục này vừa được người khác sửa. Hãy tải lại trang để xem bản mới nhất rồi sửa lại; chưa có gì được lưu.",
      );
    case "locked": {
      const what = outcome.fields.map((f) => FIELD_LABEL[f] ?? f).join(", ");
      if (outcome.fields.some((f) => f === "code" || f === "issuer"))
        return failure(
          "locked",
          `Không thể đổi ${what}: chương trình đã có số liệu, chỉ tiêu kế hoạch hoặc kỳ nhập liệu, các phường và tệp nhập tìm chương trình theo đó. Các trường khác vẫn sửa được; chưa có gì được lưu.`,
          {
            fieldErrors: Object.fromEntries(
              outcome.fields.map((f) => [
                f === "issuer" ? "unit" : f,
                [`Không đổi được ${FIELD_LABEL[f]} khi đã có số liệu.`],
              ]),
            ),
          },
        );
      if (outcome.fields.length > 0)
        return failure(
          "locked",
          `Không thể đổi ${what}: chỉ tiêu đã có ${formatNumber(String(outcome.uses.values))} số liệu được nhập hoặc công bố, đổi sẽ làm sai nghĩa các số đã lưu. Hãy tạo chỉ tiêu mới cho nhiệm kỳ sau; chưa có gì được lưu.`,
          {
            fieldErrors: Object.fromEntries(
              outcome.fields.map((f) => [
                f === "unit" ? "unitLabel" : f,
                [`Không đổi được ${FIELD_LABEL[f]} khi đã có số liệu.`],
              ]),
            ),
          },
        );
      const parts = [
        outcome.uses.values > 0 && `${formatNumber(String(outcome.uses.values))} số liệu`,
        outcome.uses.targets > 0 && `${formatNumber(String(outcome.uses.targets))} chỉ tiêu kế hoạch`,
        outcome.uses.entries > 0 && `${formatNumber(String(outcome.uses.entries))} kỳ nhập liệu hoặc bản ghi`,
      ].filter(Boolean);
      return failure(
        "locked",
        `Không thể xóa: đã có ${parts.join(", ")} gắn với mục này. Chỉ xóa được mục chưa có số liệu, chỉ tiêu hay kỳ nhập liệu nào; chưa có gì bị xóa.`,
      );
    }
  }
}

/** Tạo nhiệm kỳ, empty or with a copy of a previous term's programmes (district or city staff). */
export async function createTermAction(_prev: CatalogueState, form: FormData): Promise<NonNullable<CatalogueState>> {
  const guard = await authorizeForm("action:createTerm", "manageCatalogue", form, termFormSchema, "unit", invalid);
  if (!guard.ok) return guard.result;
  const { name, startYear, endYear, copyFrom } = guard.input;
  const outcome = await createTerm({
    actor: actorOf(guard.auth),
    name: name || `Nhiệm kỳ ${startYear}–${endYear}`,
    startYear,
    endYear,
    copyFrom: copyFrom || null,
    issuerIds: await issuerIdsOf(guard.auth.scope),
  });
  if (!outcome.ok) {
    if (outcome.code === "conflict")
      return failure("conflict", `Nhiệm kỳ ${startYear}–${endYear} đã có.`, {
        fieldErrors: { startYear: [`Nhiệm kỳ ${startYear}–${endYear} đã có.`] },
      });
    return failure("not-found", `Không có nhiệm kỳ “${outcome.slug}” để sao chép.`, {
      fieldErrors: { copyFrom: ["Không có nhiệm kỳ này."] },
    });
  }
  revalidatePath("/", "layout");
  const c = outcome.copied;
  return success(
    copyFrom
      ? `Đã tạo nhiệm kỳ ${startYear}–${endYear}, sao chép ${formatNumber(String(c.programmes))} chương trình, ${formatNumber(String(c.sections))} mục, ${formatNumber(String(c.indicators))} chỉ tiêu từ nhiệm kỳ ${copyFrom.replace("-", "–")}.`
      : `Đã tạo nhiệm kỳ ${startYear}–${endYear} (chưa có chương trình).`,
    { slug: outcome.slug },
  );
}

/** Sửa chỉ tiêu: name, unit, type … (a change of meaning refused once figures exist). */
export async function saveIndicator(_prev: CatalogueState, form: FormData): Promise<NonNullable<CatalogueState>> {
  const guard = await authorizeForm(
    "action:saveIndicator",
    "manageCatalogue",
    form,
    indicatorFormSchema,
    "unit",
    invalid,
  );
  if (!guard.ok) return guard.result;
  const { unit: _unit, id, version, unitLabel, ...fields } = guard.input;
  const outcome = await updateIndicator({
    actor: actorOf(guard.auth),
    indicatorId: id,
    expectedVersion: version,
    issuerIds: await issuerIdsOf(guard.auth.scope),
    fields: { ...fields, unit: unitLabel, description: fields.description || null },
  });
  if (!outcome.ok) return refusal(outcome);
  revalidatePath("/", "layout");
  return success(
    outcome.changed === 0
      ? "Không có gì thay đổi."
      : `Đã lưu ${formatNumber(String(outcome.changed))} thay đổi của chỉ tiêu.`,
    { version: outcome.version },
  );
}

/** Đưa chỉ tiêu lên / xuống trong mục của nó. */
export async function moveIndicatorAction(_prev: CatalogueState, form: FormData): Promise<NonNullable<CatalogueState>> {
  const guard = await authorizeForm(
    "action:moveIndicator",
    "manageCatalogue",
    form,
    moveIndicatorSchema,
    "unit",
    invalid,
  );
  if (!guard.ok) return guard.result;
  const outcome = await moveIndicator({
    actor: actorOf(guard.auth),
    indicatorId: guard.input.id,
    expectedVersion: guard.input.version,
    direction: guard.input.direction,
    issuerIds: await issuerIdsOf(guard.auth.scope),
  });
  if (!outcome.ok) return refusal(outcome);
  revalidatePath("/", "layout");
  return success(outcome.changed === 0 ? "Chỉ tiêu đã ở đầu hoặc cuối mục." : "Đã đổi thứ tự.", {
    version: outcome.version,
  });
}

/** Xóa chỉ tiêu: only one without figures, targets or entries. */
export async function deleteIndicatorAction(
  _prev: CatalogueState,
  form: FormData,
): Promise<NonNullable<CatalogueState>> {
  const guard = await authorizeForm(
    "action:deleteIndicator",
    "manageCatalogue",
    form,
    indicatorRefSchema,
    "unit",
    invalid,
  );
  if (!guard.ok) return guard.result;
  const outcome = await deleteIndicator({
    actor: actorOf(guard.auth),
    indicatorId: guard.input.id,
    expectedVersion: guard.input.version,
    issuerIds: await issuerIdsOf(guard.auth.scope),
  });
  if (!outcome.ok) return refusal(outcome);
  revalidatePath("/", "layout");
  return success("Đã xóa chỉ tiêu.");
}

/** Xóa chương trình: only one without figures, targets, entries or records. */
export async function deleteProgrammeAction(
  _prev: CatalogueState,
  form: FormData,
): Promise<NonNullable<CatalogueState>> {
  const guard = await authorizeForm(
    "action:deleteProgramme",
    "manageCatalogue",
    form,
    programmeRefSchema,
    "unit",
    invalid,
  );
  if (!guard.ok) return guard.result;
  const outcome = await deleteProgramme({
    actor: actorOf(guard.auth),
    programmeId: guard.input.id,
    expectedVersion: guard.input.version,
    issuerIds: await issuerIdsOf(guard.auth.scope),
  });
  if (!outcome.ok) return refusal(outcome);
  revalidatePath("/", "layout");
  return success("Đã xóa chương trình.");
}

const FIELD_REFUSAL: Record<string, string> = {
  "code:taken": "Số hiệu “{v}” đã có.",
  "appliesTo:unknown-unit": "Không có đơn vị mã “{v}”.",
  "appliesTo:outside": "Đơn vị “{v}” không thuộc đơn vị ban hành.",
  "parent:no-parent": "Chương trình không có chỉ tiêu mã “{v}”.",
  "parent:parent-is-sub-row": "“{v}” đã là dòng phân loại của chỉ tiêu khác: chỉ chọn chỉ tiêu chính làm chỉ tiêu cha.",
};

/** The answer to a refused build step (a field refusal, or the refusals every catalogue write shares). */
function buildRefusal(outcome: Exclude<BuildOutcome, { ok: true }>): NonNullable<CatalogueState> {
  if (outcome.code !== "invalid") return refusal(outcome);
  const message = (FIELD_REFUSAL[`${outcome.field}:${outcome.reason}`] ?? "Giá trị không hợp lệ.").replace(
    "{v}",
    outcome.value,
  );
  return failure("invalid", `${message} Chưa có gì được lưu.`, { fieldErrors: { [outcome.field]: [message] } });
}

const programmeFieldsOf = (input: {
  code: string;
  number: number;
  title: string;
  summary: string;
  issuedOn: string;
  appliesTo: string[];
}) => ({ ...input, issuedOn: input.issuedOn || null });

/** Tạo chương trình in a term, issued by the unit the form names (one the person manages the catalogue of). */
export async function createProgrammeAction(
  _prev: CatalogueState,
  form: FormData,
): Promise<NonNullable<CatalogueState>> {
  const guard = await authorizeForm(
    "action:createProgramme",
    "manageCatalogue",
    form,
    programmeCreateSchema,
    "unit",
    invalid,
  );
  if (!guard.ok) return guard.result;
  const { unit: _unit, term, ...fields } = guard.input;
  const outcome = await createProgramme({
    actor: actorOf(guard.auth),
    termSlug: term,
    issuerId: guard.auth.unit.id,
    issuerIds: await issuerIdsOf(guard.auth.scope),
    fields: programmeFieldsOf(fields),
  });
  if (!outcome.ok) return buildRefusal(outcome);
  revalidatePath("/", "layout");
  return success(`Đã tạo chương trình ${fields.code}. Hãy thêm mục và chỉ tiêu.`, { version: outcome.version });
}

/** Sửa chương trình: its fields, issuing unit and the units it applies to (versioned, audited). */
export async function updateProgrammeAction(
  _prev: CatalogueState,
  form: FormData,
): Promise<NonNullable<CatalogueState>> {
  const guard = await authorizeForm(
    "action:updateProgramme",
    "manageCatalogue",
    form,
    programmeEditSchema,
    "unit",
    invalid,
  );
  if (!guard.ok) return guard.result;
  const { unit: _unit, id, version, ...fields } = guard.input;
  const outcome = await updateProgramme({
    actor: actorOf(guard.auth),
    programmeId: id,
    expectedVersion: version,
    issuerId: guard.auth.unit.id,
    issuerIds: await issuerIdsOf(guard.auth.scope),
    fields: programmeFieldsOf(fields),
  });
  if (!outcome.ok) return buildRefusal(outcome);
  revalidatePath("/", "layout");
  return success(
    outcome.changed === 0
      ? "Không có gì thay đổi."
      : `Đã lưu ${formatNumber(String(outcome.changed))} thay đổi của chương trình.`,
    { version: outcome.version },
  );
}

/** Thêm mục vào chương trình. */
export async function createSectionAction(_prev: CatalogueState, form: FormData): Promise<NonNullable<CatalogueState>> {
  const guard = await authorizeForm(
    "action:createSection",
    "manageCatalogue",
    form,
    sectionCreateSchema,
    "unit",
    invalid,
  );
  if (!guard.ok) return guard.result;
  const outcome = await createSection({
    actor: actorOf(guard.auth),
    programmeId: guard.input.programme,
    issuerIds: await issuerIdsOf(guard.auth.scope),
    code: guard.input.code,
    name: guard.input.name,
  });
  if (!outcome.ok) return buildRefusal(outcome);
  revalidatePath("/", "layout");
  return success(`Đã thêm mục “${guard.input.name}”.`, { version: outcome.version });
}

/** Đổi tên mục (the old name stays in the history). */
export async function renameSectionAction(_prev: CatalogueState, form: FormData): Promise<NonNullable<CatalogueState>> {
  const guard = await authorizeForm(
    "action:renameSection",
    "manageCatalogue",
    form,
    sectionRenameSchema,
    "unit",
    invalid,
  );
  if (!guard.ok) return guard.result;
  const outcome = await renameSection({
    actor: actorOf(guard.auth),
    sectionId: guard.input.id,
    expectedVersion: guard.input.version,
    issuerIds: await issuerIdsOf(guard.auth.scope),
    name: guard.input.name,
  });
  if (!outcome.ok) return buildRefusal(outcome);
  revalidatePath("/", "layout");
  return success(outcome.changed === 0 ? "Không có gì thay đổi." : "Đã đổi tên mục.", { version: outcome.version });
}

/** Đưa mục lên / xuống trong chương trình. */
export async function moveSectionAction(_prev: CatalogueState, form: FormData): Promise<NonNullable<CatalogueState>> {
  const guard = await authorizeForm("action:moveSection", "manageCatalogue", form, moveSectionSchema, "unit", invalid);
  if (!guard.ok) return guard.result;
  const outcome = await moveSection({
    actor: actorOf(guard.auth),
    sectionId: guard.input.id,
    expectedVersion: guard.input.version,
    direction: guard.input.direction,
    issuerIds: await issuerIdsOf(guard.auth.scope),
  });
  if (!outcome.ok) return buildRefusal(outcome);
  revalidatePath("/", "layout");
  return success(outcome.changed === 0 ? "Mục đã ở đầu hoặc cuối chương trình." : "Đã đổi thứ tự mục.", {
    version: outcome.version,
  });
}

/** Thêm chỉ tiêu vào một mục (the same fields and checks as Sửa chỉ tiêu, plus its code and parent). */
export async function createIndicatorAction(
  _prev: CatalogueState,
  form: FormData,
): Promise<NonNullable<CatalogueState>> {
  const guard = await authorizeForm(
    "action:createIndicator",
    "manageCatalogue",
    form,
    indicatorCreateSchema,
    "unit",
    invalid,
  );
  if (!guard.ok) return guard.result;
  const { unit: _unit, section, code, parent, subRowsAtMostParent, unitLabel, ...fields } = guard.input;
  const outcome = await createIndicator({
    actor: actorOf(guard.auth),
    sectionId: section,
    issuerIds: await issuerIdsOf(guard.auth.scope),
    code,
    parentCode: parent || null,
    subRowsAtMostParent,
    fields: { ...fields, unit: unitLabel, description: fields.description || null },
  });
  if (!outcome.ok) return buildRefusal(outcome);
  revalidatePath("/", "layout");
  return success(`Đã thêm chỉ tiêu “${fields.name}”.`, { version: outcome.version });
}
