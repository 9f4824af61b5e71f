import { z } from "zod";
import { text } from "./text";
import { slugSchema, termSlugSchema } from "./params";

// The catalogue forms (terms, indicators, targets): shared by the forms and the actions. `unit` is
// the unit the person manages the catalogue of: the action checks `manageCatalogue` on it.

const year = z.coerce
  .number({ error: "Năm không hợp lệ." })
  .int("Năm không hợp lệ.")
  .min(1990, "Năm không hợp lệ.")
  .max(2100, "Năm không hợp lệ.");

export const termFormSchema = z
  .object({
    unit: slugSchema,
    name: text().trim().max(120, "Tên nhiệm kỳ dài quá 120 ký tự.").optional().default(""),
    startYear: year,
    endYear: year,
    /** "" : start empty */
    copyFrom: z
      .union([z.literal(""), termSlugSchema])
      .optional()
      .default(""),
  })
  .refine((v) => v.startYear < v.endYear, { path: ["endYear"], message: "Năm cuối phải sau năm đầu nhiệm kỳ." })
  .refine((v) => v.endYear - v.startYear <= 10, { path: ["endYear"], message: "Một nhiệm kỳ dài tối đa 10 năm." });

export type TermForm = z.infer<typeof termFormSchema>;

const VALUE_TYPES = ["COUNT", "PERCENT", "MONEY", "DECIMAL", "BOOLEAN"] as const;
const AGGREGATIONS = ["SUM", "AVERAGE", "LATEST", "MAX", "YEARS_ACHIEVED"] as const;
const DIRECTIONS = ["HIGHER_IS_BETTER", "LOWER_IS_BETTER", "NEUTRAL"] as const;
const LEVELS = ["WARD", "RESIDENTIAL_GROUP"] as const;

const checkbox = z
  .union([z.literal("on"), z.literal("1"), z.literal("true"), z.literal("")])
  .optional()
  .transform((v) => v === "on" || v === "1" || v === "true");

/** "khoa=gia-tri" per line: the breakdown tags of an indicator. */
const categories = text()
  .max(2000, "Nhãn phân loại dài quá.")
  .optional()
  .default("")
  .transform((s, ctx) => {
    const out: Record<string, string> = {};
    for (const line of s.split(/\r?\n/)) {
      const t = line.trim();
      if (!t) continue;
      const m = /^([a-z0-9_]+)\s*=\s*([a-z0-9_-]+)$/.exec(t);
      if (!m) {
        ctx.addIssue({
          code: "custom",
          message: `Dòng “${t}” không đúng dạng khoa=gia_tri (chữ thường không dấu, số, gạch dưới).`,
        });
        return z.NEVER;
      }
      out[m[1]] = m[2];
    }
    return out;
  });

/** What an indicator is: shared by the edit form and the create form (and their actions). */
const indicatorFields = {
  name: text().trim().min(1, "Hãy nhập tên chỉ tiêu.").max(500, "Tên chỉ tiêu dài quá 500 ký tự."),
  unitLabel: text().trim().min(1, "Hãy nhập đơn vị tính.").max(40, "Đơn vị tính dài quá 40 ký tự."),
  valueType: z.enum(VALUE_TYPES, { message: "Hãy chọn kiểu giá trị." }),
  aggregation: z.enum(AGGREGATIONS, { message: "Hãy chọn cách tổng hợp." }),
  direction: z.enum(DIRECTIONS, { message: "Hãy chọn chiều đánh giá." }),
  collectionLevel: z.enum(LEVELS, { message: "Hãy chọn cấp thu thập." }),
  wardFromGroups: checkbox,
  headline: checkbox,
  categories,
  description: text().trim().max(2000, "Mô tả dài quá 2000 ký tự.").optional().default(""),
};

type IndicatorShape = {
  valueType: (typeof VALUE_TYPES)[number];
  aggregation: (typeof AGGREGATIONS)[number];
  collectionLevel: (typeof LEVELS)[number];
  wardFromGroups: boolean;
};

/**
 * Fields that must agree with each other, checked by the create and the edit form alike: a term
 * figure the aggregation rule could not compute would otherwise be shown as a number.
 */
