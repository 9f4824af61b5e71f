"use server";
// Questions on one figure (the ward party committee) and the ward's answers (its officials), on a row
// of the ward's form or a cell of its residential groups' grid. Each checks the person's right on the
// ward the form names (lib/actions/action-client.ts); lib/data then finds the row only within that
// ward (the ward itself or one of its groups), so no one asks or answers about another ward's figure.
import { answerFigureQuestion, askAboutFigure } from "@/lib/data/figure-comments";
import type { FigureCommentOutcome } from "@/lib/data/figure-comments";
import { resolveReviewTarget } from "@/lib/data/review-target";
import { type ActionResult, failure, success } from "@/lib/result";
import { answerFigureFormSchema, askFigureFormSchema } from "@/lib/validation/figure-comments";
import { fieldErrorsOf } from "@/lib/validation/review";
import { actionClient } from "./action-client";

type FigureCommentData = { id: number };
export type FigureCommentState = ActionResult<FigureCommentData> | null;

/** the text first: it is what the person typed (the other fields come from the page) */
const invalid = (error: import("zod").ZodError) => {
  const fieldErrors = fieldErrorsOf(error);
  const first = fieldErrors.body?.[0] ?? fieldErrors.indicator?.[0] ?? "Yêu cầu không hợp lệ. Hãy tải lại trang.";
  return failure("invalid", first, { fieldErrors });
};

/** The entry pages of every ward and year (the ward's form and its groups' grid show the threads). */
const ENTRY_PAGES = ["/[ward]/nhap-lieu/[year]/[programme]"];

/** The committee asks (`approve` on the ward); the ward answers (`editValues` on the ward). */
const askAction = actionClient<FigureCommentData>({ permission: "approve", revalidate: ENTRY_PAGES, invalid });
const answerAction = actionClient<FigureCommentData>({ permission: "editValues", revalidate: ENTRY_PAGES, invalid });

const NO_SUBMISSION = "Không tìm thấy số liệu của phường, năm và chương trình này.";

function answer(outcome: FigureCommentOutcome, done: string): NonNullable<FigureCommentState> {
  if (outcome.ok) return success(done, { id: outcome.id });
  switch (outcome.code) {
    case "locked":
      return failure("locked", "Số liệu đã duyệt và khóa: không đặt câu hỏi hay trả lời được nữa.");
    case "conflict":
      return failure("conflict", "Câu hỏi này vừa được đóng khi Đảng ủy duyệt số liệu. Hãy tải lại trang.");
    case "not-found":
      return failure("not-found", "Không tìm thấy chỉ tiêu hoặc câu hỏi này trong số liệu của phường.");
  }
}

/** Đặt câu hỏi về một số liệu: of the ward, or of one of its residential groups (`unit`). */
export const askFigureQuestion = askAction({
  name: "action:askFigureQuestion",
  schema: askFigureFormSchema,
  unitField: "ward",
  run: async ({ input: { ward, year, programme, indicator, unit, body }, auth, actor }) => {
    const target = await resolveReviewTarget({ wardSlug: ward, year, programmeSlug: programme, scope: auth.scope });
    if (!target) return failure("not-found", NO_SUBMISSION);
    const outcome = await askAboutFigure({ actor, target, indicatorCode: indicator, unitSlug: unit, body });
    return answer(outcome, "Đã gửi câu hỏi cho phường.");
  },
});

/** Trả lời câu hỏi của Đảng ủy về một số liệu. */
export const answerFigureComment = answerAction({
  name: "action:answerFigureComment",
  schema: answerFigureFormSchema,
  unitField: "ward",
  run: async ({ input: { ward, year, programme, question, body }, auth, actor }) => {
    const target = await resolveReviewTarget({ wardSlug: ward, year, programmeSlug: programme, scope: auth.scope });
    if (!target) return failure("not-found", NO_SUBMISSION);
    const outcome = await answerFigureQuestion({ actor, target, questionId: question, body });
    return answer(outcome, "Đã gửi câu trả lời.");
  },
});
