import { z } from "zod";
import { slugSchema, termSlugSchema } from "./params";

// URL parameters of the comparison pages (/so-sanh, /so-sanh/phuong). Each is one value of the right
// shape or absent (its default); anything else (a repeated parameter, a wrong shape) is malformed.

/** `term` (the whole term) or a calendar year such as `2019`. */
export const periodParamSchema = z.union([z.literal("term"), z.string().regex(/^\d{4}$/, "Năm phải có 4 chữ số.")]);

/** A programme slug such as `03-CTr-QU` (upper case allowed, unlike unit slugs). */
export const programmeSlugSchema = z
  .string()
  .regex(/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/, "Mã chương trình không hợp lệ.")
  .max(50);

/** A search typed by a person: at most 100 characters, surrounding spaces dropped. */
export const searchSchema = z.string().max(100, "Từ khóa tìm kiếm quá dài (tối đa 100 ký tự).").trim();

export const pageSchema = z
  .string()
  .regex(/^[1-9]\d{0,4}$/, "Số trang phải là số nguyên dương.")
  .transform(Number);

/** `GET /api/v1/org-units/{slug}/children?q=&limit=`: the children of a unit, searched by name. */
export const childrenQuerySchema = z.object({
  q: searchSchema.default(""),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, "limit phải là số từ 1 đến 50.")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 50, "limit phải là số từ 1 đến 50.")
    .default(20),
});

/** `GET /api/v1/compare/parents?q=&limit=&term=`: the units whose children can be compared. */
export const parentsQuerySchema = childrenQuerySchema.extend({ term: termSlugSchema.optional() });

export const compareQuerySchema = z.object({
  parent: slugSchema.default("long-bien"),
  indicator: slugSchema.optional(),
  period: periodParamSchema.default("term"),
  sort: z.enum(["desc", "asc", "name"]).default("desc"),
  per: z.enum(["none", "capita", "household"]).default("none"),
  term: termSlugSchema.optional(),
  /** Search of the table by name, diacritics ignored. */
  q: searchSchema.optional(),
  /** Page of the table, from 1. */
  page: pageSchema.optional(),
  /** The unit whose position the chart shows. */
  ward: slugSchema.optional(),
});
export type CompareQuery = z.infer<typeof compareQuerySchema>;

export const wardCompareQuerySchema = z.object({
  ward: slugSchema.default("ngoc-thuy"),
  programme: programmeSlugSchema.optional(),
  period: periodParamSchema.default("term"),
  term: termSlugSchema.optional(),
});
export type WardCompareQuery = z.infer<typeof wardCompareQuerySchema>;

/** The period of a parsed `period` parameter. */
export function parsePeriod(p: string): { kind: "TERM" } | { kind: "YEAR"; year: number } {
  return p === "term" ? { kind: "TERM" } : { kind: "YEAR", year: Number(p) };
}
