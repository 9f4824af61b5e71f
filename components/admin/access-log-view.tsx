import type { AccessLogRow } from "@/lib/data/accounts";
import type { AccessEvent } from "@/lib/generated/prisma/enums";

const EVENT_LABELS: Record<AccessEvent, string> = {
  SIGN_IN: "Đăng nhập",
  SIGN_IN_FAILED: "Đăng nhập sai",
  SIGN_IN_LIMITED: "Đăng nhập bị chặn (quá nhiều lần sai)",
  SIGN_OUT: "Đăng xuất",
  PASSWORD_CHANGED: "Đổi mật khẩu",
  PASSWORD_RESET: "Đặt lại mật khẩu",
  ACCOUNT_CREATED: "Tạo tài khoản",
  ACCOUNT_DISABLED: "Khóa tài khoản",
  ACCOUNT_ENABLED: "Mở khóa tài khoản",
  ROLE_GRANTED: "Gán vai trò",
  ROLE_REVOKED: "Bỏ vai trò",
  TOKEN_ISSUED: "Cấp mã API",
  TOKEN_REVOKED: "Thu hồi mã API",
  REFUSED: "Từ chối truy cập",
};

// Times in Hà Nội time, whatever the server's zone
const time = new Intl.DateTimeFormat("vi-VN", { dateStyle: "short", timeStyle: "medium", timeZone: "Asia/Ho_Chi_Minh" });

export function AccessLogView({ rows }: { rows: AccessLogRow[] }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">Nhật ký truy cập</h1>
      <p className="text-sm text-slate-700">{rows.length} mục gần nhất: đăng nhập, đăng nhập sai, từ chối truy cập và thay đổi tài khoản.</p>
      <div className="overflow-x-auto rounded-lg bg-white p-4 shadow-sm">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b"><th className="p-2">Thời điểm</th><th className="p-2">Sự kiện</th><th className="p-2">Người</th><th className="p-2">Địa chỉ</th><th className="p-2">Đối tượng</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b">
                <td className="whitespace-nowrap p-2">{time.format(new Date(r.at))}</td>
                <td className="p-2">{EVENT_LABELS[r.event]}</td>
                <td className="p-2">{r.who ?? r.identifier ?? "—"}</td>
                <td className="p-2">{r.address ?? "—"}</td>
                <td className="p-2">{[r.target, r.detail].filter(Boolean).join(" · ") || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
