import { z } from "zod";
import { MAX_COMMENT_LENGTH } from "@/lib/domain/submission-workflow";
import { programmeSlugSchema, slugSchema } from "./params";
import { text } from "./text";

// Questions of the committee about one figure of a submission, and the ward's answers.

const year = z.coerce
  .number({ error: "Năm không hợp lệ." })
  .int("Năm không hợp lệ.")
  .min(1990, "Năm không hợp lệ.")
  .max(2100, "Năm không hợp lệ.");

const submissionFields = { ward: slugSchema, year, programme: programmeSlugSchema };

const body = (empty: string) =>
  text().trim().min(1, empty).max(MAX_COMMENT_LENGTH, `Nội dung dài quá ${MAX_COMMENT_LENGTH} ký tự.`);

/** Đặt câu hỏi: one row (indicator code, and the ward or one of its groups) and the question. */
export const askFigureFormSchema = z.object({
  ...submissionFields,
  indicator: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Hãy chọn chỉ tiêu.")
    .max(100, "Hãy chọn chỉ tiêu."),
  unit: slugSchema,
  body: body("Hãy ghi câu hỏi về số liệu."),
});

/** Trả lời: the question answered and the answer. */
export const answerFigureFormSchema = z.object({
  ...submissionFields,
  question: z.coerce.number({ error: "Câu hỏi không hợp lệ." }).int().min(1, "Câu hỏi không hợp lệ."),
  body: body("Hãy ghi câu trả lời."),
});
