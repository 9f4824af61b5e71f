import type { ProgrammeDashboard } from "@/lib/data/programme-dashboard";
import { latestYearChange } from "@/lib/domain/year-change";
import { formatChange } from "@/lib/format/change";
import { formatTarget } from "@/lib/format/target";
import { formatFigure } from "@/lib/format/vi";
import { DemoBadge } from "@/components/ui/demo-badge";
import { StatusBadge } from "@/components/ui/status-badge";

/**
 * Every indicator of the programme on one screen (and page 1 of the print): term figure, target,
 * status, and the latest year against the year before. The charts below are opened for detail.
 */
export function IndicatorSummaryTable({ sections }: { sections: ProgrammeDashboard["sections"] }) {
  return (
    <div className="summary-table relative overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-summary-table>
        <caption className="sr-only">Mọi chỉ tiêu của chương trình: số cả nhiệm kỳ, chỉ tiêu, đánh giá</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left text-slate-600">
            <th scope="col" className="sticky left-0 bg-white py-1 pr-3 font-medium">
              Chỉ tiêu
            </th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">
              Cả nhiệm kỳ
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Chỉ tiêu kế hoạch
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Đánh giá
            </th>
            <th scope="col" className="py-1 font-medium">
              Năm gần nhất so với năm trước
            </th>
          </tr>
        </thead>
        {sections.map((s) => (
          <tbody key={s.code}>
            <tr>
              <th scope="colgroup" colSpan={5} className="pt-2 pb-1 text-left font-semibold text-slate-800">
                {s.name}
              </th>
            </tr>
            {s.indicators.map((i) => {
              const f = i.figure;
              const change = latestYearChange(i.summary.years);
              return (
                <tr key={i.code} className="border-b border-slate-100 align-top" data-summary-row={i.code}>
                  <th
                    scope="row"
                    className={`sticky left-0 bg-white py-1 pr-3 text-left font-normal ${i.parentCode ? "pl-4" : ""}`}
                  >
                    {i.name}
                  </th>
                  <td className="py-1 pr-3 text-right whitespace-nowrap">
                    {f.basis === "none" ? "—" : formatFigure(f.value, i.valueType, i.unit, f.qualifier)}
                    {i.isDemo && (
                      <>
                        {" "}
                        <DemoBadge />
                      </>
                    )}
                  </td>
                  <td className="py-1 pr-3 whitespace-nowrap">
                    {i.targets.term ? formatTarget(i.targets.term, i.valueType, i.unit) : "—"}
                    {i.targets.term?.isDemo && <span className="text-xs text-amber-900"> (minh họa)</span>}
                  </td>
                  <td className="py-1 pr-3">
                    <StatusBadge status={i.status} />
                  </td>
                  <td className="py-1 text-xs">
                    {change === null
                      ? "—"
                      : `${change.year}: ${formatFigure(change.value, i.valueType, i.unit, change.qualifier)}${
                          change.difference !== null && i.valueType !== "BOOLEAN"
                            ? ` (${formatChange(change.difference, i.valueType, i.unit)} so với ${change.previousYear})`
                            : ""
                        }`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}
