import { describe, expect, it } from "vitest";
import { reminderMail, reminderStage, submissionMail, unlockRequestMail } from "./text";

const facts = {
  wardName: "Phường Ngọc Thụy",
  programmeCode: "03-CTr/QU",
  programmeTitle: "Chương trình giải phóng mặt bằng",
  year: 2019,
  actorName: "Nguyễn Văn A",
  comment: null,
  link: "https://ctk.example.vn/ngoc-thuy/nhap-lieu/2019/03-CTr-QU",
};

describe("mail text", () => {
  it("names the ward, programme and year, links to the page, and carries the comment when returned", () => {
    const m = submissionMail({ ...facts, kind: "SUBMISSION_RETURNED", comment: "  Kiểm tra lại chỉ tiêu 3. " });
    expect(m.subject).toBe("[Bị trả lại] Phường Ngọc Thụy – 03-CTr/QU – năm 2019");
    expect(m.body).toContain("số liệu năm 2019 của Phường Ngọc Thụy, chương trình 03-CTr/QU");
    expect(m.body).toContain("Ý kiến: Kiểm tra lại chỉ tiêu 3.");
    expect(m.body).toContain(`\n${facts.link}\n`);
  });

  it("an unlock states its reason as a reason; a send has no comment line", () => {
    expect(submissionMail({ ...facts, kind: "SUBMISSION_UNLOCKED", comment: "Sửa số hộ" }).body).toContain(
      "Lý do: Sửa số hộ",
    );
    expect(submissionMail({ ...facts, kind: "SUBMISSION_SENT" }).body).not.toContain("Ý kiến");
  });

  it("reminders: 7 days, 1 day, passed (a week at most), nothing otherwise; dates dd/mm/yyyy", () => {
    expect([8, 7, 2, 1, 0, -1, -7, -8].map(reminderStage)).toEqual([
      null,
      "D7",
      "D7",
      "D1",
      "D1",
      "PASSED",
      "PASSED",
      null,
    ]);
    const m = reminderMail({
      wardName: "Phường Bồ Đề",
      year: 2020,
      dueOn: "2021-03-31",
      stage: "PASSED",
      programmes: ["01-CTr/QU", "03-CTr/QU"],
      link: "https://ctk.example.vn/bo-de/nhap-lieu",
    });
    expect(m.subject).toBe("[Quá hạn] Hạn nộp số liệu năm 2020 – Phường Bồ Đề");
    expect(m.body).toContain(
      "Đã quá hạn nộp số liệu năm 2020 (31/03/2021). Phường Bồ Đề chưa gửi duyệt: 01-CTr/QU, 03-CTr/QU.",
    );
  });

  it("unlock requests: the request names who asks and why; the refusal carries the comment; both link", () => {
    const asked = unlockRequestMail({ ...facts, kind: "UNLOCK_REQUESTED", comment: " Nhập nhầm số hộ. " });
    expect(asked.subject).toBe("[Xin mở khóa] Phường Ngọc Thụy – 03-CTr/QU – năm 2019");
    expect(asked.body).toContain("Nguyễn Văn A (cán bộ phường) xin mở khóa số liệu năm 2019 của Phường Ngọc Thụy");
    expect(asked.body).toContain("Lý do: Nhập nhầm số hộ.");
    expect(asked.body).toContain(`\n${facts.link}\n`);
    const refused = unlockRequestMail({ ...facts, kind: "UNLOCK_REFUSED", comment: "Đã khớp báo cáo." });
    expect(refused.subject).toBe("[Từ chối mở khóa] Phường Ngọc Thụy – 03-CTr/QU – năm 2019");
    expect(refused.body).toContain("Ý kiến: Đã khớp báo cáo.");
    expect(refused.body).toContain(`\n${facts.link}\n`);
  });
});
