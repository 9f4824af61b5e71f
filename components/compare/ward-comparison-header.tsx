import Link from "next/link";
import type { WardComparison } from "@/lib/data/compare";
import { compareHref } from "./urls";
import type { ComparisonBasics } from "./ward-comparison-figures";

/** Title, what the page compares, and links to the per-indicator comparison and the ward's overview. */
export function WardComparisonHeader({
  data,
  basics: { noun, when, rows },
  termSlug,
}: {
  data: WardComparison;
  basics: ComparisonBasics;
  termSlug?: string;
}) {
  const { unit, parent, programme, term, period, siblingCount } = data;
  const firstCode = rows[0]?.indicator.code;
  return (
    <header className="space-y-2">
      <p className="text-sm text-slate-600">
        {parent.name} · {term.name}
      </p>
      <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">
        {unit.name} so với các {noun} khác
      </h1>
      <p className="max-w-3xl text-slate-700">
        Mỗi chỉ tiêu của Chương trình {programme.code} ({when}): số của {unit.shortName} bên cạnh bình quân (trung bình
        cộng, không gia quyền) của {siblingCount} {noun} khác thuộc {parent.name}. Bấm tên chỉ tiêu để xem cả{" "}
        {siblingCount + 1} {noun} trên biểu đồ xếp hạng.
      </p>
      <nav aria-label="Xem thêm" className="no-print">
        <ul className="flex flex-wrap gap-2 text-sm">
          {firstCode && (
            <li>
              <Link
                prefetch={false}
                href={compareHref({ parent: parent.slug, indicator: firstCode, period, term: termSlug })}
                className="inline-block rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100"
              >
                So sánh {siblingCount + 1} {noun} theo từng chỉ tiêu
              </Link>
            </li>
          )}
          {unit.level === "WARD" && (
            <li>
              <Link
                prefetch={false}
                href={`/${unit.slug}`}
                className="inline-block rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100"
              >
                Tổng quan {unit.name}
              </Link>
            </li>
          )}
        </ul>
      </nav>
    </header>
  );
}
