"use server";
// E-mail settings of the person signed in (which kinds of notice they receive), and the
// administrators' "send again" of a mail the queue gave up on.
import { revalidatePath } from "next/cache";
import { signedIn } from "@/lib/auth/action-guard";
import { logAccess } from "@/lib/auth/access-log";
import { canManageAccounts } from "@/lib/auth/permissions";
import { retryGivenUp, setMailChoices } from "@/lib/data/mail-notices";
import { type ActionResult, failure, success } from "@/lib/result";
import { singleValued } from "@/lib/validation/form-input";
import { mailChoicesSchema, retryMailSchema } from "@/lib/validation/mail";

export type MailChoicesState = ActionResult | null;

/** Only the person's own choices: the user id comes from the session, never from the form. */
export async function saveMailChoices(_prev: MailChoicesState, form: FormData): Promise<ActionResult> {
  const who = await signedIn("action:saveMailChoices");
  if (!who.ok) return who.result;
  const fields = singleValued(form);
  if (!fields.ok) return failure("invalid", fields.message, { fieldErrors: { [fields.field]: [fields.message] } });
  const parsed = mailChoicesSchema.safeParse(fields.fields);
  if (!parsed.success) return failure("invalid", parsed.error.issues[0]?.message ?? "Dữ liệu không hợp lệ.");
  await setMailChoices({ userId: who.viewer.userId, receive: parsed.data });
  revalidatePath("/tai-khoan");
  return success("Đã lưu lựa chọn nhận thư.");
}

/** Administrators: queue a given-up mail again (after the SMTP problem was fixed). */
export async function retryMail(_prev: MailChoicesState, form: FormData): Promise<ActionResult> {
  const who = await signedIn("action:retryMail");
  if (!who.ok) return who.result;
  if (!canManageAccounts(who.viewer)) {
    await logAccess({
      event: "REFUSED",
      userId: who.viewer.userId,
      target: "action:retryMail",
      detail: "not an administrator",
    });
    return failure("forbidden", "Chỉ quản trị viên được gửi lại thư.");
  }
  const fields = singleValued(form);
  if (!fields.ok) return failure("invalid", fields.message, { fieldErrors: { [fields.field]: [fields.message] } });
  const parsed = retryMailSchema.safeParse(fields.fields);
  if (!parsed.success) return failure("invalid", parsed.error.issues[0]?.message ?? "Dữ liệu không hợp lệ.");
  const outcome = await retryGivenUp({ id: parsed.data.id, actorId: who.viewer.userId });
  if (!outcome.ok)
    return outcome.code === "not-found"
      ? failure("not-found", "Không có thư đã thôi gửi với mã này (có thể đã được gửi lại).")
      : failure("invalid", "Chưa bật gửi thư (SMTP_URL và MAIL_FROM trên máy chủ PostgreSQL): không gửi lại được.");
  revalidatePath("/quan-tri/thu-gui");
  return success("Đã đưa thư vào hàng đợi để gửi lại.");
}
