import Link from "next/link";
import { formatNumber } from "@/lib/format/vi";

const link = "rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-50";

/**
 * "‹ Trang trước · Trang x/y · Trang sau ›" of a paged list (not printed: the printed page says which
 * part of the list it holds). Nothing when the list fits on one page.
 */
export function Pager({
  label,
  page,
  pageCount,
  hrefOf,
}: {
  /** the navigation's accessible name, e.g. "Phân trang danh sách phường" */
  label: string;
  page: number;
  pageCount: number;
  hrefOf: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-3 print:hidden">
      {page > 1 ? (
        <Link href={hrefOf(page - 1)} className={link}>
          ‹ Trang trước
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-700">
        Trang {formatNumber(String(page))}/{formatNumber(String(pageCount))}
      </span>
      {page < pageCount ? (
        <Link href={hrefOf(page + 1)} className={link}>
          Trang sau ›
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
