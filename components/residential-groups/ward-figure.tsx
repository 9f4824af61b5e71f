import type { ResidentialGroupsView } from "@/lib/data/residential-groups";
import { DERIVATION_STATUS_LABEL } from "@/lib/domain/residential-groups";
import { roundDecimal } from "@/lib/domain/decimal";
import { TARGET_STATUS_LABEL } from "@/lib/domain/target-status";
import { describeBasis } from "@/lib/format/figure-basis";
import { formatTarget } from "@/lib/format/target";
import { formatFigure } from "@/lib/format/vi";
import { DemoBadge } from "@/components/ui/demo-badge";
import { SourceLabel } from "@/components/ui/source-label";

const th = "py-1.5 pr-2 text-left font-medium text-slate-600";
const td = "py-1 pr-2 tabular-nums whitespace-nowrap";

/** The ward's own figure beside the groups, and the ward figure checked against the groups. */
export function WardFigure({ view }: { view: ResidentialGroupsView }) {
  const { ward, indicator, counterpart, perYear, derivation, year, isYesNo } = view;
  const percent = (v: string) => formatFigure(v, "PERCENT", "%");
  return (
    <section
      aria-labelledby="ward-figure-title"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 sm:p-4"
      data-testid="ward-figure"
    >
      <h2 id="ward-figure-title" className="text-lg font-semibold text-slate-900">
        Số liệu của {ward.name.replace(/^Phường/, "phường")}
      </h2>
      {counterpart ? (
        <div className="space-y-1">
          <p className="text-sm text-slate-700">{counterpart.indicator.name}, cả nhiệm kỳ:</p>
          {counterpart.summary.figure.basis === "none" ? (
            <p className="text-slate-600">Chưa có số liệu</p>
          ) : (
            <p className="text-2xl font-bold text-slate-900" data-figure>
              {formatFigure(
                counterpart.summary.figure.value,
                counterpart.indicator.valueType,
                counterpart.indicator.unit,
                counterpart.summary.figure.qualifier,
              )}
            </p>
          )}
          <p className="text-xs text-slate-600">
            {describeBasis(counterpart.summary.figure, counterpart.indicator.aggregation)}
          </p>
          <div className="text-xs text-slate-700">
            <SourceLabel sources={counterpart.summary.sources} />
          </div>
          {counterpart.targets?.term && (
            <p className="flex flex-wrap items-center gap-1 text-sm">
              Chỉ tiêu{" "}
              {formatTarget(counterpart.targets.term, counterpart.indicator.valueType, counterpart.indicator.unit)}:{" "}
              <strong>{TARGET_STATUS_LABEL[counterpart.status]}</strong>
              {counterpart.targets.term.isDemo && <DemoBadge />}
            </p>
          )}
        </div>
      ) : (
        <p className="text-sm text-slate-700">
          Phường không có chỉ tiêu tổng hợp riêng cho “{indicator.name}”: số tổ đạt mỗi năm được tính từ các tổ.
        </p>
      )}

      {indicator.wardFromGroups && (
        <p className="text-xs text-slate-600">
          Tỷ lệ của phường được tính từ các tổ: <strong>số tổ đạt ÷ số tổ dân phố</strong>; cột “Đối chiếu” so tỷ lệ
          phường đã ghi với tỷ lệ tính từ các tổ.
        </p>
      )}

      <div className="relative overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <caption className="py-1 text-left text-sm font-medium text-slate-800">Từng năm</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className={th}>
                Năm
              </th>
              {counterpart && (
                <th scope="col" className={th}>
                  Phường
                </th>
              )}
              <th scope="col" className={th}>
                {isYesNo ? "Số tổ đạt" : "Bình quân các tổ"}
              </th>
              {derivation && (
                <th scope="col" className={th}>
                  Tính từ các tổ
                </th>
              )}
              {derivation && (
                <th scope="col" className={th}>
                  Đối chiếu
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {perYear.map((p) => {
              const stored = counterpart?.summary.years.find((y) => y.year === p.year);
              const check = derivation?.find((d) => d.year === p.year);
              return (
                <tr
                  key={p.year}
                  className={`border-b border-slate-200 ${p.year === year ? "bg-amber-50" : ""}`}
                  data-year={p.year}
                >
                  <th scope="row" className={`${td} text-left font-normal`}>
                    {p.year}
                    {p.year === year && <span className="sr-only"> (năm đang chọn)</span>}
                  </th>
                  {counterpart && (
                    <td className={td}>
                      {stored
                        ? formatFigure(
                            stored.value,
                            counterpart.indicator.valueType,
                            counterpart.indicator.unit,
                            stored.qualifier,
                          )
                        : "—"}
                      {stored?.isDemo && <DemoMark />}
                    </td>
                  )}
                  <td className={td}>
                    {p.share
                      ? `${p.share.achieved}/${p.share.groups} tổ`
                      : p.average
                        ? percent(roundDecimal(p.average, 1))
                        : "—"}
                    {p.isDemo && <DemoMark />}
                  </td>
                  {derivation && (
                    <td className={td}>{check?.share ? percent(roundDecimal(check.share.percent, 1)) : "—"}</td>
                  )}
                  {derivation && <td className={td}>{check ? DERIVATION_STATUS_LABEL[check.check.status] : "—"}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {view.hasDemo && (
        <p className="flex flex-wrap items-center gap-1 text-xs text-slate-600">
          <span className="text-amber-800">*</span> <DemoBadge />
        </p>
      )}
    </section>
  );
}

/** A star after a demo figure in the small table; the legend below says what it means. */
function DemoMark() {
  return (
    <>
      <span aria-hidden="true" className="ml-1 text-amber-800">
        *
      </span>
      <span className="sr-only"> (dữ liệu minh họa)</span>
    </>
  );
}
