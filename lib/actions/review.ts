"use server";
// Review of a ward's yearly figures (send, return, approve, unlock) and the district's deadlines.
// Every action checks the person's permission on the unit first, whatever the screen offered.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { authorizeForm } from "@/lib/auth/action-guard";
import { logAccess } from "@/lib/auth/access-log";
import { setDeadline } from "@/lib/data/deadlines";
import { findRuleUnit, setSelfApproval } from "@/lib/data/review-settings";
import { resolveDistrictYear, resolveReviewTarget } from "@/lib/data/review-target";
import { transitionSubmission } from "@/lib/data/submission-workflow";
import { STATUS_LABEL, TRANSITIONS } from "@/lib/domain/submission-workflow";
import { formatDate } from "@/lib/format/vi";
import type { SubmissionAction, SubmissionStatus } from "@/lib/generated/prisma/enums";
import {
  deadlineFormSchema,
  fieldErrorsOf,
  returnFormSchema,
  selfApprovalFormSchema,
  transitionFormSchema,
  unlockFormSchema,
} from "@/lib/validation/review";
import { type ActionResult, failure, success } from "@/lib/result";
import { actorOf } from "./form-helpers";

export type TransitionState = ActionResult<{ status: SubmissionStatus; version: number }> | null;
export type DeadlineState = ActionResult<{ dueOn: string; version: number }> | null;
export type SelfApprovalState = ActionResult<{ allowSelfApproval: boolean | null }> | null;

async function transition(
  what: string,
  action: SubmissionAction,
  schema: typeof transitionFormSchema | typeof returnFormSchema | typeof unlockFormSchema,
  form: FormData,
): Promise<NonNullable<TransitionState>> {
  const guard = await authorizeForm(
    what,
    TRANSITIONS[action].permission,
    form,
    schema as z.ZodType<z.infer<typeof transitionFormSchema>>,
    "ward",
    (error) => {
      const fieldErrors = fieldErrorsOf(error);
      return failure("invalid", fieldErrors.comment?.[0] ?? "Yêu cầu không hợp lệ. Hãy tải lại trang.", {
        fieldErrors,
      });
    },
  );
  if (!guard.ok) return guard.result;
  const { ward, year, programme, version, comment } = guard.input;
  // only among the wards where the person holds this very action, whatever else they may read
  const target = await resolveReviewTarget({ wardSlug: ward, year, programmeSlug: programme, scope: guard.auth.scope });
  if (!target) return failure("not-found", "Không tìm thấy số liệu của phường, năm và chương trình này.");

  const outcome = await transitionSubmission({
    actor: actorOf(guard.auth),
    target: {
      wardId: target.wardId,
      periodId: target.periodId,
      programmeId: target.programmeId,
      wardSlug: target.wardSlug,
      wardShortName: target.wardShortName,
    },
    action,
    expectedVersion: version,
    comment: comment || null,
  });
  if (!outcome.ok) {
    if (outcome.code === "invalid")
      return failure("invalid", outcome.message, { fieldErrors: { comment: [outcome.message] } });
    if (outcome.code === "forbidden") {
      await logAccess({
        event: "REFUSED",
        userId: guard.auth.viewer.userId,
        target: what,
        detail: `self-approval of ${ward} ${year} ${programme}`,
      });
      return failure("forbidden", outcome.message);
    }
    return failure(
      "conflict",
      outcome.message ??
        `Số liệu vừa được người khác lưu hoặc chuyển trạng thái (nay là “${STATUS_LABEL[outcome.status]}”). Hãy tải lại trang để xem bản mới nhất rồi thao tác lại.`,
    );
  }

  // the pages render at request time; this also refreshes what browsers hold of them
  revalidatePath(`/${ward}`, "layout");
  revalidatePath("/tien-do");
  if (action === "APPROVE") revalidatePath("/so-sanh", "layout");

  const data = { status: outcome.status, version: outcome.version };
  switch (action) {
    case "SUBMIT":
      return success("Đã gửi số liệu cho Đảng ủy phường duyệt. Số liệu tạm khóa trong khi chờ duyệt.", data);
    case "RETURN":
      return success("Đã trả lại số liệu cho phường, kèm ý kiến.", data);
    case "APPROVE": {
      const p = outcome.published!;
      return success(
        `Đã duyệt và công bố số liệu (${p.created} mới, ${p.updated} cập nhật, ${p.deleted} xóa, ${p.unchanged} không đổi). Số liệu đã khóa.${p.closedQuestions > 0 ? ` Đã đóng ${p.closedQuestions} câu hỏi về số liệu.` : ""}`,
        data,
      );
    }
    case "UNLOCK":
      return success(
        "Đã mở khóa: phường có thể sửa và gửi duyệt lại. Số liệu đã công bố giữ nguyên đến lần duyệt sau.",
        data,
      );
  }
}

