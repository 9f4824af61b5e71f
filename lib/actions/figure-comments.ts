"use server";
// Questions on one figure (the ward party committee) and the ward's answers (its officials). Each
// checks the person's right on the ward the form names, then writes through lib/data.
import { revalidatePath } from "next/cache";
import type { ZodError } from "zod";
import { authorizeForm } from "@/lib/auth/action-guard";
import { answerFigureQuestion, askAboutFigure } from "@/lib/data/figure-comments";
import type { FigureCommentOutcome } from "@/lib/data/figure-comments";
import { resolveReviewTarget } from "@/lib/data/review-target";
import { type ActionResult, failure, success } from "@/lib/result";
import { answerFigureFormSchema, askFigureFormSchema } from "@/lib/validation/figure-comments";
import { fieldErrorsOf } from "@/lib/validation/review";

export type FigureCommentState = ActionResult<{ id: number }> | null;

const invalid = (error: ZodError) => {
  const fieldErrors = fieldErrorsOf(error);
  const first = fieldErrors.body?.[0] ?? fieldErrors.indicator?.[0] ?? "Yêu cầu không hợp lệ. Hãy tải lại trang.";
  return failure<{ id: number }>("invalid", first, { fieldErrors });
};

function answer(outcome: FigureCommentOutcome, done: string, page: string): NonNullable<FigureCommentState> {
  if (outcome.ok) {
    revalidatePath(page);
    return success(done, { id: outcome.id });
  }
  switch (outcome.code) {
    case "locked":
      return failure("locked", "Số liệu đã duyệt và khóa: không đặt câu hỏi hay trả lời được nữa.");
    case "conflict":
      return failure("conflict", "Câu hỏi này vừa được đóng khi Đảng ủy duyệt số liệu. Hãy tải lại trang.");
    case "not-found":
      return failure("not-found", "Không tìm thấy chỉ tiêu hoặc câu hỏi này trong số liệu của phường.");
  }
}

/** Đặt câu hỏi về một số liệu (ward party committee). */
export async function askFigureQuestion(
  _prev: FigureCommentState,
  form: FormData,
): Promise<NonNullable<FigureCommentState>> {
  const guard = await authorizeForm("action:askFigureQuestion", "approve", form, askFigureFormSchema, "ward", invalid);
  if (!guard.ok) return guard.result;
  const { ward, year, programme, indicator, unit, body } = guard.input;
  const target = await resolveReviewTarget({ wardSlug: ward, year, programmeSlug: programme, scope: guard.auth.scope });
  if (!target) return failure("not-found", "Không tìm thấy số liệu của phường, năm và chương trình này.");
  const outcome = await askAboutFigure({
    actor: { userId: guard.auth.viewer.userId, name: guard.auth.viewer.name },
    target,
    indicatorCode: indicator,
    unitSlug: unit,
    body,
  });
  return answer(outcome, "Đã gửi câu hỏi cho phường.", `/${ward}/nhap-lieu/${year}/${programme}`);
}

/** Trả lời câu hỏi của Đảng ủy về một số liệu (ward official). */
export async function answerFigureComment(
  _prev: FigureCommentState,
  form: FormData,
): Promise<NonNullable<FigureCommentState>> {
  const guard = await authorizeForm(
    "action:answerFigureComment",
    "editValues",
    form,
    answerFigureFormSchema,
    "ward",
    invalid,
  );
  if (!guard.ok) return guard.result;
  const { ward, year, programme, question, body } = guard.input;
  const target = await resolveReviewTarget({ wardSlug: ward, year, programmeSlug: programme, scope: guard.auth.scope });
  if (!target) return failure("not-found", "Không tìm thấy số liệu của phường, năm và chương trình này.");
  const outcome = await answerFigureQuestion({
    actor: { userId: guard.auth.viewer.userId, name: guard.auth.viewer.name },
    target,
    questionId: question,
    body,
  });
  return answer(outcome, "Đã gửi câu trả lời.", `/${ward}/nhap-lieu/${year}/${programme}`);
}
