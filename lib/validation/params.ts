import { z } from "zod";

// Shapes of the identifiers that appear in URLs. Anything else is a malformed request (400),
// checked before any query runs.

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Mã đơn vị chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.")
  .max(100, "Mã đơn vị quá dài.");

export const termSlugSchema = z
  .string()
  .regex(/^\d{4}-\d{4}$/, "Nhiệm kỳ phải có dạng NNNN-NNNN, ví dụ 2015-2020.")
  .refine((s) => Number(s.slice(0, 4)) <= Number(s.slice(5)), "Năm đầu nhiệm kỳ phải trước năm cuối.");

/** `GET /api/v1/programmes?term=&unit=`: with `unit`, only the programmes that apply to that unit. */
export const programmesQuerySchema = z.object({
  term: termSlugSchema.optional(),
  unit: slugSchema.optional(),
});

/** `?term=` is optional (the latest term), but when present it must be one value of the right shape. */
export const termQuerySchema = z.object({
  term: termSlugSchema.optional(),
});

export function firstError(error: z.ZodError): string {
  return error.issues[0]?.message ?? "Yêu cầu không hợp lệ.";
}

/** A programme in a URL: its code made URL-safe, e.g. "03-CTr-QU" for 03-CTr/QU. */
export const programmeSlugSchema = z
  .string()
  .regex(/^[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*$/, "Mã chương trình không hợp lệ.")
  .max(40, "Mã chương trình quá dài.");