/** Gửi duyệt (ward official). */
export async function submitForReview(_prev: TransitionState, form: FormData): Promise<NonNullable<TransitionState>> {
  return transition("action:submitForReview", "SUBMIT", transitionFormSchema, form);
}

/** Trả lại, with the committee's comment (ward party committee). */
export async function returnSubmission(_prev: TransitionState, form: FormData): Promise<NonNullable<TransitionState>> {
  return transition("action:returnSubmission", "RETURN", returnFormSchema, form);
}

/** Duyệt: publishes the figures and locks them (ward party committee). */
export async function approveSubmission(_prev: TransitionState, form: FormData): Promise<NonNullable<TransitionState>> {
  return transition("action:approveSubmission", "APPROVE", transitionFormSchema, form);
}

/** Mở khóa approved figures, with a reason (district staff). */
export async function unlockSubmission(_prev: TransitionState, form: FormData): Promise<NonNullable<TransitionState>> {
  return transition("action:unlockSubmission", "UNLOCK", unlockFormSchema, form);
}

/** Sets the wards' due date of a year for a district (district staff). */
export async function saveDeadline(_prev: DeadlineState, form: FormData): Promise<NonNullable<DeadlineState>> {
  const guard = await authorizeForm(
    "action:saveDeadline",
    "manageDeadlines",
    form,
    deadlineFormSchema,
    "district",
    (error) => {
      const fieldErrors = fieldErrorsOf(error);
      return failure("invalid", fieldErrors.dueOn?.[0] ?? "Yêu cầu không hợp lệ. Hãy tải lại trang.", { fieldErrors });
    },
  );
  if (!guard.ok) return guard.result;
  const { district, year, dueOn, version } = guard.input;
  const target = await resolveDistrictYear(district, year, guard.auth.scope);
  if (!target) return failure("not-found", "Không tìm thấy quận, thành phố hoặc năm này.");
  const outcome = await setDeadline({
    actor: actorOf(guard.auth),
    target: { districtId: target.districtId, periodId: target.periodId, year },
    dueOn,
    expectedVersion: version,
  });
  if (!outcome.ok) {
    const cur = outcome.current;
    return failure(
      "conflict",
      cur
        ? `Hạn nộp vừa được ${cur.setByName ?? "người khác"} đặt là ${formatDate(cur.dueOn)}. Hãy tải lại trang, xem lại rồi lưu lần nữa.`
        : "Hạn nộp vừa thay đổi. Hãy tải lại trang rồi lưu lần nữa.",
    );
  }
  revalidatePath("/tien-do");
  revalidatePath("/", "layout");
  return success(`Đã đặt hạn nộp số liệu năm ${year}: ${formatDate(dueOn)}.`, { dueOn, version: outcome.version });
}

/**
 * Four-eyes rule of a district (or city): may a person who sent a ward's figures approve them too?
 * District staff and administrators of the unit set it; audited.
 */
export async function saveSelfApprovalSetting(
  _prev: SelfApprovalState,
  form: FormData,
): Promise<NonNullable<SelfApprovalState>> {
  const guard = await authorizeForm(
    "action:saveSelfApprovalSetting",
    "manageReviewRules",
    form,
    selfApprovalFormSchema,
    "unit",
    (error) =>
      failure("invalid", fieldErrorsOf(error).allowSelfApproval?.[0] ?? "Yêu cầu không hợp lệ. Hãy tải lại trang."),
  );
  if (!guard.ok) return guard.result;
  const { unit, allowSelfApproval } = guard.input;
  const target = await findRuleUnit(unit, guard.auth.scope);
  if (!target) return failure("not-found", "Chỉ đặt được quy định này cho một quận hoặc thành phố.");
  const allow = allowSelfApproval === "inherit" ? null : allowSelfApproval === "allow";
  await setSelfApproval(actorOf(guard.auth), target.id, allow);
  revalidatePath("/tien-do");
  const said =
    allow === null
      ? "theo quy định của cấp trên"
      : allow
        ? "cho phép người đã gửi duyệt tự duyệt số liệu của phường"
        : "người gửi duyệt không được tự duyệt (người duyệt phải là người khác)";
  return success(`Đã lưu quy định duyệt của ${target.name}: ${said}.`, { allowSelfApproval: allow });
}
