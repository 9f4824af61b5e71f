import Link from "next/link";
import { getViewer } from "@/lib/auth/session";
import type { Inbox } from "@/lib/data/inbox";
import { formatDateTime, todayInVietnam } from "@/lib/format/date-time";
import { formatDate, formatNumber } from "@/lib/format/vi";
import { inboxCount, loadInbox, loadLateWardCounts } from "@/lib/services/inbox";
import { RefusalSeenButton } from "./refusal-seen-button";

type Item = {
  key: string;
  href: string;
  title: string;
  detail?: string;
  urgent?: boolean;
  action: string;
  /** a refused unlock request: the official marks it read ("Đã xem") */
  seen?: { ward: string; year: number; programme: string; request: number };
};

const DAY_MS = 86_400_000;

function dueText(dueOn: string, today: string): { text: string; passed: boolean } {
  const days = Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
  if (days < 0) return { text: `đã quá hạn ${formatDate(dueOn)}`, passed: true };
  if (days === 0) return { text: `hạn là hôm nay, ${formatDate(dueOn)}`, passed: false };
  return { text: `hạn ${formatDate(dueOn)}, còn ${days} ngày`, passed: false };
}

/**
 * The inbox's entries in the order a person works through them: what blocks others first.
 * `lateCounts`: how many wards each late item holds (`${district}:${year}`).
 */
export function inboxItems(inbox: Inbox, today: string, lateCounts: ReadonlyMap<string, number>): Item[] {
  const items: Item[] = [];
  for (const s of inbox.awaitingApproval)
    items.push({
      key: `a:${s.ward.slug}:${s.year}:${s.programme.slug}`,
      href: `/${s.ward.slug}/nhap-lieu/${s.year}/${s.programme.slug}`,
      title: `Chờ duyệt: số liệu năm ${s.year} của ${s.ward.name}, chương trình ${s.programme.code}`,
      detail: s.at ? `Gửi lúc ${formatDateTime(s.at)}${s.actorName ? ` bởi ${s.actorName}` : ""}` : undefined,
      action: "Xem và duyệt",
    });
  for (const s of inbox.returned)
    items.push({
      key: `r:${s.ward.slug}:${s.year}:${s.programme.slug}`,
      href: `/${s.ward.slug}/nhap-lieu/${s.year}/${s.programme.slug}`,
      title: `Bị trả lại: số liệu năm ${s.year} của ${s.ward.name}, chương trình ${s.programme.code}`,
      detail: s.comment ? `Ý kiến${s.actorName ? ` của ${s.actorName}` : ""}: “${s.comment}”` : undefined,
      urgent: true,
      action: "Sửa và gửi lại",
    });
  for (const q of inbox.questions)
    items.push({
      key: `q:${q.ward.slug}:${q.year}:${q.programme.slug}`,
      href: `/${q.ward.slug}/nhap-lieu/${q.year}/${q.programme.slug}`,
      title: `${formatNumber(String(q.questions))} câu hỏi của Đảng ủy về số liệu năm ${q.year} của ${q.ward.name}, chương trình ${q.programme.code} chờ trả lời`,
      detail: `Từ ${formatDateTime(q.since)}`,
      action: "Trả lời",
    });
  for (const d of inbox.deadlines) {
    const due = dueText(d.dueOn, today);
    items.push({
      key: `d:${d.ward.slug}:${d.year}`,
      href: `/${d.ward.slug}/nhap-lieu`,
      title: `Số liệu năm ${d.year} của ${d.ward.name}: ${due.text}`,
      detail: `${formatNumber(String(d.openProgrammes))} chương trình chưa gửi duyệt`,
      urgent: due.passed,
      action: "Nhập liệu",
    });
  }
  for (const l of inbox.lateWards)
    items.push({
      key: `l:${l.district.slug}:${l.year}`,
      href: `/tien-do?district=${l.district.slug}&year=${l.year}`,
      title: `${formatNumber(String(lateCounts.get(`${l.district.slug}:${l.year}`) ?? 0))} phường của ${l.district.name} chưa gửi số liệu năm ${l.year}`,
      detail: `Hạn ${formatDate(l.dueOn)} đã qua`,
      urgent: true,
      action: "Xem tiến độ",
    });
  for (const u of inbox.unlockRequests)
    items.push({
      key: `u:${u.ward.slug}:${u.year}:${u.programme.slug}`,
      href: `/${u.ward.slug}/nhap-lieu/${u.year}/${u.programme.slug}#mo-khoa`,
      title: `Xin mở khóa: số liệu năm ${u.year} của ${u.ward.name}, chương trình ${u.programme.code}`,
      detail: `${u.requestedByName}, ${formatDateTime(u.at)}: “${u.reason}”`,
      action: "Mở khóa hoặc từ chối",
    });
  for (const u of inbox.refusedUnlocks)
    items.push({
      key: `ur:${u.requestId}`,
      href: `/${u.ward.slug}/nhap-lieu/${u.year}/${u.programme.slug}#mo-khoa`,
      title: `Yêu cầu mở khóa bị từ chối: số liệu năm ${u.year} của ${u.ward.name}, chương trình ${u.programme.code}`,
      detail: `${u.decidedByName}, ${formatDateTime(u.at)}: “${u.comment}”`,
      action: "Xem số liệu",
      seen: { ward: u.ward.slug, year: u.year, programme: u.programme.slug, request: u.requestId },
    });
  if (inbox.mustChangePassword > 0)
    items.push({
      key: "p",
      href: "/quan-tri/tai-khoan",
      title: `${formatNumber(String(inbox.mustChangePassword))} tài khoản phải đổi mật khẩu khi đăng nhập`,
      action: "Quản lý tài khoản",
    });
  for (const b of inbox.signInBursts)
    items.push({
      key: `b:${b.kind}:${b.key}`,
      href: `/quan-tri/nhat-ky?ai=${encodeURIComponent(b.key)}&su_kien=SIGN_IN_FAILED`,
      title: `${formatNumber(String(b.failures))} lần đăng nhập sai trong 24 giờ ${
        b.kind === "address" ? "từ địa chỉ" : "vào tài khoản"
      } ${b.key}`,
      detail: `Lần cuối ${formatDateTime(b.lastAt)}`,
      urgent: true,
      action: "Xem nhật ký",
    });
  return items;
}

