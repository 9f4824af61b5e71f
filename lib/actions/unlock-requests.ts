"use server";
// A ward official asks to unlock approved figures (editValues on the ward); those who may unlock them
// (unlockValues) refuse it here, or grant it by unlocking (lib/actions/review.ts#unlockSubmission,
// which grants the open request in the unlock's transaction); the official who asked marks a refusal
// read. Each checks the right on the ward the form names, then writes through lib/data (which queues
// the e-mail notices in the same transaction).
import { revalidatePath } from "next/cache";
import type { ZodError } from "zod";
import { authorizeForm } from "@/lib/auth/action-guard";
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
import { actorOf } from "./form-helpers";

export type UnlockRequestState = ActionResult<{ id: number }> | null;

const invalid = (error: ZodError) => {
  const fieldErrors = fieldErrorsOf(error);
  const first = Object.values(fieldErrors)[0]?.[0] ?? "Yêu cầu không hợp lệ. Hãy tải lại trang.";
  return failure<{ id: number }>("invalid", first, { fieldErrors });
};

async function answer({
  outcome,
  done,
  kind,
  where,
}: {
  outcome: UnlockRequestOutcome;
  done: string;
  kind: "requested" | "refused";
  where: { ward: string; year: number; programme: string };
}): Promise<NonNullable<UnlockRequestState>> {
  if (outcome.ok) {
    revalidatePath(`/${where.ward}/nhap-lieu/${where.year}/${where.programme}`);
    revalidatePath("/");
    return success(done, { id: outcome.id });
  }
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
export async function requestUnlockAction(
  _prev: UnlockRequestState,
  form: FormData,
): Promise<NonNullable<UnlockRequestState>> {
  const guard = await authorizeForm(
    "action:requestUnlock",
    "editValues",
    form,
    requestUnlockFormSchema,
    "ward",
    invalid,
  );
  if (!guard.ok) return guard.result;
  const { ward, year, programme, reason } = guard.input;
  const target = await resolveReviewTarget({ wardSlug: ward, year, programmeSlug: programme, scope: guard.auth.scope });
  if (!target) return failure("not-found", "Không tìm thấy số liệu của phường, năm và chương trình này.");
  const outcome = await requestUnlock({ actor: actorOf(guard.auth), target, reason });
  return answer({
    outcome,
    done: "Đã gửi yêu cầu mở khóa. Quận sẽ xem xét và mở khóa hoặc trả lời.",
    kind: "requested",
    where: { ward, year, programme },
  });
}

/** Từ chối yêu cầu mở khóa (district or city staff who may unlock), with a comment. */
export async function refuseUnlockAction(
  _prev: UnlockRequestState,
  form: FormData,
): Promise<NonNullable<UnlockRequestState>> {
  const guard = await authorizeForm(
    "action:refuseUnlockRequest",
    "unlockValues",
    form,
    refuseUnlockFormSchema,
    "ward",
    invalid,
  );
  if (!guard.ok) return guard.result;
  const { ward, year, programme, request, comment } = guard.input;
  const target = await resolveReviewTarget({ wardSlug: ward, year, programmeSlug: programme, scope: guard.auth.scope });
  if (!target) return failure("not-found", "Không tìm thấy số liệu của phường, năm và chương trình này.");
  const outcome = await refuseUnlockRequest({ actor: actorOf(guard.auth), target, requestId: request, comment });
  return answer({
    outcome,
    done: "Đã từ chối yêu cầu mở khóa, kèm ý kiến cho phường.",
    kind: "refused",
    where: { ward, year, programme },
  });
}

/** Đã xem: the official who asked marks the refusal of their request read; it leaves their inbox. */
export async function markRefusalSeenAction(
  _prev: UnlockRequestState,
  form: FormData,
): Promise<NonNullable<UnlockRequestState>> {
  const guard = await authorizeForm(
    "action:markUnlockRefusalSeen",
    "editValues",
    form,
    refusalSeenFormSchema,
    "ward",
    invalid,
  );
  if (!guard.ok) return guard.result;
  const { ward, year, programme, request } = guard.input;
  const target = await resolveReviewTarget({ wardSlug: ward, year, programmeSlug: programme, scope: guard.auth.scope });
  if (!target) return failure("not-found", "Không tìm thấy số liệu của phường, năm và chương trình này.");
  const outcome = await markRefusalSeen({ actor: actorOf(guard.auth), target, requestId: request });
  if (!outcome.ok) return failure("not-found", "Không tìm thấy yêu cầu mở khóa bị từ chối này của bạn.");
  revalidatePath("/");
  return success("Đã đánh dấu đã xem.", { id: request });
}
