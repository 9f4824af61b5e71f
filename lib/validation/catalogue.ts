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

export const indicatorFormSchema = z.object({
  unit: slugSchema,
  /** the indicator's id and the version the form showed */
  id: z.coerce.number().int().min(1),
  version: z.coerce.number({ error: "Thiếu phiên bản." }).int().min(1, "Thiếu phiên bản."),
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
});

export type IndicatorForm = z.infer<typeof indicatorFormSchema>;

export const indicatorRefSchema = z.object({
  unit: slugSchema,
  id: z.coerce.number().int().min(1),
  version: z.coerce.number({ error: "Thiếu phiên bản." }).int().min(1, "Thiếu phiên bản."),
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
