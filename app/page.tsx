import Link from "next/link";
import { InboxPanel } from "@/components/inbox/inbox-panel";
import { readScope, requireViewer } from "@/lib/auth/access";
import { env } from "@/lib/env";
import { listWards } from "@/lib/data/org-units";
import { formatNumber } from "@/lib/format/vi";

export default async function HomePage() {
  const viewer = env.PUBLIC_PORTAL ? null : await requireViewer();
  const wards = await listWards(await readScope(viewer));
  const districts = [...new Set(wards.map((w) => w.district))];
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">Theo dõi Chương trình công tác toàn khóa</h1>
        <p className="max-w-3xl text-slate-700">
          Kết quả thực hiện các Chương trình công tác toàn khóa của Quận ủy tại từng phường và tổ dân phố: các chỉ tiêu,
          số liệu từng năm và cả nhiệm kỳ, kèm nguồn của mỗi số liệu.
        </p>
      </header>
      <InboxPanel />
      {districts.map((district) => (
        <section key={district} aria-labelledby={`q-${district}`} className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
          <h2 id={`q-${district}`} className="mb-3 text-xl font-semibold">
            {district}
          </h2>
          <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {wards
              .filter((w) => w.district === district)
              .map((w) => (
                <li key={w.slug}>
                  <Link
                    href={`/${w.slug}`}
                    className="block rounded border border-slate-200 p-3 hover:border-brand-600 hover:bg-brand-50"
                  >
                    <span className="font-medium">{w.name}</span>
                    <span className="block text-xs text-slate-600">
                      {w.reportedCount > 0 ? `${formatNumber(String(w.reportedCount))} số liệu từ báo cáo · ` : ""}
                      {formatNumber(String(w.resultCount))} số liệu
                    </span>
                  </Link>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
