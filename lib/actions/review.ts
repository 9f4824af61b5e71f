"use server";
// Review of a ward's yearly figures (send, return, approve, unlock) and the district's deadlines.
// Every action checks the person's permission on the unit the form names first (the action client),
// whatever the screen offered.
import type { z } from "zod";
import { logAccess } from "@/lib/auth/access-log";
import { setDeadline } from "@/lib/data/deadlines";
import { findRuleUnit, setSelfApproval } from "@/lib/data/review-settings";
import { resolveDistrictYear, resolveReviewTarget } from "@/lib/data/review-target";
import { type TransitionOutcome, transitionSubmission } from "@/lib/data/submission-workflow";
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
import { type ActionContext, actionClient } from "./action-client";

type TransitionData = { status: SubmissionStatus; version: number };
export type TransitionState = ActionResult<TransitionData> | null;
export type DeadlineState = ActionResult<{ dueOn: string; version: number }> | null;
export type SelfApprovalState = ActionResult<{ allowSelfApproval: boolean | null }> | null;

/** An invalid form: the message of `field` (the one the person fills in), else a stale page's. */
const invalidUnless = (field: string) => (error: z.ZodError) => {
  const fieldErrors = fieldErrorsOf(error);
  return failure("invalid", fieldErrors[field]?.[0] ?? "Yêu cầu không hợp lệ. Hãy tải lại trang.", { fieldErrors });
};

/** What a person is told of a transition made. */
const DONE: Record<SubmissionAction, (done: Extract<TransitionOutcome, { ok: true }>) => string> = {
  SUBMIT: () => "Đã gửi số liệu cho Đảng ủy phường duyệt. Số liệu tạm khóa trong khi chờ duyệt.",
  RETURN: () => "Đã trả lại số liệu cho phường, kèm ý kiến.",
  APPROVE: ({ published: p }) =>
    `Đã duyệt và công bố số liệu (${p!.created} mới, ${p!.updated} cập nhật, ${p!.deleted} xóa, ${p!.unchanged} không đổi). Số liệu đã khóa.${p!.closedQuestions > 0 ? ` Đã đóng ${p!.closedQuestions} câu hỏi về số liệu.` : ""}`,
  UNLOCK: () => "Đã mở khóa: phường có thể sửa và gửi duyệt lại. Số liệu đã công bố giữ nguyên đến lần duyệt sau.",
};

type TransitionInput = z.infer<typeof transitionFormSchema> & { request?: number };

/** One transition's action: its permission on the ward, its form, and the pages it changes. */
function transitionAction(name: string, action: SubmissionAction, schema: z.ZodType<TransitionInput>) {
  const client = actionClient<TransitionData>({
    permission: TRANSITIONS[action].permission,
    // the pages render at request time; this also refreshes what browsers hold of them
    revalidate: (auth) => [`/${auth.unit.slug}`, "/tien-do", ...(action === "APPROVE" ? ["/so-sanh"] : [])],
    invalid: invalidUnless("comment"),
  });
  return client({ name, schema, unitField: "ward", run: (ctx) => transition(name, action, ctx) });
}

async function transition(
  what: string,
  action: SubmissionAction,
  { input, auth, actor }: ActionContext<TransitionInput>,
): Promise<ActionResult<TransitionData>> {
  const { ward, year, programme, version, comment, request } = input;
  // only among the wards where the person holds this very action, whatever else they may read
  const target = await resolveReviewTarget({ wardSlug: ward, year, programmeSlug: programme, scope: auth.scope });
  if (!target) return failure("not-found", "Không tìm thấy số liệu của phường, năm và chương trình này.");

  const outcome = await transitionSubmission({
    actor,
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
    answering: request,
  });
  if (outcome.ok) return success(DONE[action](outcome), { status: outcome.status, version: outcome.version });
  if (outcome.code === "invalid")
    return failure("invalid", outcome.message, { fieldErrors: { comment: [outcome.message] } });
  if (outcome.code === "forbidden") {
    await logAccess({
      event: "REFUSED",
      userId: auth.viewer.userId,
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

/** Gửi duyệt (ward official). */
export const submitForReview = transitionAction("action:submitForReview", "SUBMIT", transitionFormSchema);

/** Trả lại, with the committee's comment (ward party committee). */
export const returnSubmission = transitionAction("action:returnSubmission", "RETURN", returnFormSchema);

/** Duyệt: publishes the figures and locks them (ward party committee). */
export const approveSubmission = transitionAction("action:approveSubmission", "APPROVE", transitionFormSchema);

/** Mở khóa approved figures, with a reason (district staff); grants the ward's open request, if any. */
export const unlockSubmission = transitionAction("action:unlockSubmission", "UNLOCK", unlockFormSchema);

/** Sets the wards' due date of a year for a district (district staff). */
export const saveDeadline = actionClient<{ dueOn: string; version: number }>({
  permission: "manageDeadlines",
  revalidate: ["/tien-do", "/"],
  invalid: invalidUnless("dueOn"),
})({
  name: "action:saveDeadline",
  schema: deadlineFormSchema,
  unitField: "district",
  run: async ({ input: { district, year, dueOn, version }, auth, actor }) => {
    const target = await resolveDistrictYear(district, year, auth.scope);
    if (!target) return failure("not-found", "Không tìm thấy quận, thành phố hoặc năm này.");
    const outcome = await setDeadline({
      actor,
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
    return success(`Đã đặt hạn nộp số liệu năm ${year}: ${formatDate(dueOn)}.`, { dueOn, version: outcome.version });
  },
});

/**
 * Four-eyes rule of a district (or city): may a person who sent a ward's figures approve them too?
 * District staff and administrators of the unit set it; audited.
 */
export const saveSelfApprovalSetting = actionClient<{ allowSelfApproval: boolean | null }>({
  permission: "manageReviewRules",
  revalidate: ["/tien-do"],
  invalid: invalidUnless("allowSelfApproval"),
})({
  name: "action:saveSelfApprovalSetting",
  schema: selfApprovalFormSchema,
  unitField: "unit",
  run: async ({ input: { unit, allowSelfApproval }, auth, actor }) => {
    const target = await findRuleUnit(unit, auth.scope);
    if (!target) return failure("not-found", "Chỉ đặt được quy định này cho một quận hoặc thành phố.");
    const allow = allowSelfApproval === "inherit" ? null : allowSelfApproval === "allow";
    await setSelfApproval(actor, target.id, allow);
    const said =
      allow === null
        ? "theo quy định của cấp trên"
        : allow
          ? "cho phép người đã gửi duyệt tự duyệt số liệu của phường"
          : "người gửi duyệt không được tự duyệt (người duyệt phải là người khác)";
    return success(`Đã lưu quy định duyệt của ${target.name}: ${said}.`, { allowSelfApproval: allow });
  },
});
