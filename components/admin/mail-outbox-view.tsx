import { RetryMailButton } from "@/components/admin/retry-mail-button";
import type { MailOverview } from "@/lib/data/mail-notices";
import { formatDateTime } from "@/lib/format/date-time";
import { formatNumber } from "@/lib/format/vi";

/** The administrators' view of the mail queue: counts, and every mail the queue gave up on. */
export function MailOutboxView({ overview, mailOn }: { overview: MailOverview; mailOn: boolean }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">Thư gửi đi</h1>
      {!mailOn && (
        <p className="rounded bg-amber-50 p-2 text-sm text-amber-900">
          Máy chủ này chưa bật gửi thư (SMTP_URL và MAIL_FROM, trên một máy chủ PostgreSQL): thông báo chỉ hiện trong
          mục “Việc cần làm”.
        </p>
      )}
      <p className="text-sm" data-testid="mail-counts">
        Đang chờ gửi: {formatNumber(String(overview.waiting))} · Đã gửi: {formatNumber(String(overview.sent))} · Không
        gửi vì người nhận đã tắt: {formatNumber(String(overview.skipped))} · Đã thôi gửi:{" "}
        {formatNumber(String(overview.gaveUp.length))}
      </p>
      <section aria-labelledby="thoi-gui" className="space-y-2">
        <h2 id="thoi-gui" className="text-lg font-semibold">
          Thư đã thôi gửi (sau nhiều lần thử không được)
        </h2>
        {overview.gaveUp.length === 0 ? (
          <p className="text-sm text-slate-700">Không có thư nào.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b">
                  <th scope="col" className="p-2">
                    Thôi gửi lúc
                  </th>
                  <th scope="col" className="p-2">
                    Người nhận
                  </th>
                  <th scope="col" className="p-2">
                    Tiêu đề
                  </th>
                  <th scope="col" className="p-2">
                    Số lần thử
                  </th>
                  <th scope="col" className="p-2">
                    Lỗi cuối
                  </th>
                  <th scope="col" className="p-2">
                    <span className="sr-only">Gửi lại</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {overview.gaveUp.map((m) => (
                  <tr key={m.id} className="border-b align-top">
                    <td className="p-2 whitespace-nowrap">{formatDateTime(m.at)}</td>
                    <td className="p-2">
                      {m.userName}
                      <br />
                      <span className="text-slate-600">{m.to}</span>
                    </td>
                    <td className="p-2">{m.subject}</td>
                    <td className="p-2">{formatNumber(String(m.attempts))}</td>
                    <td className="p-2 break-all text-slate-700">{m.error ?? "—"}</td>
                    <td className="p-2">{mailOn && <RetryMailButton id={m.id} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
