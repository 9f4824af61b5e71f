import { Pager } from "@/components/ui/pager";
import type { DistrictProgress } from "@/lib/data/review";
import { formatNumber } from "@/lib/format/vi";

const n = (v: number) => formatNumber(String(v));

function pageHref(progress: DistrictProgress, page: number): string {
  const p = new URLSearchParams({ district: progress.district.slug, year: String(progress.year) });
  if (progress.list.q) p.set("q", progress.list.q);
  if (page > 1) p.set("page", String(page));
  return `/tien-do?${p.toString()}`;
}

/**
 * The search over the wards' names (diacritics ignored: "ngoc thuy" finds "Ngọc Thụy") and which page
 * of them is shown: a city's 3.321 wards are never listed at once. The line of what is shown prints too.
 */
export function ProgressListSearch({ progress }: { progress: DistrictProgress }) {
  const { list, district, year } = progress;
  const pageCount = Math.max(1, Math.ceil(list.matched / list.perPage));
  const first = (list.page - 1) * list.perPage + 1;
  const last = Math.min(list.matched, list.page * list.perPage);
  return (
    <div className="space-y-2">
      <form method="get" action="/tien-do" role="search" className="no-print flex flex-wrap items-end gap-2">
        <input type="hidden" name="district" value={district.slug} />
        <input type="hidden" name="year" value={year} />
        <label className="flex flex-col text-sm">
          <span>Tìm phường, xã (gõ có dấu hoặc không dấu)</span>
          <input
            type="search"
            name="q"
            defaultValue={list.q}
            maxLength={100}
            className="min-w-56 rounded border border-slate-400 px-2 py-1.5"
          />
        </label>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800">
          Tìm
        </button>
      </form>
      <p className="text-sm text-slate-700" role="status" data-testid="progress-list-status">
        {list.matched === 0
          ? list.q
            ? `Không tìm thấy phường, xã nào có tên khớp “${list.q}”.`
            : "Không có phường, xã nào."
          : `${list.q ? `${n(list.matched)} phường, xã khớp “${list.q}”` : `${n(list.matched)} phường, xã`}${
              pageCount > 1 ? ` · trang ${n(list.page)}/${n(pageCount)} (phường thứ ${n(first)}–${n(last)})` : ""
            }`}
      </p>
    </div>
  );
}

/** Previous / next page of the wards (not printed). */
export function ProgressListPager({ progress }: { progress: DistrictProgress }) {
  const { list } = progress;
  return (
    <Pager
      label="Phân trang danh sách phường"
      page={list.page}
      pageCount={Math.max(1, Math.ceil(list.matched / list.perPage))}
      hrefOf={(page) => pageHref(progress, page)}
    />
  );
}
