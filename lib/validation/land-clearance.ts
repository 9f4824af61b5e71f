import { z } from "zod";
import { text } from "./text";
import { programmeSlugSchema, slugSchema, termSlugSchema } from "./params";
import { type FigureType, readFigure } from "./vi-figure";

// The forms of /{ward}/gpmb (projects, their yearly progress, achievements), shared by the forms
// and the server actions. Figures are typed the Vietnamese way and leave here as canonical strings.

const empty = (v: unknown) => (v === "" || v === null ? undefined : v);

type Limits = { maxInt: number; maxFrac?: number };

/** A Vietnamese figure field: "" → null, else the canonical decimal string within the column's limits. */
export function figureField(type: FigureType, { maxInt, maxFrac = 0 }: Limits) {
  return z
    .string()
    .max(60, "Quá dài.")
    .default("")
    .transform((raw, ctx): string | null => {
      const r = readFigure(raw, type);
      if (!r.ok) {
        ctx.addIssue({ code: "custom", message: r.message });
        return z.NEVER;
      }
      if (r.value === null) return null;
      const [int, frac = ""] = r.value.split(".");
      if (int.length > maxInt) {
        ctx.addIssue({ code: "custom", message: `Số quá lớn: tối đa ${maxInt} chữ số.` });
        return z.NEVER;
      }
      if (frac.length > maxFrac) {
        ctx.addIssue({
          code: "custom",
          message: maxFrac === 0 ? "Nhập số nguyên." : `Tối đa ${maxFrac} chữ số thập phân.`,
        });
        return z.NEVER;
      }
      return r.value;
    });
}

/** Whole numbers that fit a PostgreSQL integer column (households, enforcements). */
const countField = figureField("COUNT", { maxInt: 9 }).transform((v) => (v === null ? null : Number(v)));
/** NUMERIC(14,2) */
const areaField = figureField("DECIMAL", { maxInt: 12, maxFrac: 2 });
/** NUMERIC(20,0) */
const moneyField = figureField("MONEY", { maxInt: 20 });

const yearField = z.preprocess(
  empty,
  z
    .string()
    .regex(/^\d{4}$/, "Năm có dạng NNNN, ví dụ 2019.")
    .transform(Number)
    .optional(),
);
const idField = z.coerce.number().int().positive();
const versionField = z.coerce.number({ message: "Thiếu phiên bản của bản ghi." }).int().min(0);
const noteField = text()
  .trim()
  .max(2000, "Ghi chú tối đa 2.000 ký tự.")
  .default("")
  .transform((s) => s || null);

export const PROJECT_STATUSES = ["PLANNED", "IN_PROGRESS", "COMPLETED", "UNKNOWN"] as const;
export const ACHIEVEMENT_KINDS = [
  "E_GOVERNMENT",
  "CIVILISED_MARKET",
  "GREEN_CLEAN_BEAUTIFUL",
  "CIVILISED_STREET",
  "OTHER",
] as const;
export const ACHIEVEMENT_STATUSES = ["ACHIEVED", "REGISTERED"] as const;
export const RECOGNITION_LEVELS = ["CITY", "DISTRICT", "WARD", "RESIDENTIAL_GROUP"] as const;

/** Create (no id, version 0) or edit (id and the version the form was opened with) a project. */
export const projectFormSchema = z.object({
  ward: slugSchema,
  term: termSlugSchema,
  id: z.preprocess(empty, idField.optional()),
  version: versionField,
  name: text().trim().min(1, "Hãy nhập tên dự án.").max(300, "Tên dự án tối đa 300 ký tự."),
  startYear: yearField,
  endYear: yearField,
  status: z.enum(PROJECT_STATUSES, { message: "Chọn tình trạng của dự án." }),
  householdsAffected: countField,
  areaM2: areaField,
  compensationDong: moneyField,
  forcedEnforcements: countField,
  note: noteField,
});
export type ProjectForm = z.infer<typeof projectFormSchema>;

/** A year's progress of a project: version 0 when the year has none yet. */
export const progressFormSchema = z.object({
  ward: slugSchema,
  projectId: idField,
  year: z
    .string({ message: "Chọn năm." })
    .regex(/^\d{4}$/, "Chọn năm.")
    .transform(Number),
  version: versionField,
  householdsHandedOver: countField,
  areaM2: areaField,
  compensationDong: moneyField,
  note: noteField,
});
export type ProgressForm = z.infer<typeof progressFormSchema>;

