import Link from "next/link";
import { DemoBadge } from "@/components/ui/demo-badge";
import { SourceLabel } from "@/components/ui/source-label";
import type { WardComparison, WardIndicatorRow } from "@/lib/data/compare";
import { TARGET_STATUS_LABEL } from "@/lib/domain/target-status";
import { basisLabel, formatDifference, formatRatio, readable, withBound } from "@/lib/format/compare";
import { formatTarget } from "@/lib/format/target";
import { formatFigure } from "@/lib/format/vi";
import { compareHref } from "./urls";
import { averageText, type ComparisonBasics } from "./ward-comparison-figures";

type RowContext = Pick<WardComparison, "period" | "siblingCount"> & {
  parentSlug: string;
  noun: string;
  termSlug?: string;
};

/** The table of the ward comparison: per section, each indicator's own figure beside the others' average. */
export function WardComparisonTable({
  data,
  basics: { noun, when, numbered, avgHeading },
  termSlug,
}: {
  data: WardComparison;
  basics: ComparisonBasics;
  termSlug?: string;
}) {
  const { unit, parent, programme, period, sections, siblingCount } = data;
  const context: RowContext = { parentSlug: parent.slug, period, siblingCount, noun, termSlug };
  return (
    <div className="relative overflow-x-auto">
      {/* on a phone each indicator is a card (app/globals.css, .phone-cards): no key column off screen */}
      <table className="phone-cards w-full min-w-[44rem] border-collapse text-sm" data-ward-table>
        <caption className="sr-only">
          {unit.name} so với {avgHeading.toLowerCase()}, chương trình {programme.code}, {when}
        </caption>
        <thead>
          <tr className="border-b border-slate-300 text-left text-slate-700">
            <th scope="col" className="sticky left-0 z-10 bg-white py-2 pr-2 font-medium">
              Chỉ tiêu
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              {unit.shortName}
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              {avgHeading}
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Chênh lệch
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Tỷ lệ so với bình quân
            </th>
            <th scope="col" className="py-2 font-medium">
              Đánh giá
            </th>
          </tr>
        </thead>
        {sections.map((s) => (
          <tbody key={s.code}>
            <tr className="border-b border-slate-300 bg-slate-50">
              <th scope="colgroup" colSpan={6} className="py-1.5 pl-1 text-left font-semibold text-slate-800">
                <span className="sticky left-1">{s.name}</span>
              </th>
            </tr>
            {s.rows.map((r) => (
              <IndicatorRow
                key={r.indicator.code}
                r={r}
                n={numbered.get(r.indicator.code)!}
                labels={{ own: unit.shortName, average: avgHeading }}
                {...context}
              />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/** One indicator: its name (a link to compare all units on it), own figure, average, difference, ratio, status. */
function IndicatorRow({
  r,
  n,
  parentSlug,
  period,
  siblingCount,
  noun,
  termSlug,
  labels,
}: RowContext & { r: WardIndicatorRow; n: number; labels: { own: string; average: string } }) {
  const avg = averageText(r, noun);
  return (
    <tr data-indicator={r.indicator.code} className="border-b border-slate-200 align-top">
      <th
        scope="row"
        className="sticky left-0 z-10 w-40 min-w-40 bg-white py-2 pr-2 text-left font-normal shadow-[1px_0_0_#e2e8f0] sm:w-auto sm:min-w-56"
      >
        <span className="text-slate-600">{n}. </span>
        <Link
          prefetch={false}
          href={compareHref({ parent: parentSlug, indicator: r.indicator.code, period, term: termSlug })}
          className="text-brand-800 underline decoration-dotted hover:decoration-solid"
        >
          {r.indicator.name}
        </Link>
        <span className="sr-only"> (so sánh các {noun})</span>
      </th>
      <td className="py-2 pr-3 text-right" data-own data-label={labels.own}>
        {r.own.value === null ? (
          <span className="text-slate-600">Chưa có số liệu</span>
        ) : (
          <>
            <span className="font-semibold whitespace-nowrap">
              {formatFigure(r.own.value, r.indicator.valueType, r.indicator.unit, r.own.qualifier)}
            </span>
            <span className="block text-xs text-slate-600">{basisLabel(r.own, r.indicator.aggregation)}</span>
            <span className="flex justify-end text-xs text-slate-700">
              <SourceLabel sources={r.own.sources} />
            </span>
          </>
        )}
      </td>
      <td className="py-2 pr-3 text-right" data-average data-label={labels.average}>
        {avg === null ? (
          <span className="text-slate-600">Chưa có số liệu</span>
        ) : (
          <>
            <span className="whitespace-nowrap">{avg}</span>
            {r.siblings.average && r.siblings.average.count < siblingCount && (
              <span className="block text-xs text-slate-600">
                {r.siblings.average.count}/{siblingCount} {noun} có số liệu
              </span>
            )}
            {r.siblings.average?.hasDemo && (
              <span className="mt-1 flex justify-end">
                <DemoBadge />
              </span>
            )}
          </>
        )}
      </td>
      <td className="py-2 pr-3 text-right whitespace-nowrap" data-difference data-label="Chênh lệch">
        {r.siblings.difference === null
          ? "–"
          : withBound(
              formatDifference(readable(r.siblings.difference, r.indicator.valueType), r.indicator),
              r.siblings.bound,
            )}
      </td>
      <td className="py-2 pr-3 text-right whitespace-nowrap" data-ratio data-label="Tỷ lệ so với bình quân">
        {r.siblings.ratioPercent === null ? "–" : withBound(formatRatio(r.siblings.ratioPercent), r.siblings.bound)}
      </td>
      <td className="py-2 text-xs" data-status={r.status} data-label="Đánh giá">
        {TARGET_STATUS_LABEL[r.status]}
        {r.target && (
          <span className="block text-slate-600">
            chỉ tiêu {formatTarget(r.target, r.indicator.valueType, r.indicator.unit)}
            {r.target.isDemo ? " (minh họa)" : ""}
          </span>
        )}
      </td>
    </tr>
  );
}
