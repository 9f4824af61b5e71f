import { z } from "zod";
import { MAX_COMMENT_LENGTH } from "@/lib/domain/submission-workflow";
import { programmeSlugSchema, slugSchema } from "./params";
import { text } from "./text";

// A ward's request to unlock its approved figures, and its refusal by those who may unlock them.

const year = z.coerce
  .number({ error: "Năm không hợp lệ." })
  .int("Năm không hợp lệ.")
  .min(1990, "Năm không hợp lệ.")
  .max(2100, "Năm không hợp lệ.");

const submissionFields = { ward: slugSchema, year, programme: programmeSlugSchema };

const words = (empty: string) =>
  text().trim().min(1, empty).max(MAX_COMMENT_LENGTH, `Nội dung dài quá ${MAX_COMMENT_LENGTH} ký tự.`);

/** Xin mở khóa: which submission, and why. */
export const requestUnlockFormSchema = z.object({
  ...submissionFields,
  reason: words("Hãy ghi lý do xin mở khóa, để quận, thành phố biết cần sửa gì."),
});

const request = z.coerce.number({ error: "Yêu cầu không hợp lệ." }).int().min(1, "Yêu cầu không hợp lệ.");

/** Từ chối: the request refused, and why. */
export const refuseUnlockFormSchema = z.object({
  ...submissionFields,
  request,
  comment: words("Hãy ghi lý do từ chối, để phường biết."),
});

/** Đã xem: the official who asked has read the refusal of their request. */
export const refusalSeenFormSchema = z.object({ ...submissionFields, request });
