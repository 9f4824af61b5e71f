"use server";
// The paragraphs a ward types into its report (đánh giá chung, kết quả nổi bật …): its officials only.
import type { ZodError } from "zod";
import { getTermBySlug } from "@/lib/data/terms";
import { saveReportParagraph } from "@/lib/data/report-paragraphs";
import { type ActionResult, failure, success } from "@/lib/result";
import { reportParagraphFormSchema } from "@/lib/validation/party-report";
import { actionClient } from "./action-client";

type ParagraphData = { version: number; current?: { text: string; version: number } | null };
export type ParagraphResult = ActionResult<ParagraphData>;

/** The first problem, at its field (the paragraph's text when the form names none). */
const invalid = (error: ZodError) =>
  failure<never>("invalid", error.issues[0]?.message ?? "Dữ liệu không hợp lệ.", {
    fieldErrors: { [String(error.issues[0]?.path[0] ?? "text")]: [error.issues[0]?.message ?? ""] },
  });

const paragraphAction = actionClient<ParagraphData>({
  permission: "editValues",
  // the ward's report shows the paragraph
  revalidate: (auth) => [`/${auth.unit.slug}/bao-cao`],
  invalid,
});

export const saveParagraph = paragraphAction({
  name: "action:saveReportParagraph",
  schema: reportParagraphFormSchema,
  unitField: "ward",
  run: async ({ input: f, auth, actor }) => {
    const term = await getTermBySlug(f.term);
    if (!term || (f.year !== null && (f.year < term.startYear || f.year > term.endYear)))
      return failure("not-found", "Không có kỳ báo cáo này.");
    const outcome = await saveReportParagraph({
      actor,
      wardId: auth.unit.id,
      period: { termId: term.id, year: f.year },
      kind: f.kind,
      text: f.text,
      version: f.version,
    });
    if (outcome.ok) return success("Đã lưu đoạn văn.", { version: outcome.version });
    switch (outcome.code) {
      case "not-found":
        return failure("not-found", "Không có kỳ báo cáo này.");
      case "locked":
        return failure(
          "locked",
          "Số liệu của kỳ này đã được Đảng ủy duyệt hết: báo cáo đã khóa, không sửa được đoạn văn nữa.",
        );
      case "conflict":
        return failure(
          "conflict",
          "Đoạn văn này vừa được người khác lưu. Nội dung họ đã lưu hiện bên dưới; hãy xem lại rồi lưu lại.",
          { data: { version: outcome.current?.version ?? 0, current: outcome.current } },
        );
    }
  },
});
