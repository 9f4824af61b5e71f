import { ChartFrame } from "@/components/charts/chart-frame";
import { RankedBars, type Reference } from "@/components/charts/ranked-bars";
import { rankedBarsHeight } from "@/components/charts/ranked-bars-size";
import { DemoBadge } from "@/components/ui/demo-badge";
import type { WardComparison } from "@/lib/data/compare";
import { fileSlug } from "@/lib/format/csv";
import { TermOverTerm } from "./term-over-term";
import { WardCompareForm } from "./ward-compare-form";
import {
  comparisonBasics,
  comparisonCsv,
  rankedByRatio,
  ratioItems,
  ratioSummary,
  yesNo,
} from "./ward-comparison-figures";
import { WardComparisonHeader } from "./ward-comparison-header";
import { WardComparisonTable } from "./ward-comparison-table";

/** One ward (or commune) beside the average of the others under the same parent, indicator by indicator. */
export function WardComparisonView({ data, termSlug }: { data: WardComparison; termSlug?: string }) {
  const { unit, programme, period } = data;
  const basics = comparisonBasics(data);
  const { noun, when, rows, numbered } = basics;
  const withRatio = rankedByRatio(rows);
  const items = ratioItems(withRatio, numbered);
  const hasDemo = rows.some((r) => r.own.isDemo || r.siblings.average?.hasDemo);
  const references: Reference[] = [{ kind: "average", value: 100, label: "Bình quân = 100 %" }];

  return (
    <article className="dashboard space-y-6">
      <WardComparisonHeader data={data} basics={basics} termSlug={termSlug} />

      <WardCompareForm data={data} termSlug={termSlug} />

      {hasDemo && (
        <p
          role="note"
          className="flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
        >
          <DemoBadge /> Một số số liệu là dữ liệu minh họa (tạo tự động); tỷ lệ dựa trên dữ liệu minh họa được vẽ cột
          gạch chéo.
        </p>
      )}

      <ChartFrame
        title={`${unit.shortName} so với bình quân các ${noun} khác (%): Chương trình ${programme.code}, ${when}`}
        headingLevel={2}
        fileName={fileSlug(
          `so-sanh-${unit.slug}-${programme.slug}-${period.kind === "TERM" ? "nhiem-ky" : period.year}`,
        )}
        summary={ratioSummary(data, basics, withRatio)}
        csv={comparisonCsv(data, basics)}
        aside={
          <p className="text-sm text-slate-700">
            Mỗi cột là số của {unit.shortName} chia cho bình quân các {noun} khác (100 % = bằng bình quân). Chỉ vẽ các
            chỉ tiêu có cả hai số và bình quân khác 0
            {rows.some(yesNo) ? "; chỉ tiêu đạt/chưa đạt được ghi số đơn vị đạt trong bảng" : ""}.
          </p>
        }
        chart={
          items.length > 0 ? (
            <RankedBars items={items} references={references} labelWidth={176} rowHeight={44} />
          ) : (
            <p className="text-sm text-slate-600">Chưa có chỉ tiêu nào có đủ số liệu để so sánh.</p>
          )
        }
        table={<WardComparisonTable data={data} basics={basics} termSlug={termSlug} />}
        // below the form on a phone: drawn (and its library loaded) once on screen, or printed
        drawWhenSeen
        lookAhead={0}
        chartHeight={items.length > 0 ? rankedBarsHeight({ items, references, rowHeight: 44 }).height : 40}
      />

      <TermOverTerm data={data} />
    </article>
  );
}