function indicatorCrossFields(v: IndicatorShape, ctx: z.RefinementCtx) {
  if (v.wardFromGroups && v.collectionLevel !== "RESIDENTIAL_GROUP")
    ctx.addIssue({
      code: "custom",
      path: ["wardFromGroups"],
      message: "Chỉ tính số của phường từ các tổ khi chỉ tiêu được thu thập theo tổ dân phố.",
    });
  if (v.aggregation === "YEARS_ACHIEVED" && v.valueType !== "BOOLEAN")
    ctx.addIssue({
      code: "custom",
      path: ["aggregation"],
      message: "“Số năm đạt” chỉ dùng cho chỉ tiêu kiểu Có/Không (đạt/chưa đạt).",
    });
  if (v.valueType === "BOOLEAN" && v.aggregation !== "YEARS_ACHIEVED" && v.aggregation !== "LATEST")
    ctx.addIssue({
      code: "custom",
      path: ["aggregation"],
      message: "Chỉ tiêu Có/Không chỉ tổng hợp theo số năm đạt hoặc năm gần nhất.",
    });
  if (v.valueType === "PERCENT" && v.aggregation === "SUM")
    ctx.addIssue({
      code: "custom",
      path: ["aggregation"],
      message: "Tỷ lệ (%) không cộng dồn qua các năm được: hãy chọn trung bình, năm gần nhất hoặc cao nhất.",
    });
}

export const indicatorFormSchema = z
  .object({
    unit: slugSchema,
    /** the indicator's id and the version the form showed */
    id: z.coerce.number().int().min(1),
    version: z.coerce.number({ error: "Thiếu phiên bản." }).int().min(1, "Thiếu phiên bản."),
    ...indicatorFields,
  })
  .superRefine(indicatorCrossFields);

/** A code that stays in URLs and imports: lower case without diacritics, digits and dashes. */
const catalogueCode = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, `Mã ${what} chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.`)
    .max(60, `Mã ${what} dài quá 60 ký tự.`);

/**
 * Thêm chỉ tiêu into a section: the same fields as the edit form, its code, optionally the indicator
 * it is a category sub-row of, and whether the sub-rows together may not exceed that parent (a
 * cross-field rule the entry form then checks).
 */
export const indicatorCreateSchema = z
  .object({
    unit: slugSchema,
    section: z.coerce.number().int().min(1),
    code: catalogueCode("chỉ tiêu"),
    /** "" : not a sub-row */
    parent: z
      .union([z.literal(""), catalogueCode("chỉ tiêu cha")])
      .optional()
      .default(""),
    subRowsAtMostParent: checkbox,
    ...indicatorFields,
  })
  .superRefine(indicatorCrossFields)
  .refine((v) => v.parent !== "" || !v.subRowsAtMostParent, {
    path: ["subRowsAtMostParent"],
    message: "Chỉ đặt quy tắc “không vượt chỉ tiêu cha” cho một dòng phân loại.",
  })
  .refine((v) => v.parent !== v.code, { path: ["parent"], message: "Chỉ tiêu không thể là dòng con của chính nó." });

export type IndicatorCreateForm = z.infer<typeof indicatorCreateSchema>;

const day = z.union([
  z.literal(""),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày không hợp lệ.")
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, "Ngày không hợp lệ."),
]);

