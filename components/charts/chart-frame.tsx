"use client";

import { useRef, useState } from "react";
import type { CsvCell } from "@/lib/format/csv";
import { downloadCsv, downloadPng, downloadSvg } from "./export";
import { RenderWhenSeen } from "./render-when-seen";

type Props = {
  /** Heading of the chart (also the CSV and image file name). */
  title: string;
  headingLevel?: 2 | 3;
  fileName: string;
  /** One-sentence text alternative of what the chart shows. */
  summary: string;
  /** The CSV made in the browser from these rows, or (`csvHref`) downloaded from the server. */
  csv?: { header: string[]; rows: CsvCell[][] };
  csvHref?: string;
  chart: React.ReactNode;
  /** The same numbers as a table, rendered on the server. */
  table: React.ReactNode;
  aside?: React.ReactNode;
  /** Height the chart will take, kept free until it is drawn. */
  chartHeight?: number;
  /** A page of many charts (the programme dashboard): draw each when scrolled to or printed, and keep
   * its table behind "Xem bảng số liệu" (still in the page for screen readers). */
  light?: boolean;
  /** Draw the chart when scrolled to (or printed), its table shown as usual: a chart that may sit
   * below the fold of a phone (/so-sanh). Implied by `light`. */
  drawWhenSeen?: boolean;
  /** With `drawWhenSeen`: how far off screen the chart starts to be drawn (px; RenderWhenSeen's). */
  lookAhead?: number;
};

const button =
  "rounded border border-slate-300 bg-white px-2 py-1 text-xs text-slate-800 hover:bg-slate-100 focus-visible:outline-2";

/** A chart with its text alternative, its numbers as a table, and downloads (CSV, SVG, PNG). */
export function ChartFrame({
  title,
  headingLevel = 3,
  fileName,
  summary,
  csv,
  csvHref,
  chart,
  table,
  aside,
  chartHeight = 180,
  light = false,
  drawWhenSeen = light,
  lookAhead,
}: Props) {
  const chartRef = useRef<HTMLDivElement>(null);
  // why the last download could not be made: said next to the buttons, never a silent failure
  const [problem, setProblem] = useState<string | null>(null);
  const noChart = "Biểu đồ chưa hiển thị (chưa có số liệu hoặc chưa vẽ xong), nên chưa tải được ảnh.";
  const svg = () => chartRef.current?.querySelector<SVGSVGElement>("svg.recharts-surface") ?? null;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <figure className="chart-frame min-w-0 space-y-2 break-inside-avoid rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <Heading className="font-semibold text-slate-900">{title}</Heading>
        <div className="no-print flex flex-wrap gap-1" role="group" aria-label={`Tải dữ liệu: ${title}`}>
          {csvHref ? (
            <a href={csvHref} download={`${fileName}.csv`} className={button}>
              Tải CSV
            </a>
          ) : (
            csv && (
              <button type="button" className={button} onClick={() => downloadCsv(fileName, csv.header, csv.rows)}>
                Tải CSV
              </button>
            )
          )}
          <button
            type="button"
            className={button}
            onClick={() => {
              const s = svg();
              setProblem(s ? null : noChart);
              if (s) downloadSvg(s, fileName);
            }}
          >
            Tải SVG
          </button>
          <button
            type="button"
            className={button}
            onClick={() => {
              const s = svg();
              if (!s) setProblem(noChart);
              else void downloadPng(s, fileName).then(setProblem);
            }}
          >
            Tải PNG
          </button>
        </div>
      </div>
      {problem && (
        <p
          role="alert"
          className="no-print rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900"
          data-download-problem
        >
          {problem}
        </p>
      )}
      {aside}
      {/* The drawing is for the eye; its summary and the table below carry the same numbers for
          screen readers and keyboards (the charts have no focusable parts). */}
      <div ref={chartRef} aria-hidden="true" className="chart-area">
        {drawWhenSeen ? (
          <RenderWhenSeen height={chartHeight} lookAhead={lookAhead}>
            {chart}
          </RenderWhenSeen>
        ) : (
          chart
        )}
      </div>
      <figcaption className="text-xs text-slate-600">{summary}</figcaption>
      {/* light: closed, but in the page (screen readers and printing read it), opened when needed */}
      <details className="chart-table text-sm" open={!light}>
        <summary className={`no-print cursor-pointer text-xs ${light ? "text-brand-700 underline" : "text-slate-600"}`}>
          {light ? "Xem bảng số liệu" : "Bảng số liệu"}
        </summary>
        {table}
      </details>
    </figure>
  );
}
