"use client";

import Link from "next/link";
import type { ValueType } from "@/lib/domain/enums";
import { csvNumber } from "@/lib/format/csv";
import { ChartFrame } from "@/components/charts/chart-frame";
import { RankedBars, type RankedItem, type Reference } from "@/components/charts/ranked-bars";
import { DemoBadge } from "@/components/ui/demo-badge";

/** One group: rank, name, exact value, its label, group number (its page), the shown year's value
 * and its words (term ranking), the years counted, all sources, reported sources, demo, partly demo, slug. */
export type RankedRow = [
  rank: number,
  name: string,
  value: string,
  label: string,
  group: number | null,
  year: [value: string, words: string] | null,
  years: string,
  sources: string,
  reported: string,
  demo: 0 | 1,
  partlyDemo: 0 | 1,
  slug: string,
];

export type RankedGroupsData = {
  title: string;
  fileName: string;
  summary: string;
  /** Ranked by the years achieved in the term (yes/no indicators) rather than one year's value. */
  term: boolean;
  csvHeader: string[];
  valueHeader: string;
  year: number | null;
  groupHref: string;
  termQuery: string;
  rows: RankedRow[];
  references: Reference[];
  axis: { valueType: ValueType; unit: string };
};

const tooltipSource = (r: RankedRow) =>
  r[9] ? "Dữ liệu minh họa" : r[10] ? `${r[8]} (một phần là dữ liệu minh họa)` : r[8];

/** The ranking chart, its table and its CSV, all from the same rows. */
export function RankedGroupsChart({
  data: d,
  headingLevel,
  rowHeight,
  light,
}: {
  data: RankedGroupsData;
  headingLevel: 2 | 3;
  rowHeight: number;
  light: boolean;
}) {
  const items: RankedItem[] = d.rows.map((r) => ({
    key: r[11],
    name: r[1],
    value: Number(r[2]),
    label: r[3],
    // a count of years that stands partly on demo years is not a reported figure: hatched too
    isDemo: r[9] === 1 || r[10] === 1,
    source: tooltipSource(r),
  }));
  const csvRows = d.rows.map((r) =>
    d.term
      ? [r[0], r[1], csvNumber(r[2]), r[6], r[5] === null ? null : csvNumber(r[5][0]), r[7]]
      : [r[0], r[1], d.year, csvNumber(r[2]), r[7]],
  );
  const aside = (
    <div className="space-y-1 text-xs text-slate-600">
      {d.term && (
        <p>
          Chỉ tiêu có/không (Đạt/Chưa đạt) theo từng năm: thay vì vẽ giá trị 0/1 của một năm, các tổ được xếp theo{" "}
          <strong>số năm đạt</strong> trong nhiệm kỳ. Kết quả từng năm ở bản đồ nhiệt bên dưới.
        </p>
      )}
      <p className="flex flex-wrap items-center gap-1">
        Cột gạch chéo: <DemoBadge />
        {d.rows.some((r) => r[10] === 1) && <span>(kể cả số năm đạt có một phần là dữ liệu minh họa)</span>}
      </p>
    </div>
  );
  const table = (
    <div className="relative overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="ranking-table">
        <caption className="sr-only">{d.title}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left text-slate-600">
            <th scope="col" className="py-1.5 pr-3 font-medium">
              Hạng
            </th>
            <th scope="col" className="py-1.5 pr-3 font-medium">
              Tổ dân phố
            </th>
            <th scope="col" className="py-1.5 pr-3 text-right font-medium">
              {d.valueHeader}
            </th>
            {d.term && (
              <th scope="col" className="py-1.5 pr-3 text-center font-medium">
                Năm {d.year}
              </th>
            )}
            <th scope="col" className="py-1.5 font-medium">
              Nguồn
            </th>
          </tr>
        </thead>
        <tbody>
          {d.rows.map((r) => (
            <tr key={r[11]} className="border-b border-slate-200" data-group={r[11]}>
              <td className="py-1 pr-3 tabular-nums">{r[0]}</td>
              <th scope="row" className="py-1 pr-3 text-left font-normal whitespace-nowrap">
                <Link
                  href={`${d.groupHref}${r[4]}${d.termQuery}`}
                  className="text-blue-800 underline-offset-2 hover:underline"
                >
                  {r[1]}
                </Link>
              </th>
              <td className="py-1 pr-3 text-right tabular-nums whitespace-nowrap">{r[3]}</td>
              {d.term && <td className="py-1 pr-3 text-center">{r[5] === null ? "—" : r[5][1]}</td>}
              <td className="py-1 text-xs">
                {r[9] ? (
                  <DemoBadge />
                ) : (
                  <span className="flex flex-wrap items-center gap-1">
                    {r[8]}
                    {r[10] === 1 && <DemoBadge />}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <ChartFrame
      title={d.title}
      headingLevel={headingLevel}
      fileName={d.fileName}
      summary={d.summary}
      csv={{ header: d.csvHeader, rows: csvRows }}
      chart={
        <RankedBars
          items={items}
          references={d.references}
          rowHeight={rowHeight}
          axis={d.axis}
          // beside its section's charts on the dashboard's paper (2 of 5 columns), or the page's width
          paperWidth={light ? 400 : 680}
        />
      }
      table={table}
      aside={aside}
      chartHeight={Math.max(160, items.length * rowHeight + 48)}
      light={light}
    />
  );
}
