import type { IndicatorRow } from "@/lib/data/ward-overview";
import { describeBasis } from "@/lib/format/figure-basis";
import { formatFigure } from "@/lib/format/vi";
import { DemoBadge } from "@/components/ui/demo-badge";
import { SourceLabel } from "@/components/ui/source-label";
import type { SourceRef } from "@/lib/domain/indicator-summary";
import { ownSources } from "./common-source";

function GroupCell({ row }: { row: IndicatorRow }) {
  const g = row.groups!;
  return (
    <div className="space-y-1">
      <p>Thu thập theo tổ dân phố: {g.groupsWithValues} tổ có số liệu.</p>
      {g.reportedAchieved.map((a) => (
        <p key={`${a.group}-${a.year}`} className="font-medium">
          {a.group} đạt năm {a.year}
        </p>
      ))}
      {g.demoValues > 0 && <DemoBadge />}
    </div>
  );
}

/** A row's own source; one standing on the page's common source says so to screen readers only. */
function RowSource({ sources, common }: { sources: SourceRef[]; common: SourceRef | null }) {
  const own = ownSources(sources, common);
  if (sources.length > 0 && own.length === 0) return <span className="sr-only">Nguồn chung ghi ở đầu trang</span>;
  return <SourceLabel sources={own} />;
}

/**
 * The indicators of one section with their term figures, units and sources. A row standing on the page's
 * common source (named once above the tables) leaves its source cell empty.
 */
export function IndicatorTable({
  caption,
  rows,
  common = null,
}: {
  caption: string;
  rows: IndicatorRow[];
  common?: SourceRef | null;
}) {
  return (
    <table className="w-full border-collapse text-sm">
      <caption className="py-2 text-left text-base font-semibold text-slate-800">{caption}</caption>
      <thead className="max-sm:sr-only">
        <tr className="border-b border-slate-300 text-left text-slate-600">
          <th scope="col" className="py-2 pr-3 font-medium">
            Chỉ tiêu
          </th>
          <th scope="col" className="py-2 pr-3 font-medium sm:w-56">
            Kết quả nhiệm kỳ
          </th>
          <th scope="col" className="py-2 font-medium sm:w-64">
            Nguồn
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const { indicator, summary } = row;
          const figure = summary.figure;
          const isCategory = indicator.parentCode !== null;
          return (
            <tr
              key={indicator.code}
              data-indicator={indicator.code}
              className="border-b border-slate-200 align-top max-sm:grid max-sm:gap-1 max-sm:py-2"
            >
              <th
                scope="row"
                className={`py-2 pr-3 text-left font-normal max-sm:py-0 ${isCategory ? "pl-5 text-slate-700" : ""}`}
              >
                {isCategory && <span aria-hidden="true">↳ </span>}
                {indicator.name}
                {indicator.description && <span className="block text-xs text-slate-500">{indicator.description}</span>}
              </th>
              <td className="py-2 pr-3 max-sm:py-0">
                {row.groups ? (
                  <GroupCell row={row} />
                ) : figure.basis === "none" ? (
                  <span className="text-slate-500">Chưa có số liệu</span>
                ) : (
                  <>
                    <span className="text-base font-semibold" data-figure>
                      {formatFigure(figure.value, indicator.valueType, indicator.unit, figure.qualifier)}
                    </span>
                    <span className="block text-xs text-slate-500">{describeBasis(figure, indicator.aggregation)}</span>
                    {summary.note && <span className="block text-xs text-slate-600">{summary.note}</span>}
                  </>
                )}
              </td>
              <td className="py-2 text-xs text-slate-700 max-sm:py-0">
                {!row.groups && <RowSource sources={summary.sources} common={common} />}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
