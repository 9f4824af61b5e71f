"use client";

import Link from "next/link";
import { downloadCsv } from "@/components/charts/export";
import { csvNumber } from "@/lib/format/csv";

/**
 * One group's value in one year, as a tuple (keys are not repeated per cell): the exact value (for
 * the CSV), its label ("92,5 %", "Đạt"), its colour step (0 … 4 for rates, 1/0 achieved or not for
 * yes/no), demo, the index of its source in `sources` (-1 for demo data), a note.
 */
export type HeatCell = [value: string, label: string, step: number, demo: 0 | 1, source: number, note: string | null];

/** One group: name, its page's number (null when the slug has none), slug, a cell per year, term figure. */
export type HeatRow = [name: string, group: number | null, slug: string, cells: Array<HeatCell | null>, term: string];

/**
 * What the heat map is made of, sent to the browser once and compactly: the table (HTML on the
 * server's render), its tooltips and its CSV are all made from it. Sending the table as server
 * markup sent every cell twice (HTML and React payload) and made the page 340 KiB.
 */
export type HeatMapData = {
  title: string;
  fileName: string;
  /** What the last column is (the indicator's rule), for the table's caption. */
  basis: string;
  years: number[];
  year: number | null;
  isYesNo: boolean;
  /** Unit of the values in the CSV header. */
  csvUnit: string;
  /** Source texts (reported cells point into this list), and their kinds. */
  sources: string[];
  sourceKinds: string[];
  groupHref: string;
  termQuery: string;
  rows: HeatRow[];
  /** The footer: the groups' average (or groups achieving) per year, and over the term. */
  footerLabel: string;
  footer: string[];
  footerTerm: string;
};

const words = (d: HeatMapData, c: HeatCell) => (d.isYesNo ? (c[2] >= 1 ? "Đạt" : "Chưa đạt") : c[1]);
const stepClass = (d: HeatMapData, step: number) => (d.isYesNo ? (step >= 1 ? "hm-yes" : "hm-no") : `hm-${step}`);

/** The heat map's CSV: one row per group, a column per year, the reported cells' sources. */
export function heatMapCsvRows(d: HeatMapData): { header: string[]; rows: Array<Array<string | number | null>> } {
  const header = ["Tổ dân phố", ...d.years.map((y) => `${y} (${d.csvUnit})`), "Nguồn"];
  const rows = d.rows.map(([name, , , cells]) => [
    name,
    ...cells.map((c) => (c === null ? null : csvNumber(c[0]))),
    cells
      .map((c, i) => (c && !c[3] ? `${d.years[i]}: ${d.sources[c[4]]}` : null))
      .filter((s): s is string => s !== null)
      .concat(cells.some((c) => c?.[3]) ? ["các năm khác: Dữ liệu minh họa"] : [])
      .join("; "),
  ]);
  return { header, rows };
}

/** Group × year table of one indicator, each cell coloured by its value (no chart library). */
export function HeatMapTable({ data: d, legend }: { data: HeatMapData; legend: React.ReactNode }) {
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id="heat-map-title" className="text-lg font-semibold text-slate-900">
          {d.title}
        </h2>
        <button
          type="button"
          aria-label={`Tải CSV: ${d.title}`}
          className="no-print rounded border border-slate-300 bg-white px-2 py-1 text-xs text-slate-800 hover:bg-slate-100 focus-visible:outline-2"
          onClick={() => {
            const { header, rows } = heatMapCsvRows(d);
            downloadCsv(d.fileName, header, rows);
          }}
        >
          Tải CSV
        </button>
      </div>
      {legend}
      {d.rows.length === 0 ? (
        <p className="text-slate-600">Phường chưa có tổ dân phố trong hệ thống.</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="heat-map w-full border-separate border-spacing-0 text-sm">
            <caption className="sr-only">
              {d.title}. Mỗi hàng là một tổ dân phố, mỗi cột là một năm; cột cuối là kết quả cả nhiệm kỳ ({d.basis}). Ô
              có ghi “số liệu báo cáo” lấy từ báo cáo, các ô khác là dữ liệu minh họa.
            </caption>
            <thead>
              <tr>
                <th scope="col" className="hm-name border-slate-300 py-1.5 font-medium text-slate-700">
                  Tổ dân phố
                </th>
                {d.years.map((y) => (
                  <th
                    key={y}
                    scope="col"
                    className={`border-b border-slate-300 px-2 py-1.5 text-center font-medium ${y === d.year ? "bg-amber-100 text-slate-900" : "text-slate-700"}`}
                  >
                    {y}
                    {y === d.year && <span className="sr-only"> (năm đang chọn)</span>}
                  </th>
                ))}
                <th scope="col" className="hm-term border-slate-300 py-1.5 font-medium text-slate-700">
                  Cả nhiệm kỳ
                </th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map(([name, group, slug, cells, term]) => (
                <tr key={slug} data-group={slug}>
                  <th scope="row" className="hm-name font-normal">
                    {group === null ? (
                      name
                    ) : (
                      <Link href={`${d.groupHref}${group}${d.termQuery}`} className="text-blue-800 hover:underline">
                        {name}
                      </Link>
                    )}
                  </th>
                  {cells.map((c, i) => {
                    const y = d.years[i];
                    if (!c)
                      return (
                        <td key={y} className="hm-empty" data-year={y}>
                          <span aria-hidden="true">·</span>
                          <span className="sr-only">Chưa có số liệu</span>
                        </td>
                      );
                    const [, label, step, demo, src, note] = c;
                    const source = demo ? null : d.sources[src];
                    return (
                      <td
                        key={y}
                        data-year={y}
                        data-demo={demo ? "true" : undefined}
                        data-source-kind={demo ? "DEMO" : d.sourceKinds[src]}
                        title={
                          demo
                            ? `${name}, ${y}: ${words(d, c)}. Dữ liệu minh họa`
                            : `${name}, ${y}: ${words(d, c)}. Nguồn: ${source}${note ? `. ${note}` : ""}`
                        }
                        className={`hm ${stepClass(d, step)} ${demo ? "hm-demo" : "hm-bc"}`}
                      >
                        <span aria-hidden={d.isYesNo ? "true" : undefined}>{label}</span>
                        {d.isYesNo && <span className="sr-only">{words(d, c)}</span>}
                        {!demo && (
                          <>
                            <sup aria-hidden="true" className="ml-0.5 text-[10px] font-bold">
                              BC
                            </sup>
                            <span className="sr-only">, số liệu báo cáo. Nguồn: {source}</span>
                          </>
                        )}
                      </td>
                    );
                  })}
                  <td className="hm-term">{term}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="hm-name hm-foot font-semibold">
                  {d.footerLabel}
                </th>
                {d.footer.map((f, i) => (
                  <td key={d.years[i]} className="hm-foot px-2 text-center font-semibold whitespace-nowrap">
                    {f}
                  </td>
                ))}
                <td className="hm-term hm-foot font-semibold">{d.footerTerm}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </>
  );
}