/** "Việc cần làm": first on the home page of everyone who holds a role. */
export async function InboxPanel() {
  const viewer = await getViewer();
  const [inbox, lateCounts] = await Promise.all([loadInbox(viewer), loadLateWardCounts(viewer)]);
  if (!inbox) return null;
  const items = inboxItems(inbox, todayInVietnam(), lateCounts);
  return (
    <section
      id="viec-can-lam"
      aria-labelledby="viec-can-lam-tieu-de"
      className="no-print rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
      data-testid="inbox"
    >
      <h2 id="viec-can-lam-tieu-de" className="mb-3 text-xl font-semibold">
        Việc cần làm{" "}
        <span className="text-base font-normal text-slate-600">({formatNumber(String(inboxCount(inbox)))})</span>
      </h2>
      {items.length === 0 ? (
        <p className="text-slate-700">Không có việc nào đang chờ bạn.</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {items.map((item) => (
            <li key={item.key} className="flex flex-wrap items-start justify-between gap-2 py-2">
              <div className="min-w-0">
                <p className={item.urgent ? "font-medium text-red-800" : "font-medium"}>{item.title}</p>
                {item.detail && <p className="text-sm text-slate-700">{item.detail}</p>}
              </div>
              <div className="flex shrink-0 flex-wrap gap-2">
                <Link
                  href={item.href}
                  className="shrink-0 rounded border border-brand-700 px-3 py-1 text-sm text-brand-800 hover:bg-brand-50"
                >
                  {item.action}
                </Link>
                {item.seen && <RefusalSeenButton {...item.seen} />}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
