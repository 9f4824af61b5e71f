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

export const compareQuerySchema = z.object({
  parent: slugSchema.default("long-bien"),
  indicator: slugSchema.optional(),
  period: periodParamSchema.default("term"),
  sort: z.enum(["desc", "asc", "name"]).default("desc"),
  per: z.enum(["none", "capita", "household"]).default("none"),
  term: termSlugSchema.optional(),
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
