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
});

export type BriefQuery = z.infer<typeof briefQuerySchema>;
