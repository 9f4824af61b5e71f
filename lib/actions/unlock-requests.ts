"use server";
// A ward official asks to unlock approved figures (editValues on the ward); those who may unlock them
// (unlockValues) refuse it here, or grant it by unlocking (lib/actions/review.ts#unlockSubmission,
// which grants the open request in the unlock's transaction); the official who asked marks a refusal
// read. Each checks the right on the ward the form names (the action client), then writes through
// lib/data (which queues the e-mail notices in the same transaction).
import type { ZodError } from "zod";
import type { Authorized } from "@/lib/auth/action-guard";
import { resolveReviewTarget } from "@/lib/data/review-target";
import {
  type UnlockRequestOutcome,
  markRefusalSeen,
  refuseUnlockRequest,
  requestUnlock,
} from "@/lib/data/unlock-requests";
import { type ActionResult, failure, success } from "@/lib/result";
import { fieldErrorsOf } from "@/lib/validation/review";
import {
  refusalSeenFormSchema,
  refuseUnlockFormSchema,
  requestUnlockFormSchema,
} from "@/lib/validation/unlock-requests";
import { actionClient } from "./action-client";

export type UnlockRequestState = ActionResult<{ id: number }> | null;

const invalid = (error: ZodError) => {
  const fieldErrors = fieldErrorsOf(error);
  const first = Object.values(fieldErrors)[0]?.[0] ?? "Yêu cầu không hợp lệ. Hãy tải lại trang.";
  return failure<never>("invalid", first, { fieldErrors });
};

/** A request's state shows on the ward's entry page and in the inboxes of the home page. */
const pagesOf = (auth: Authorized) => [`/${auth.unit.slug}/nhap-lieu`, "/"];
const asked = actionClient<{ id: number }>({ permission: "editValues", revalidate: pagesOf, invalid });
const decided = actionClient<{ id: number }>({ permission: "unlockValues", revalidate: pagesOf, invalid });

const NOT_FOUND = "Không tìm thấy số liệu của phường, năm và chương trình này.";

function answer(
  outcome: UnlockRequestOutcome,
  done: string,
  kind: "requested" | "refused",
): ActionResult<{ id: number }> {
  if (outcome.ok) return success(done, { id: outcome.id });
  switch (outcome.code) {
    case "locked":
      return failure("locked", "Chỉ xin mở khóa được số liệu đã duyệt và khóa.");
    case "conflict":
      return kind === "requested"
        ? failure("conflict", "Đã có một yêu cầu mở khóa đang chờ quận, thành phố xem xét. Hãy tải lại trang.")
        : failure("conflict", "Yêu cầu này vừa được xử lý (mở khóa hoặc từ chối). Hãy tải lại trang.");
    case "not-found":
      return failure("not-found", "Không tìm thấy yêu cầu mở khóa này trong số liệu của phường.");
  }
}

/** Xin mở khóa số liệu đã duyệt (ward official), with a reason. */
export const requestUnlockAction = asked({
  name: "action:requestUnlock",
  schema: requestUnlockFormSchema,
  unitField: "ward",
  run: async ({ input: { ward, year, programme, reason }, auth, actor }) => {
    const target = await resolveReviewTarget({ wardSlug: ward, year, programmeSlug: programme, scope: auth.scope });
    if (!target) return failure("not-found", NOT_FOUND);
    return answer(
      await requestUnlock({ actor, target, reason }),
      "Đã gửi yêu cầu mở khóa. Quận sẽ xem xét và mở khóa hoặc trả lời.",
      "requested",
    );
  },
});

/** Từ chối yêu cầu mở khóa (district or city staff who may unlock), with a comment. */
export const refuseUnlockAction = decided({
  name: "action:refuseUnlockRequest",
  schema: refuseUnlockFormSchema,
  unitField: "ward",
  run: async ({ input: { ward, year, programme, request, comment }, auth, actor }) => {
    const target = await resolveReviewTarget({ wardSlug: ward, year, programmeSlug: programme, scope: auth.scope });
    if (!target) return failure("not-found", NOT_FOUND);
    return answer(
      await refuseUnlockRequest({ actor, target, requestId: request, comment }),
      "Đã từ chối yêu cầu mở khóa, kèm ý kiến cho phường.",
      "refused",
    );
  },
});

/** Đã xem: the official who asked marks the refusal of their request read; it leaves their inbox. */
export const markRefusalSeenAction = asked({
  name: "action:markUnlockRefusalSeen",
  schema: refusalSeenFormSchema,
  unitField: "ward",
  // only the inbox of the home page shows it
  revalidate: ["/"],
  run: async ({ input: { ward, year, programme, request }, auth, actor }) => {
    const target = await resolveReviewTarget({ wardSlug: ward, year, programmeSlug: programme, scope: auth.scope });
    if (!target) return failure("not-found", NOT_FOUND);
    const outcome = await markRefusalSeen({ actor, target, requestId: request });
    if (!outcome.ok) return failure("not-found", "Không tìm thấy yêu cầu mở khóa bị từ chối này của bạn.");
    return success("Đã đánh dấu đã xem.", { id: request });
  },
});
