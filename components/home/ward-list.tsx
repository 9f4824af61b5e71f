import Link from "next/link";
import { Pager } from "@/components/ui/pager";
import type { OwnUnit, WardListPage } from "@/lib/data/org-units";
import { formatNumber } from "@/lib/format/vi";

const count = (n: number) => formatNumber(String(n));

/** The units of the person's own roles, first: their ward's overview, or their district's comparison. */
export function OwnUnits({ units }: { units: OwnUnit[] }) {
  if (units.length === 0) return null;
  return (
    <section aria-labelledby="own-units" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
      <h2 id="own-units" className="mb-3 text-xl font-semibold">
        Đơn vị của bạn
      </h2>
      <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {units.map((u) => (
          <li key={u.slug} className="rounded border border-slate-200 bg-brand-50 p-3">
            {u.level === "RESIDENTIAL_GROUP" ? (
              <span className="font-medium">{u.name}</span>
            ) : u.level === "WARD" ? (
              <Link href={`/${u.slug}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                {u.name}
              </Link>
            ) : (
              <>
                <span className="font-medium">{u.name}</span>
                <Link
                  href={`/so-sanh?parent=${u.slug}`}
                  className="mt-1 block text-sm text-brand-800 underline underline-offset-2"
                >
                  So sánh các đơn vị trực thuộc
                </Link>
              </>
            )}
            {u.parentName && <span className="block text-xs text-slate-600">{u.parentName}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function pageHref(q: string, page: number): string {
  const p = new URLSearchParams();
  if (q) p.set("q", q);
  if (page > 1) p.set("page", String(page));
  const s = p.toString();
  return s ? `/?${s}` : "/";
}

/**
 * One page of the wards the person may read, with a search (diacritics ignored) and paging: never
 * every ward of the country at once.
 */
export function WardList({ list, q, showEmpty }: { list: WardListPage; q: string; showEmpty: boolean }) {
  if (!showEmpty) return null;
  const pageCount = Math.max(1, Math.ceil(list.total / list.perPage));
  const districts = [...new Set(list.wards.map((w) => w.district))];
  return (
    <section aria-label="Phường, xã" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <form method="get" action="/" role="search" className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col text-sm">
            <span>Tìm phường, xã (gõ có dấu hoặc không dấu)</span>
            <input
              type="search"
              name="q"
              defaultValue={q}
              maxLength={100}
              className="min-w-56 rounded border border-slate-400 px-2 py-1.5"
            />
          </label>
          <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800">
            Tìm
          </button>
        </form>
      </div>
      <p className="text-sm text-slate-700" role="status" data-testid="ward-count">
        {list.total === 0
          ? q
            ? `Không tìm thấy phường, xã nào có tên khớp “${q}”.`
            : "Chưa có phường, xã nào bạn được xem."
          : `${count(list.total)} phường, xã${q ? ` khớp “${q}”` : ""}${pageCount > 1 ? ` · trang ${count(list.page)}/${count(pageCount)}` : ""}`}
      </p>
      {districts.map((district) => (
        <section key={district} aria-label={district} className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
          <h2 className="mb-3 text-xl font-semibold">{district}</h2>
          <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {list.wards
              .filter((w) => w.district === district)
              .map((w) => (
                <li key={w.slug}>
                  <Link
                    href={`/${w.slug}`}
                    className="block rounded border border-slate-200 p-3 hover:border-brand-600 hover:bg-brand-50"
                  >
                    <span className="font-medium">{w.name}</span>
                    <span className="block text-xs text-slate-600">
                      {w.reportedCount > 0 ? `${count(w.reportedCount)} số liệu từ báo cáo · ` : ""}
                      {count(w.resultCount)} số liệu
                    </span>
                  </Link>
                </li>
              ))}
          </ul>
        </section>
      ))}
      <Pager
        label="Phân trang danh sách phường, xã"
        page={list.page}
        pageCount={pageCount}
        hrefOf={(page) => pageHref(q, page)}
      />
    </section>
  );
}
