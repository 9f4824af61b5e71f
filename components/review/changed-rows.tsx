import type { ChangedRow } from "@/lib/data/changes";
import { formatNumber, formatYearFigure } from "@/lib/format/vi";

const figure = (row: ChangedRow, value: string | null, qualifier: ChangedRow["qualifier"] | null = "EXACT") =>
  value === null ? "—" : formatYearFigure(value, row.indicator.valueType, row.indicator.unit, qualifier ?? "EXACT");

function change(row: ChangedRow): string {
  if (row.published === null) return "mới";
  if (row.value === null) return "bỏ trống";
  if (row.relativeChange === null) return "thay đổi";
  // the same figure, "trên" added or dropped
  if (row.relativeChange === 0) return row.qualifier === "MORE_THAN" ? "thêm “trên”" : "bỏ “trên”";
  const pct = (row.relativeChange * 100).toFixed(row.relativeChange < 0.1 ? 1 : 0);
  return `${Number(row.value) >= Number(row.published) ? "+" : "−"}${formatNumber(pct)}%`;
}

/**
 * For reviewers: only the rows whose entered value differs from the published figure, beside it and
 * last year's, the largest relative change first (new and cleared rows before them).
 */
export function ChangedRows({ rows, year }: { rows: ChangedRow[]; year: number }) {
  return (
    <section
      aria-labelledby={`thay-doi-${year}`}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
      data-testid="changed-rows"
    >
      <h2 id={`thay-doi-${year}`} className="text-lg font-semibold">
        Số liệu thay đổi so với số liệu đã công bố ({formatNumber(String(rows.length))})
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">Không có số liệu nào khác số liệu đã công bố.</p>
      ) : (
        <details className="text-sm" open={rows.length <= 10}>
          <summary className="cursor-pointer text-brand-700 underline">Chỉ xem các dòng thay đổi</summary>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-1 pr-2">
                    Chỉ tiêu
                  </th>
                  <th scope="col" className="py-1 pr-2 text-right">
                    Năm {year - 1}
                  </th>
                  <th scope="col" className="py-1 pr-2 text-right">
                    Đã công bố
                  </th>
                  <th scope="col" className="py-1 pr-2 text-right">
                    Mới nhập
                  </th>
                  <th scope="col" className="py-1 text-right">
                    Thay đổi
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.indicator.code}:${r.unit.slug}`} className="border-b border-slate-100 align-top">
                    <th scope="row" className="py-1 pr-2 font-normal">
                      {r.indicator.name}
                      {r.unit.level !== "WARD" && <span className="block text-xs text-slate-600">{r.unit.name}</span>}
                    </th>
                    <td className="py-1 pr-2 text-right tabular-nums">{figure(r, r.lastYear)}</td>
                    <td className="py-1 pr-2 text-right tabular-nums">
                      {figure(r, r.published, r.publishedQualifier)}
                    </td>
                    <td className="py-1 pr-2 text-right font-medium tabular-nums">{figure(r, r.value, r.qualifier)}</td>
                    <td className="py-1 text-right tabular-nums">{change(r)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}
