import { z } from "zod";
import { programmeSlugSchema, termSlugSchema } from "./params";

// The query of the document downloads (/api/v1/org-units/{slug}/report and /brief) and of their pages.

const yearSchema = z
  .string()
  .regex(/^\d{4}$/, "Năm phải có dạng NNNN, ví dụ 2019.")
  .transform(Number);

const flag = (name: string) =>
  z.enum(["0", "1"], { error: `“${name}” chỉ nhận 0 hoặc 1.` }).transform((v) => v === "1");

export const reportQuerySchema = z.object({
  term: termSlugSchema.optional(),
  year: yearSchema.optional(),
  format: z.enum(["docx", "pdf"], { error: "Định dạng chỉ có thể là docx hoặc pdf." }).default("pdf"),
  programme: programmeSlugSchema.optional(),
  demo: flag("demo").default(true),
  draft: flag("draft").default(false),
});

export type ReportQuery = z.infer<typeof reportQuerySchema>;

export const briefQuerySchema = z.object({
  term: termSlugSchema.optional(),
  year: yearSchema.optional(),
  format: z.enum(["pdf"], { error: "Bản tóm tắt chỉ tải được dạng pdf." }).default("pdf"),
  demo: flag("demo").default(true),
  draft: flag("draft").default(false),
});

export type BriefQuery = z.infer<typeof briefQuerySchema>;

export const REPORT_PARAGRAPH_MAX = 20000;

/** The form of one report paragraph (the same limit as the table's CHECK constraint). */
export const reportParagraphFormSchema = z.object({
  ward: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Mã phường không hợp lệ."),
  term: termSlugSchema,
  year: z.union([z.literal("").transform(() => null), yearSchema]),
  kind: z.enum(["GENERAL_ASSESSMENT", "HIGHLIGHTS", "SHORTCOMINGS", "LESSONS", "DIRECTIONS"], {
    error: "Loại đoạn văn không hợp lệ.",
  }),
  text: z
    .string()
    .max(REPORT_PARAGRAPH_MAX, `Đoạn văn dài quá ${REPORT_PARAGRAPH_MAX.toLocaleString("vi-VN")} ký tự.`)
    .transform((t) => t.replace(/\r\n/g, "\n").trim()),
  version: z.string().regex(/^\d+$/, "Phiên bản không hợp lệ.").transform(Number),
});
