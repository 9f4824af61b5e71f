import { z } from "zod";
import { text } from "./text";
import { MAX_COMMENT_LENGTH } from "@/lib/domain/submission-workflow";
import { programmeSlugSchema, slugSchema } from "./params";

// The review forms: one transition of one submission, and a district's deadline of a year.

const year = z.coerce
  .number({ error: "Năm không hợp lệ." })
  .int("Năm không hợp lệ.")
  .min(1990, "Năm không hợp lệ.")
  .max(2100, "Năm không hợp lệ.");

/** Which submission, and the version the screen showed (a stale screen is refused). */
const submissionFields = {
  ward: slugSchema,
  year,
  programme: programmeSlugSchema,
  version: z.coerce.number({ error: "Thiếu phiên bản số liệu." }).int().min(1, "Thiếu phiên bản số liệu."),
};

const comment = text().trim().max(MAX_COMMENT_LENGTH, `Ý kiến dài quá ${MAX_COMMENT_LENGTH} ký tự.`);

/** Gửi duyệt, Duyệt: an optional comment. */
export const transitionFormSchema = z.object({ ...submissionFields, comment: comment.optional().default("") });

/** Trả lại: the committee's comment is required. */
export const returnFormSchema = z.object({
  ...submissionFields,
  comment: comment.min(1, "Hãy ghi ý kiến khi trả lại, để phường biết cần sửa gì."),
});

/**
 * Mở khóa: the reason is required; `request`, the ward's open request to unlock the screen showed
 * (absent when none): an unlock answering a request refused meanwhile is refused.
 */
export const unlockFormSchema = z.object({
  ...submissionFields,
  comment: comment.min(1, "Hãy ghi lý do mở khóa."),
  request: z.coerce.number({ error: "Yêu cầu không hợp lệ." }).int().min(1, "Yêu cầu không hợp lệ.").optional(),
});

export type TransitionForm = z.infer<typeof transitionFormSchema>;

/**
 * A day as Vietnamese officials write it, dd/mm/yyyy (d/m/yyyy too), whatever the browser's language;
 * yyyy-mm-dd is still read (programs, older forms). Becomes yyyy-mm-dd, a real calendar day.
 */
const viDate = z
  .string()
  .trim()
  .min(1, "Hãy nhập ngày hạn nộp (ngày/tháng/năm, ví dụ 31/03/2021).")
  .transform((s, ctx) => {
    const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
    const iso = vi ? `${vi[3]}-${vi[2].padStart(2, "0")}-${vi[1].padStart(2, "0")}` : s;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
      ctx.addIssue({ code: "custom", message: "Hãy viết ngày hạn nộp dạng ngày/tháng/năm, ví dụ 31/03/2021." });
      return z.NEVER;
    }
    const d = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
      ctx.addIssue({ code: "custom", message: "Ngày không hợp lệ." });
      return z.NEVER;
    }
    return iso;
  });

export const deadlineFormSchema = z
  .object({
    district: slugSchema,
    year,
    dueOn: viDate,
    /** 0 when no deadline was set when the form was opened */
    version: z.coerce.number().int().min(0),
  })
  // a year's figures are due after the year has begun, and not years later
  .refine((v) => Number(v.dueOn.slice(0, 4)) >= v.year && Number(v.dueOn.slice(0, 4)) <= v.year + 2, {
    path: ["dueOn"],
    message: "Hạn nộp phải trong năm đó hoặc hai năm sau.",
  });

/** The four-eyes setting of a district or city: "allow", "refuse", or "inherit" (the city's setting applies). */
export const selfApprovalFormSchema = z.object({
  unit: slugSchema,
  allowSelfApproval: z.enum(["allow", "refuse", "inherit"], { message: "Hãy chọn một lựa chọn." }),
});

export const progressQuerySchema = z.object({
  district: slugSchema.optional(),
  year: year.optional(),
  // the list of wards: a search in their names (diacritics ignored) and its page; a malformed or
  // repeated value falls back to every ward, first page
  q: z.string().trim().max(100).catch("").default(""),
  page: z
    .string()
    .regex(/^[1-9]\d{0,5}$/)
    .transform(Number)
    .catch(1)
    .default(1),
});

/** Field errors of a failed parse, for ActionResult.fieldErrors. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
