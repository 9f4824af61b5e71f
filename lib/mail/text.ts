// The text of the e-mail notices: Vietnamese, naming the ward, the programme and the year, with a link
// to the page where the person acts. Never a figure: a mail can be forwarded or read on a shared
// screen, and the figures belong behind the sign-in (the link leads there).
import { formatDate } from "@/lib/format/vi";
import type { MailKind } from "@/lib/generated/prisma/enums";

export type SubmissionMailFacts = {
  kind: Exclude<MailKind, "DEADLINE_REMINDER" | UnlockRequestMailFacts["kind"]>;
  wardName: string;
  programmeCode: string;
  programmeTitle: string;
  year: number;
  actorName: string;
  /** the committee's comment (returned) or the unlock's reason */
  comment: string | null;
  /** absolute URL of the entry page */
  link: string;
};

/** A ward official's request to unlock approved figures (to those who may unlock), or its refusal (to the official). */
export type UnlockRequestMailFacts = {
  kind: "UNLOCK_REQUESTED" | "UNLOCK_REFUSED";
  wardName: string;
  programmeCode: string;
  programmeTitle: string;
  year: number;
  /** who asked (requested) or who refused (refused) */
  actorName: string;
  /** the request's reason, or the refusal's comment */
  comment: string;
  /** absolute URL of the entry page (its unlock section) */
  link: string;
};

export type ReminderStage = "D7" | "D1" | "PASSED";

export type ReminderMailFacts = {
  wardName: string;
  year: number;
  /** yyyy-mm-dd */
  dueOn: string;
  stage: ReminderStage;
  /** programmes of the year not yet sent, by code */
  programmes: readonly string[];
  /** absolute URL of the ward's entry hub */
  link: string;
};

export type MailText = { subject: string; body: string };

const FOOTER =
  "\n\n—\nThư tự động của hệ thống Theo dõi Chương trình công tác toàn khóa; xin đừng trả lời thư này." +
  "\nBạn có thể tắt loại thông báo này trong trang Tài khoản của tôi.";

export function submissionMail(f: SubmissionMailFacts): MailText {
  const what = `số liệu năm ${f.year} của ${f.wardName}, chương trình ${f.programmeCode} (${f.programmeTitle})`;
  const comment = f.comment?.trim() ? `\n\nÝ kiến: ${f.comment.trim()}` : "";
  const [subject, lead, ask] = (() => {
    switch (f.kind) {
      case "SUBMISSION_SENT":
        return [
          `[Chờ duyệt] ${f.wardName} – ${f.programmeCode} – năm ${f.year}`,
          `${f.actorName} đã gửi ${what} để Đảng ủy phường duyệt.`,
          "Mời đồng chí xem và duyệt hoặc trả lại (kèm ý kiến) tại:",
        ];
      case "SUBMISSION_RETURNED":
        return [
          `[Bị trả lại] ${f.wardName} – ${f.programmeCode} – năm ${f.year}`,
          `${f.actorName} (Đảng ủy phường) đã trả lại ${what}.${comment}`,
          "Mời đồng chí sửa theo ý kiến và gửi duyệt lại tại:",
        ];
      case "SUBMISSION_APPROVED":
        return [
          `[Đã duyệt] ${f.wardName} – ${f.programmeCode} – năm ${f.year}`,
          `${f.actorName} (Đảng ủy phường) đã duyệt ${what}. Số liệu đã được công bố và khóa.`,
          "Xem tại:",
        ];
      case "SUBMISSION_UNLOCKED":
        return [
          `[Mở khóa] ${f.wardName} – ${f.programmeCode} – năm ${f.year}`,
          `${f.actorName} đã mở khóa ${what} để sửa lại.${comment.replace("Ý kiến", "Lý do")}`,
          "Số liệu cần được gửi và duyệt lại tại:",
        ];
    }
  })();
  return { subject, body: `Kính gửi đồng chí,\n\n${lead}\n\n${ask}\n${f.link}${FOOTER}` };
}

export function unlockRequestMail(f: UnlockRequestMailFacts): MailText {
  const what = `số liệu năm ${f.year} của ${f.wardName}, chương trình ${f.programmeCode} (${f.programmeTitle})`;
  const where = `${f.wardName} – ${f.programmeCode} – năm ${f.year}`;
  const [subject, lead, ask] =
    f.kind === "UNLOCK_REQUESTED"
      ? [
          `[Xin mở khóa] ${where}`,
          `${f.actorName} (cán bộ phường) xin mở khóa ${what}, đã duyệt, để sửa lại.\n\nLý do: ${f.comment.trim()}`,
          "Mời đồng chí xem và mở khóa hoặc từ chối (kèm ý kiến) tại:",
        ]
      : [
          `[Từ chối mở khóa] ${where}`,
          `${f.actorName} đã từ chối yêu cầu mở khóa ${what} của đồng chí. Số liệu đã duyệt giữ nguyên.\n\nÝ kiến: ${f.comment.trim()}`,
          "Xem tại:",
        ];
  return { subject, body: `Kính gửi đồng chí,\n\n${lead}\n\n${ask}\n${f.link}${FOOTER}` };
}

export function reminderMail(f: ReminderMailFacts): MailText {
  const due = formatDate(f.dueOn);
  const when =
    f.stage === "D7"
      ? `Còn 7 ngày nữa đến hạn nộp số liệu năm ${f.year} (${due})`
      : f.stage === "D1"
        ? `Hạn nộp số liệu năm ${f.year} là ngày ${due}, chỉ còn 1 ngày`
        : `Đã quá hạn nộp số liệu năm ${f.year} (${due})`;
  const tag = f.stage === "PASSED" ? "Quá hạn" : f.stage === "D1" ? "Còn 1 ngày" : "Còn 7 ngày";
  return {
    subject: `[${tag}] Hạn nộp số liệu năm ${f.year} – ${f.wardName}`,
    body:
      `Kính gửi đồng chí,\n\n${when}. ${f.wardName} chưa gửi duyệt: ${f.programmes.join(", ")}.` +
      `\n\nMời đồng chí nhập và gửi duyệt tại:\n${f.link}${FOOTER}`,
  };
}

/** Days from `today` to `dueOn` (both yyyy-mm-dd) → the reminder due now, if any. */
export function reminderStage(daysLeft: number): ReminderStage | null {
  if (daysLeft < 0) return daysLeft >= -7 ? "PASSED" : null; // a deadline long gone is not news
  if (daysLeft <= 1) return "D1";
  if (daysLeft <= 7) return "D7";
  return null;
}
