import Link from "next/link";
import { ChartFrame } from "@/components/charts/chart-frame";
import { RankedBars, type RankedItem } from "@/components/charts/ranked-bars";
import { DemoBadge } from "@/components/ui/demo-badge";
import { SourceLabel } from "@/components/ui/source-label";
import type { WardComparison, WardIndicatorRow } from "@/lib/data/compare";
import { TARGET_STATUS_LABEL } from "@/lib/domain/target-status";
import {
  basisLabel,
  formatDifference,
  formatRatio,
  LEVEL_NOUN,
  periodLabel,
  readable,
  withBound,
} from "@/lib/format/compare";
import { csvNumber, fileSlug } from "@/lib/format/csv";
import { formatTarget } from "@/lib/format/target";
import { formatFigure, formatSource } from "@/lib/format/vi";
import { distinctLabels } from "./labels";
import { TermOverTerm } from "./term-over-term";
import { compareHref } from "./urls";
import { WardCompareForm } from "./ward-compare-form";

const yesNo = (r: WardIndicatorRow) => r.indicator.valueType === "BOOLEAN" && r.indicator.unit === "đạt";

function averageText(r: WardIndicatorRow, noun: string): string | null {
  const { average, achieved } = r.siblings;
  if (achieved) return `${achieved.count}/${achieved.of} ${noun} đạt`;
  if (!average) return null;
  return formatFigure(
    readable(average.value, r.indicator.valueType),
    r.indicator.valueType,
    r.indicator.unit,
    average.qualifier,
  );
}