export const achievementFormSchema = z.object({
  ward: slugSchema,
  term: termSlugSchema,
  id: z.preprocess(empty, idField.optional()),
  version: versionField,
  kind: z.enum(ACHIEVEMENT_KINDS, { message: "Chọn loại danh hiệu, mô hình." }),
  status: z.enum(ACHIEVEMENT_STATUSES, { message: "Chọn đạt hay đăng ký." }),
  year: yearField,
  title: text().trim().min(1, "Hãy nhập tên danh hiệu, mô hình.").max(300, "Tối đa 300 ký tự."),
  subject: z.preprocess(empty, slugSchema.optional()),
  recognitionLevel: z.preprocess(
    empty,
    z.enum(RECOGNITION_LEVELS, { message: "Cấp công nhận không hợp lệ." }).optional(),
  ),
  programme: z.preprocess(empty, programmeSlugSchema.optional()),
  note: noteField,
});
export type AchievementForm = z.infer<typeof achievementFormSchema>;

/** Deleting a record: which one, and the version the person saw (a record changed since is not deleted blindly). */
export const deleteFormSchema = z.object({ ward: slugSchema, id: idField, version: versionField });

export type FieldErrors = Record<string, string[]>;
type TermYears = { startYear: number; endYear: number };

const add = (errors: FieldErrors, field: string, message: string) => {
  (errors[field] ??= []).push(message);
};

/** Years within the term, end not before start, enforcements not above the households affected. */
export function checkProject(
  p: Pick<ProjectForm, "startYear" | "endYear" | "householdsAffected" | "forcedEnforcements">,
  term: TermYears,
): FieldErrors {
  const errors: FieldErrors = {};
  const within = `trong nhiệm kỳ ${term.startYear}–${term.endYear}`;
  if (p.startYear !== undefined && (p.startYear < term.startYear || p.startYear > term.endYear))
    add(errors, "startYear", `Năm bắt đầu phải ${within}.`);
  if (p.endYear !== undefined && (p.endYear < term.startYear || p.endYear > term.endYear))
    add(errors, "endYear", `Năm kết thúc phải ${within}.`);
  if (p.startYear !== undefined && p.endYear !== undefined && p.endYear < p.startYear)
    add(errors, "endYear", "Năm kết thúc không được trước năm bắt đầu.");
  if (p.householdsAffected !== null && p.forcedEnforcements !== null && p.forcedEnforcements > p.householdsAffected) {
    add(errors, "forcedEnforcements", "Số trường hợp cưỡng chế không được lớn hơn số hộ bị ảnh hưởng.");
  }
  return errors;
}

/** A progress year within the term and the project's years; something to record. */
export function checkProgressYear(
  p: Pick<ProgressForm, "year" | "householdsHandedOver" | "areaM2" | "compensationDong" | "note">,
  term: TermYears,
  project: { startYear: number | null; endYear: number | null },
): FieldErrors {
  const errors: FieldErrors = {};
  const y = p.year;
  if (y < term.startYear || y > term.endYear)
    add(errors, "year", `Năm phải trong nhiệm kỳ ${term.startYear}–${term.endYear}.`);
  else if ((project.startYear !== null && y < project.startYear) || (project.endYear !== null && y > project.endYear)) {
    add(errors, "year", `Năm phải trong thời gian của dự án (${project.startYear ?? "…"}–${project.endYear ?? "…"}).`);
  }
  if (p.householdsHandedOver === null && p.areaM2 === null && p.compensationDong === null && !p.note) {
    add(errors, "householdsHandedOver", "Nhập ít nhất một số liệu của năm (hoặc ghi chú).");
  }
  return errors;
}

type YearFigures = { year: number; householdsHandedOver: number | null; areaM2: string | null };

/**
 * Totals over all years against the project: households handed over ≤ households affected, area
 * cleared ≤ the project's area (when the project gives them). `years` is every year's progress as it
 * would stand after the write.
 */
export function checkProgressTotals(
  project: { householdsAffected: number | null; areaM2: string | null },
  years: YearFigures[],
): FieldErrors {
  const errors: FieldErrors = {};
  const households = years.reduce((s, y) => s + (y.householdsHandedOver ?? 0), 0);
  if (project.householdsAffected !== null && households > project.householdsAffected) {
    add(
      errors,
      "householdsHandedOver",
      `Tổng số hộ đã bàn giao qua các năm (${households}) vượt số hộ bị ảnh hưởng của dự án (${project.householdsAffected}).`,
    );
  }
  if (project.areaM2 !== null) {
    const hundredths = (v: string) => {
      const [i, f = ""] = v.split(".");
      return BigInt(i) * 100n + BigInt((f + "00").slice(0, 2));
    };
    const area = years.reduce((s, y) => s + (y.areaM2 ? hundredths(y.areaM2) : 0n), 0n);
    if (area > hundredths(project.areaM2))
      add(errors, "areaM2", "Tổng diện tích đã bàn giao qua các năm vượt diện tích của dự án.");
  }
  return errors;
}

export const hasErrors = (e: FieldErrors) => Object.keys(e).length > 0;
