"use server";
// The paragraphs a ward types into its report (đánh giá chung, kết quả nổi bật …): its officials only.
import { revalidatePath } from "next/cache";
import { authorizeForm } from "@/lib/auth/action-guard";
import { getTermBySlug } from "@/lib/data/terms";
import { saveReportParagraph } from "@/lib/data/report-paragraphs";
import { type ActionResult, failure, success } from "@/lib/result";
import { reportParagraphFormSchema } from "@/lib/validation/party-report";

export type ParagraphResult = ActionResult<{ version: number; current?: { text: string; version: number } | null }>;

export async function saveParagraph(_prev: ParagraphResult | null, formData: FormData): Promise<ParagraphResult> {
  const guard = await authorizeForm(
    "action:saveReportParagraph",
    "editValues",
    formData,
    reportParagraphFormSchema,
    "ward",
    (error) =>
      failure("invalid", error.issues[0]?.message ?? "Dữ liệu không hợp lệ.", {
        fieldErrors: { [String(error.issues[0]?.path[0] ?? "text")]: [error.issues[0]?.message ?? ""] },
      }),
  );
  if (!guard.ok) return guard.result;
  const { viewer, unit } = guard.auth;
  const f = guard.input;
  const term = await getTermBySlug(f.term);
  if (!term || (f.year !== null && (f.year < term.startYear || f.year > term.endYear)))
    return failure("not-found", "Không có kỳ báo cáo này.");
  const outcome = await saveReportParagraph({
    actor: { userId: viewer.userId, name: viewer.name },
    wardId: unit.id,
    period: { termId: term.id, year: f.year },
    kind: f.kind,
    text: f.text,
    version: f.version,
  });
  if (outcome.ok) {
    revalidatePath(`/${unit.slug}/bao-cao`);
    return success("Đã lưu đoạn văn.", { version: outcome.version });
  }
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
}
