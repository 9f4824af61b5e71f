"use server";
// The catalogue in the app: terms, programmes (create, edit, delete), sections (add, rename, reorder) and
// indicators (add, edit, reorder, delete).
// Each action checks `manageCatalogue` on the unit the form names, then acts only on programmes issued
// by the units where the person holds that right (with those below).
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
import { actionClient } from "./action-client";
import { issuerIdsOf } from "./form-helpers";

type CatalogueData = { version?: number; slug?: string };
export type CatalogueState = ActionResult<CatalogueData> | null;

/** Every catalogue write: `manageCatalogue` on the unit the form names; every page shows the catalogue. */
const catalogueAction = actionClient<CatalogueData>({ permission: "manageCatalogue", revalidate: ["/"] });

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
export const createTermAction = catalogueAction({
  name: "action:createTerm",
  schema: termFormSchema,
  unitField: "unit",
  run: async ({ input: { name, startYear, endYear, copyFrom }, auth, actor }) => {
    const outcome = await createTerm({
      actor,
      name: name || `Nhiệm kỳ ${startYear}–${endYear}`,
      startYear,
      endYear,
      copyFrom: copyFrom || null,
      issuerIds: await issuerIdsOf(auth.scope),
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
    const c = outcome.copied;
    return success(
      copyFrom
        ? `Đã tạo nhiệm kỳ ${startYear}–${endYear}, sao chép ${formatNumber(String(c.programmes))} chương trình, ${formatNumber(String(c.sections))} mục, ${formatNumber(String(c.indicators))} chỉ tiêu từ nhiệm kỳ ${copyFrom.replace("-", "–")}.`
        : `Đã tạo nhiệm kỳ ${startYear}–${endYear} (chưa có chương trình).`,
      { slug: outcome.slug },
    );
  },
});

/** Sửa chỉ tiêu: name, unit, type … (a change of meaning refused once figures exist). */
export const saveIndicator = catalogueAction({
  name: "action:saveIndicator",
  schema: indicatorFormSchema,
  unitField: "unit",
  run: async ({ input, auth, actor }) => {
    const { unit: _unit, id, version, unitLabel, ...fields } = input;
    const outcome = await updateIndicator({
      actor,
      indicatorId: id,
      expectedVersion: version,
      issuerIds: await issuerIdsOf(auth.scope),
      fields: { ...fields, unit: unitLabel, description: fields.description || null },
    });
    if (!outcome.ok) return refusal(outcome);
    return success(
      outcome.changed === 0
        ? "Không có gì thay đổi."
        : `Đã lưu ${formatNumber(String(outcome.changed))} thay đổi của chỉ tiêu.`,
      { version: outcome.version },
    );
  },
});

/** Đưa chỉ tiêu lên / xuống trong mục của nó. */
export const moveIndicatorAction = catalogueAction({
  name: "action:moveIndicator",
  schema: moveIndicatorSchema,
  unitField: "unit",
  run: async ({ input, auth, actor }) => {
    const outcome = await moveIndicator({
      actor,
      indicatorId: input.id,
      expectedVersion: input.version,
      direction: input.direction,
      issuerIds: await issuerIdsOf(auth.scope),
    });
    if (!outcome.ok) return refusal(outcome);
    return success(outcome.changed === 0 ? "Chỉ tiêu đã ở đầu hoặc cuối mục." : "Đã đổi thứ tự.", {
      version: outcome.version,
    });
  },
});

/** Xóa chỉ tiêu: only one without figures, targets or entries. */
export const deleteIndicatorAction = catalogueAction({
  name: "action:deleteIndicator",
  schema: indicatorRefSchema,
  unitField: "unit",
  run: async ({ input, auth, actor }) => {
    const outcome = await deleteIndicator({
      actor,
      indicatorId: input.id,
      expectedVersion: input.version,
      issuerIds: await issuerIdsOf(auth.scope),
    });
    if (!outcome.ok) return refusal(outcome);
    return success("Đã xóa chỉ tiêu.");
  },
});

/** Xóa chương trình: only one without figures, targets, entries or records. */
export const deleteProgrammeAction = catalogueAction({
  name: "action:deleteProgramme",
  schema: programmeRefSchema,
  unitField: "unit",
  run: async ({ input, auth, actor }) => {
    const outcome = await deleteProgramme({
      actor,
      programmeId: input.id,
      expectedVersion: input.version,
      issuerIds: await issuerIdsOf(auth.scope),
    });
    if (!outcome.ok) return refusal(outcome);
    return success("Đã xóa chương trình.");
  },
});

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
export const createProgrammeAction = catalogueAction({
  name: "action:createProgramme",
  schema: programmeCreateSchema,
  unitField: "unit",
  run: async ({ input, auth, actor }) => {
    const { unit: _unit, term, ...fields } = input;
    const outcome = await createProgramme({
      actor,
      termSlug: term,
      issuerId: auth.unit.id,
      issuerIds: await issuerIdsOf(auth.scope),
      fields: programmeFieldsOf(fields),
    });
    if (!outcome.ok) return buildRefusal(outcome);
    return success(`Đã tạo chương trình ${fields.code}. Hãy thêm mục và chỉ tiêu.`, { version: outcome.version });
  },
});

/** Sửa chương trình: its fields, issuing unit and the units it applies to (versioned, audited). */
export const updateProgrammeAction = catalogueAction({
  name: "action:updateProgramme",
  schema: programmeEditSchema,
  unitField: "unit",
  run: async ({ input, auth, actor }) => {
    const { unit: _unit, id, version, ...fields } = input;
    const outcome = await updateProgramme({
      actor,
      programmeId: id,
      expectedVersion: version,
      issuerId: auth.unit.id,
      issuerIds: await issuerIdsOf(auth.scope),
      fields: programmeFieldsOf(fields),
    });
    if (!outcome.ok) return buildRefusal(outcome);
    return success(
      outcome.changed === 0
        ? "Không có gì thay đổi."
        : `Đã lưu ${formatNumber(String(outcome.changed))} thay đổi của chương trình.`,
      { version: outcome.version },
    );
  },
});

/** Thêm mục vào chương trình. */
export const createSectionAction = catalogueAction({
  name: "action:createSection",
  schema: sectionCreateSchema,
  unitField: "unit",
  run: async ({ input, auth, actor }) => {
    const outcome = await createSection({
      actor,
      programmeId: input.programme,
      issuerIds: await issuerIdsOf(auth.scope),
      code: input.code,
      name: input.name,
    });
    if (!outcome.ok) return buildRefusal(outcome);
    return success(`Đã thêm mục “${input.name}”.`, { version: outcome.version });
  },
});

/** Đổi tên mục (the old name stays in the history). */
export const renameSectionAction = catalogueAction({
  name: "action:renameSection",
  schema: sectionRenameSchema,
  unitField: "unit",
  run: async ({ input, auth, actor }) => {
    const outcome = await renameSection({
      actor,
      sectionId: input.id,
      expectedVersion: input.version,
      issuerIds: await issuerIdsOf(auth.scope),
      name: input.name,
    });
    if (!outcome.ok) return buildRefusal(outcome);
    return success(outcome.changed === 0 ? "Không có gì thay đổi." : "Đã đổi tên mục.", { version: outcome.version });
  },
});

/** Đưa mục lên / xuống trong chương trình. */
export const moveSectionAction = catalogueAction({
  name: "action:moveSection",
  schema: moveSectionSchema,
  unitField: "unit",
  run: async ({ input, auth, actor }) => {
    const outcome = await moveSection({
      actor,
      sectionId: input.id,
      expectedVersion: input.version,
      direction: input.direction,
      issuerIds: await issuerIdsOf(auth.scope),
    });
    if (!outcome.ok) return buildRefusal(outcome);
    return success(outcome.changed === 0 ? "Mục đã ở đầu hoặc cuối chương trình." : "Đã đổi thứ tự mục.", {
      version: outcome.version,
    });
  },
});

/** Thêm chỉ tiêu vào một mục (the same fields and checks as Sửa chỉ tiêu, plus its code and parent). */
export const createIndicatorAction = catalogueAction({
  name: "action:createIndicator",
  schema: indicatorCreateSchema,
  unitField: "unit",
  run: async ({ input, auth, actor }) => {
    const { unit: _unit, section, code, parent, subRowsAtMostParent, unitLabel, ...fields } = input;
    const outcome = await createIndicator({
      actor,
      sectionId: section,
      issuerIds: await issuerIdsOf(auth.scope),
      code,
      parentCode: parent || null,
      subRowsAtMostParent,
      fields: { ...fields, unit: unitLabel, description: fields.description || null },
    });
    if (!outcome.ok) return buildRefusal(outcome);
    return success(`Đã thêm chỉ tiêu “${fields.name}”.`, { version: outcome.version });
  },
});