/** One unit slug per line or comma: the units a programme applies to (none: every unit below its issuer). */
const unitList = text()
  .max(4000, "Danh sách đơn vị dài quá.")
  .optional()
  .default("")
  .transform((s, ctx) => {
    const slugs = [
      ...new Set(
        s
          .split(/[\s,;]+/)
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    ];
    const bad = slugs.find((x) => !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(x));
    if (bad) {
      ctx.addIssue({ code: "custom", message: `“${bad}” không phải mã đơn vị (chữ thường không dấu, gạch ngang).` });
      return z.NEVER;
    }
    return slugs;
  });

/** The fields of a programme, created or edited; `unit` is its issuing unit. */
const programmeFields = {
  unit: slugSchema,
  code: text()
    .trim()
    .min(1, "Hãy nhập số hiệu chương trình (ví dụ 01-CTr/TU).")
    .max(40, "Số hiệu dài quá 40 ký tự.")
    .regex(/^[0-9A-Za-z]+(?:[-/.][0-9A-Za-z]+)*$/, "Số hiệu chỉ gồm chữ không dấu, chữ số và - / . (ví dụ 01-CTr/TU)."),
  number: z.coerce
    .number({ error: "Số thứ tự không hợp lệ." })
    .int("Số thứ tự phải là số nguyên.")
    .min(1, "Số thứ tự từ 1.")
    .max(999, "Số thứ tự tối đa 999."),
  title: text().trim().min(1, "Hãy nhập tên chương trình.").max(1000, "Tên chương trình dài quá 1000 ký tự."),
  summary: text().trim().max(4000, "Tóm tắt dài quá 4000 ký tự.").optional().default(""),
  issuedOn: day.optional().default(""),
  appliesTo: unitList,
};

/** Tạo chương trình in a term. */
export const programmeCreateSchema = z.object({ ...programmeFields, term: termSlugSchema });
export type ProgrammeCreateForm = z.infer<typeof programmeCreateSchema>;

/** Sửa chương trình: its id and the version the form showed. */
export const programmeEditSchema = z.object({
  ...programmeFields,
  id: z.coerce.number().int().min(1),
  version: z.coerce.number({ error: "Thiếu phiên bản." }).int().min(1, "Thiếu phiên bản."),
});
export type ProgrammeEditForm = z.infer<typeof programmeEditSchema>;

/** Thêm mục into a programme. */
export const sectionCreateSchema = z.object({
  unit: slugSchema,
  programme: z.coerce.number().int().min(1),
  code: catalogueCode("mục"),
  name: text().trim().min(1, "Hãy nhập tên mục.").max(300, "Tên mục dài quá 300 ký tự."),
});

/** Đổi tên mục. */
export const sectionRenameSchema = z.object({
  unit: slugSchema,
  id: z.coerce.number().int().min(1),
  version: z.coerce.number({ error: "Thiếu phiên bản." }).int().min(1, "Thiếu phiên bản."),
  name: text().trim().min(1, "Hãy nhập tên mục.").max(300, "Tên mục dài quá 300 ký tự."),
});

export type IndicatorForm = z.infer<typeof indicatorFormSchema>;

export const indicatorRefSchema = z.object({
  unit: slugSchema,
  id: z.coerce.number().int().min(1),
  version: z.coerce.number({ error: "Thiếu phiên bản." }).int().min(1, "Thiếu phiên bản."),
});

export const moveSectionSchema = indicatorRefSchema.extend({
  direction: z.enum(["up", "down"], { message: "Hướng di chuyển không hợp lệ." }),
});

export const moveIndicatorSchema = indicatorRefSchema.extend({
  direction: z.enum(["up", "down"], { message: "Hướng di chuyển không hợp lệ." }),
});

export const programmeRefSchema = z.object({
  unit: slugSchema,
  id: z.coerce.number().int().min(1),
  version: z.coerce.number({ error: "Thiếu phiên bản." }).int().min(1, "Thiếu phiên bản."),
});

/** The document that set the targets (a congress resolution …) and its date. */
const documentFields = {
  sourceTitle: text()
    .trim()
    .min(1, "Hãy ghi văn bản giao chỉ tiêu (ví dụ Nghị quyết Đại hội Đảng bộ phường).")
    .max(300, "Tên văn bản dài quá 300 ký tự."),
  sourceDate: z.union([
    z.literal(""),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày văn bản không hợp lệ.")
      .refine((s) => {
        const d = new Date(`${s}T00:00:00Z`);
        return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
      }, "Ngày văn bản không hợp lệ."),
  ]),
};

const targetWhere = {
  unit: slugSchema,
  term: termSlugSchema,
  programme: z
    .string()
    .regex(/^[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*$/, "Mã chương trình không hợp lệ.")
    .max(40),
};

/** The target grid: the cells `c:<indicator>:<period>:<unit>` and their versions `v:…` come as extra fields. */
export const targetGridSchema = z.object({ ...targetWhere, ...documentFields }).catchall(text().max(100));

/** The target file's import form; `fingerprint` only for "Áp dụng". */
export const targetImportSchema = z.object({
  ...targetWhere,
  ...documentFields,
  fingerprint: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^[0-9a-f]{32}$/, "Hãy bấm “Xem trước” trước khi áp dụng.")
      .optional(),
  ),
});
