"use client";

import type { CsvCell } from "@/lib/format/csv";
import { downloadCsv } from "@/components/charts/export";

/** One "Tải CSV" button, for a table that has no chart (the heat map). */
export function CsvDownloadButton({
  fileName,
  header,
  rows,
  label,
}: {
  fileName: string;
  header: string[];
  rows: CsvCell[][];
  label: string;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      className="no-print rounded border border-slate-300 bg-white px-2 py-1 text-xs text-slate-800 hover:bg-slate-100 focus-visible:outline-2"
      onClick={() => downloadCsv(fileName, header, rows)}
    >
      Tải CSV
    </button>
  );
}
