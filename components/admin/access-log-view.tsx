import Link from "next/link";
import type { AccessLogPage, AnonymousRefusalRow } from "@/lib/data/accounts";
import type { AccessEvent } from "@/lib/generated/prisma/enums";
import type { AccessLogQuery } from "@/lib/validation/admin";

const EVENT_LABELS: Record<AccessEvent, string> = {
  SIGN_IN: "Đăng nhập",
  SIGN_IN_FAILED: "Đăng nhập sai",
  SIGN_IN_LIMITED: "Đăng nhập bị chặn (quá nhiều lần sai)",
  SIGN_OUT: "Đăng xuất",
  PASSWORD_CHANGED: "Đổi mật khẩu",
  PASSWORD_CHANGE_FAILED: "Đổi mật khẩu không thành công",
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

const KIND_LABELS: Record<string, string> = {
  api: "API không có phiên hoặc mã",
  "cross-site": "Yêu cầu từ trang khác",
};

// Times in Hà Nội time, whatever the server's zone
const time = new Intl.DateTimeFormat("vi-VN", {
  dateStyle: "short",
  timeStyle: "medium",
  timeZone: "Asia/Ho_Chi_Minh",
});
const count = new Intl.NumberFormat("vi-VN");

/** The page's URL with these filters (empty ones left out), so that a view can be linked to. */
function href(q: AccessLogQuery, page?: number): string {
  const p = new URLSearchParams();
  if (q.ai) p.set("ai", q.ai);
  if (q.su_kien) p.set("su_kien", q.su_kien);
  if (q.tu) p.set("tu", q.tu);
  if (q.den) p.set("den", q.den);
  if (page && page > 1) p.set("trang", String(page));
  const s = p.toString();
  return `/quan-tri/nhat-ky${s ? `?${s}` : ""}`;
}

export function AccessLogView({
  log,
  refusals,
  query,
}: {
  log: AccessLogPage;
  refusals: AnonymousRefusalRow[];
  query: AccessLogQuery;
}) {
  const filtered = !!(query.ai || query.su_kien || query.tu || query.den);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">Nhật ký truy cập</h1>
      <form
        method="get"
        action="/quan-tri/nhat-ky"
        className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 text-sm shadow-sm"
        aria-label="Lọc nhật ký"
      >
        <label className="flex flex-col gap-1">
          Ai (tên đăng nhập hoặc địa chỉ)
          <input name="ai" defaultValue={query.ai ?? ""} maxLength={100} className="rounded border px-2 py-1" />
        </label>
        <label className="flex flex-col gap-1">
          Sự kiện
          <select name="su_kien" defaultValue={query.su_kien ?? ""} className="rounded border px-2 py-1">
            <option value="">Tất cả</option>
            {Object.entries(EVENT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Từ ngày
          <input type="date" name="tu" defaultValue={query.tu ?? ""} className="rounded border px-2 py-1" />
        </label>
        <label className="flex flex-col gap-1">
          Đến ngày
          <input type="date" name="den" defaultValue={query.den ?? ""} className="rounded border px-2 py-1" />
        </label>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-medium text-white">
          Lọc
        </button>
        {filtered && (
          <Link href="/quan-tri/nhat-ky" className="py-1.5 underline">
            Bỏ lọc
          </Link>
        )}
      </form>
      <p className="text-sm text-slate-700">
        {count.format(log.total)} mục{filtered ? " khớp bộ lọc" : ""}: đăng nhập, đăng nhập sai, từ chối truy cập và
        thay đổi tài khoản. Trang {log.page}/{log.pages}.
      </p>
      <div className="overflow-x-auto rounded-lg bg-white p-4 shadow-sm">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b">
              <th className="p-2">Thời điểm</th>
              <th className="p-2">Sự kiện</th>
              <th className="p-2">Người</th>
              <th className="p-2">Địa chỉ</th>
              <th className="p-2">Đối tượng</th>
            </tr>
          </thead>
          <tbody>
            {log.rows.map((r) => (
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
        {log.rows.length === 0 && <p className="p-2 text-sm text-slate-700">Không có mục nào.</p>}
      </div>
      {log.pages > 1 && (
        <nav aria-label="Phân trang" className="flex gap-4 text-sm">
          {log.page > 1 && (
            <Link href={href(query, log.page - 1)} rel="prev" className="underline">
              ← Trang trước
            </Link>
          )}
          {log.page < log.pages && (
            <Link href={href(query, log.page + 1)} rel="next" className="underline">
              Trang sau →
            </Link>
          )}
        </nav>
      )}
      <h2 className="text-lg font-semibold text-brand-800">Từ chối ẩn danh (đếm theo địa chỉ và giờ)</h2>
      <p className="text-sm text-slate-700">
        Yêu cầu không có phiên đăng nhập bị từ chối không ghi từng dòng vào nhật ký mà được đếm theo địa chỉ, theo giờ
        (giữ 90 ngày).
      </p>
      <div className="overflow-x-auto rounded-lg bg-white p-4 shadow-sm">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b">
              <th className="p-2">Giờ</th>
              <th className="p-2">Địa chỉ</th>
              <th className="p-2">Loại</th>
              <th className="p-2">Số lần</th>
              <th className="p-2">Lần cuối</th>
            </tr>
          </thead>
          <tbody>
            {refusals.map((r) => (
              <tr key={`${r.address}|${r.windowStart}|${r.kind}`} className="border-b">
                <td className="whitespace-nowrap p-2">{time.format(new Date(r.windowStart))}</td>
                <td className="p-2">{r.address}</td>
                <td className="p-2">{KIND_LABELS[r.kind] ?? r.kind}</td>
                <td className="p-2">{count.format(r.count)}</td>
                <td className="p-2">{[time.format(new Date(r.lastAt)), r.lastTarget].filter(Boolean).join(" · ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {refusals.length === 0 && <p className="p-2 text-sm text-slate-700">Không có mục nào.</p>}
      </div>
    </div>
  );
}