export function WardComparisonView({ data, termSlug }: { data: WardComparison; termSlug?: string }) {
  const { unit, parent, programme, term, period, sections, siblingCount } = data;
  const noun = LEVEL_NOUN[unit.level];
  const when = periodLabel(period, term);
  const rows = sections.flatMap((s) => s.rows);
  const numbered = new Map(rows.map((r, i) => [r.indicator.code, i + 1]));
  const avgHeading = `Bình quân ${siblingCount} ${noun} khác`;
  const withRatio = rows
    .filter((r) => r.siblings.ratioPercent !== null)
    .sort((a, b) => Number(b.siblings.ratioPercent) - Number(a.siblings.ratioPercent));
  // names of one section often start alike ("Kiểm tra, giám sát chuyên đề đối với …"): keep their ends
  const labels = distinctLabels(
    withRatio.map((r) => r.indicator.name),
    34,
  );
  const items: RankedItem[] = withRatio.map((r, i) => ({
    key: r.indicator.code,
    name: `${numbered.get(r.indicator.code)}. ${labels[i]}`,
    value: Number(r.siblings.ratioPercent),
    label: `${withBound(formatRatio(r.siblings.ratioPercent!), r.siblings.bound)} bình quân`,
    isDemo: r.siblings.ratioIsDemo,
    source: r.own.isDemo ? "Dữ liệu minh họa" : r.own.sources.map(formatSource).join("; "),
  }));
  const hasDemo = rows.some((r) => r.own.isDemo || r.siblings.average?.hasDemo);
  const top = withRatio[0];
  const bottom = withRatio[withRatio.length - 1];
  const summary =
    withRatio.length === 0
      ? `Chưa có chỉ tiêu nào có cả số liệu của ${unit.name} và của các ${noun} khác, ${when}.`
      : `${withRatio.length}/${rows.length} chỉ tiêu có cả số liệu của ${unit.shortName} và bình quân các ${noun} khác, ${when}. ` +
        `Cao nhất so với bình quân: ${top.indicator.name} (${formatRatio(top.siblings.ratioPercent!)}); thấp nhất: ${bottom.indicator.name} (${formatRatio(bottom.siblings.ratioPercent!)}). 100 % là bằng bình quân.`;
  const csvHeader = [
    "STT",
    "Chỉ tiêu",
    "Đơn vị",
    unit.name,
    "Cơ sở",
    avgHeading,
    `Số ${noun} khác có số liệu`,
    "Chênh lệch",
    "Tỷ lệ so với bình quân (%)",
    "Dữ liệu minh họa",
    "Đánh giá",
  ];
  const csvRows = rows.map((r) => [
    numbered.get(r.indicator.code),
    r.indicator.name,
    r.indicator.unit,
    r.own.value === null ? "" : `${r.own.qualifier === "MORE_THAN" ? ">" : ""}${csvNumber(r.own.value)}`,
    basisLabel(r.own, r.indicator.aggregation),
    r.siblings.average
      ? `${r.siblings.average.qualifier === "MORE_THAN" ? ">" : ""}${csvNumber(r.siblings.average.value)}`
      : "",
    r.siblings.average?.count ?? 0,
    r.siblings.difference === null ? "" : csvNumber(r.siblings.difference),
    r.siblings.ratioPercent === null ? "" : csvNumber(r.siblings.ratioPercent),
    r.own.isDemo || r.siblings.average?.hasDemo ? "có" : "không",
    TARGET_STATUS_LABEL[r.status],
  ]);
  const firstCode = rows[0]?.indicator.code;

  const table = (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[44rem] border-collapse text-sm" data-ward-table>
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
            {s.rows.map((r) => {
              const avg = averageText(r, noun);
              return (
                <tr
                  key={r.indicator.code}
                  data-indicator={r.indicator.code}
                  className="border-b border-slate-200 align-top"
                >
                  <th
                    scope="row"
                    className="sticky left-0 z-10 w-40 min-w-40 bg-white py-2 pr-2 text-left font-normal shadow-[1px_0_0_#e2e8f0] sm:w-auto sm:min-w-56"
                  >
                    <span className="text-slate-600">{numbered.get(r.indicator.code)}. </span>
                    <Link
                      prefetch={false}
                      href={compareHref({ parent: parent.slug, indicator: r.indicator.code, period, term: termSlug })}
                      className="text-brand-800 underline decoration-dotted hover:decoration-solid"
                    >
                      {r.indicator.name}
                    </Link>
                    <span className="sr-only"> (so sánh các {noun})</span>
                  </th>
                  <td className="py-2 pr-3 text-right" data-own>
                    {r.own.value === null ? (
                      <span className="text-slate-600">Chưa có số liệu</span>
                    ) : (
                      <>
                        <span className="font-semibold whitespace-nowrap">
                          {formatFigure(r.own.value, r.indicator.valueType, r.indicator.unit, r.own.qualifier)}
                        </span>
                        <span className="block text-xs text-slate-600">
                          {basisLabel(r.own, r.indicator.aggregation)}
                        </span>
                        <span className="flex justify-end text-xs text-slate-700">
                          <SourceLabel sources={r.own.sources} />
                        </span>
                      </>
                    )}
                  </td>
                  <td className="py-2 pr-3 text-right" data-average>
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
                  <td className="py-2 pr-3 text-right whitespace-nowrap">
                    {r.siblings.difference === null
                      ? "–"
                      : withBound(
                          formatDifference(readable(r.siblings.difference, r.indicator.valueType), r.indicator),
                          r.siblings.bound,
                        )}
                  </td>
                  <td className="py-2 pr-3 text-right whitespace-nowrap" data-ratio>
                    {r.siblings.ratioPercent === null
                      ? "–"
                      : withBound(formatRatio(r.siblings.ratioPercent), r.siblings.bound)}
                  </td>
                  <td className="py-2 text-xs" data-status={r.status}>
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
            })}
          </tbody>
        ))}
      </table>
    </div>
  );

  return (
    <article className="dashboard space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-slate-600">
          {parent.name} · {term.name}
        </p>
        <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">
          {unit.name} so với các {noun} khác
        </h1>
        <p className="max-w-3xl text-slate-700">
          Mỗi chỉ tiêu của Chương trình {programme.code} ({when}): số của {unit.shortName} bên cạnh bình quân (trung
          bình cộng, không gia quyền) của {siblingCount} {noun} khác thuộc {parent.name}. Bấm tên chỉ tiêu để xem cả{" "}
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
        summary={summary}
        csv={{ header: csvHeader, rows: csvRows }}
        aside={
          <p className="text-sm text-slate-700">
            Mỗi cột là số của {unit.shortName} chia cho bình quân các {noun} khác (100 % = bằng bình quân). Chỉ vẽ các
            chỉ tiêu có cả hai số và bình quân khác 0
            {rows.some(yesNo) ? "; chỉ tiêu đạt/chưa đạt được ghi số đơn vị đạt trong bảng" : ""}.
          </p>
        }
        chart={
          items.length > 0 ? (
            <RankedBars
              items={items}
              references={[{ kind: "average", value: 100, label: "Bình quân = 100 %" }]}
              labelWidth={176}
              rowHeight={44}
            />
          ) : (
            <p className="text-sm text-slate-600">Chưa có chỉ tiêu nào có đủ số liệu để so sánh.</p>
          )
        }
        table={table}
      />

      <TermOverTerm data={data} />
    </article>
  );
}
