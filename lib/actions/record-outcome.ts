import "server-only";
// The record actions (land clearance, achievements): their action client, and how they answer — the
// write's outcome as an ActionResult; the dashboards of the ward are refreshed after a write.
import type { WriteOutcome } from "@/lib/data/record-write";
import { describeRecord } from "@/lib/format/records";
import { type ActionResult, failure, success } from "@/lib/result";
import { actionClient } from "./action-client";
import { invalidForm } from "./form-helpers";

export type SavedView = {
  version: number;
  updatedAt: string | null;
  fields: { field: string; label: string; value: string }[];
};
export type RecordData = { id?: number; version?: number; saved?: SavedView | null };
export type RecordResult = ActionResult<RecordData>;

/** Why a record reviewed with a sent or approved submission cannot be changed. */
export function recordLockedMessage(status: string, year: number | null): string {
  const figures = year === null ? "Số liệu của phường" : `Số liệu năm ${year} của phường`;
  return status === "APPROVED"
    ? `${figures} đã được Đảng ủy phường duyệt và khóa: bản ghi này không thêm, sửa, xóa được; muốn sửa, cán bộ quận, thành phố phải mở khóa.`
    : `${figures} đã gửi, chờ Đảng ủy phường duyệt: bản ghi này không thêm, sửa, xóa được cho đến khi Đảng ủy trả lại.`;
}

/**
 * Every record write: `editValues` on the ward the form names; the overview, the programme dashboards
 * and /gpmb of the ward show the change at once.
 */
export const recordAction = actionClient<RecordData>({
  permission: "editValues",
  invalid: invalidForm,
  revalidate: (auth) => [`/${auth.unit.slug}`],
});

export function answer(outcome: WriteOutcome, done: string): RecordResult {
  if (outcome.ok) return success(done, { id: outcome.id, version: outcome.version });
  switch (outcome.code) {
    case "not-found":
      return failure("not-found", "Không tìm thấy bản ghi này trong phường (có thể đã bị xóa). Hãy tải lại trang.");
    case "conflict":
      return failure(
        "conflict",
        outcome.saved
          ? "Bản ghi đã được người khác lưu sau khi bạn mở trang, nên chưa lưu gì. Số liệu bạn gõ vẫn còn; hãy so với số liệu đã lưu rồi chọn."
          : "Bản ghi vừa được người khác thay đổi, nên chưa lưu gì. Hãy tải lại trang để xem số liệu mới nhất.",
        {
          data: {
            saved: outcome.saved
              ? {
                  version: outcome.saved.version,
                  updatedAt: outcome.saved.updatedAt,
                  fields: describeRecord(outcome.saved.values),
                }
              : null,
          },
        },
      );
    case "invalid":
      return failure("invalid", "Có ô chưa đúng: xem thông báo bên cạnh từng ô.", { fieldErrors: outcome.fieldErrors });
    case "locked":
      if ("submission" in outcome)
        return failure("locked", recordLockedMessage(outcome.submission.status, outcome.submission.year));
      return failure(
        "locked",
        outcome.source.kind === "DEMO"
          ? "Dữ liệu minh họa không sửa, xóa được trong ứng dụng."
          : `Bản ghi này lấy từ “${outcome.source.title}”: số liệu báo cáo giữ nguyên nguồn nên không sửa, xóa trong ứng dụng. ` +
              "Muốn bổ sung, hãy nhập tiến độ theo năm của dự án hoặc thêm một bản ghi mới do phường nhập.",
      );
  }
}
