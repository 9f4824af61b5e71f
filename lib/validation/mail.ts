import { z } from "zod";
import type { MailKind } from "@/lib/generated/prisma/enums";

export const MAIL_KINDS = [
  "SUBMISSION_SENT",
  "SUBMISSION_RETURNED",
  "SUBMISSION_APPROVED",
  "SUBMISSION_UNLOCKED",
  "DEADLINE_REMINDER",
  "UNLOCK_REQUESTED",
  "UNLOCK_REFUSED",
] as const satisfies readonly MailKind[];

const UNKNOWN_FIELD = "Biểu mẫu có trường không hợp lệ. Hãy tải lại trang rồi thao tác lại.";
const ticked = z.literal("on", { error: UNKNOWN_FIELD }).optional();

/** One checkbox per kind, named by the kind (a ticked box sends "on"; an unticked one nothing). */
export const mailChoicesSchema = z
  .strictObject(
    {
      SUBMISSION_SENT: ticked,
      SUBMISSION_RETURNED: ticked,
      SUBMISSION_APPROVED: ticked,
      SUBMISSION_UNLOCKED: ticked,
      DEADLINE_REMINDER: ticked,
      UNLOCK_REQUESTED: ticked,
      UNLOCK_REFUSED: ticked,
    },
    { error: UNKNOWN_FIELD },
  )
  .transform((f) => MAIL_KINDS.filter((k) => f[k] === "on"));

export const retryMailSchema = z.strictObject(
  { id: z.coerce.number({ error: "Thiếu mã thư." }).int().positive("Thiếu mã thư.") },
  { error: UNKNOWN_FIELD },
);
