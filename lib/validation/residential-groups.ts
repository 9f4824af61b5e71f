import { z } from "zod";
import { slugSchema, termSlugSchema } from "./params";

// URL parameters of the residential-group dashboards. Anything else (a repeated parameter, a
// malformed year) is a malformed request: the page answers 404 before any query runs.

export const yearSchema = z
  .string()
  .regex(/^\d{4}$/, "Năm phải có dạng NNNN, ví dụ 2019.")
  .transform(Number);

/** `?indicator=&year=&term=` of /{ward}/to-dan-pho: each optional, each one value. */
export const residentialGroupsQuerySchema = z.object({
  indicator: slugSchema.optional(),
  year: yearSchema.optional(),
  term: termSlugSchema.optional(),
});

/** The `{n}` of /{ward}/to-dan-pho/{n}: the group's number, without leading zeros. */
export const groupNumberSchema = z
  .string()
  .regex(/^[1-9]\d{0,3}$/, "Số tổ dân phố không hợp lệ.")
  .transform(Number);
