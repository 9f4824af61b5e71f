import { DemoBadge } from "@/components/ui/demo-badge";
import type { WardComparison } from "@/lib/data/compare";
import { basisLabel } from "@/lib/format/compare";
import { formatFigure } from "@/lib/format/vi";

/** The unit's term figure of each indicator in every term whose programme holds the same indicator. */
export function TermOverTerm({ data }: { data: WardComparison }) {
  const { unit, programme, term } = data;
  const rows = data.sections.flatMap((s) => s.rows).filter((r) => r.acrossTerms.length > 1);
  const terms = [...new Map(rows.flatMap((r) => r.acrossTerms.map((t) => [t.term.slug, t.term]))).values()].sort(
    (a, b) => a.startYear - b.startYear,
  );
  return (
    <section
      aria-labelledby="qua-cac-nhiem-ky"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 sm:p-4"
    >
      <h2 id="qua-cac-nhiem-ky" className="font-semibold text-slate-900">
        {unit.shortName} qua các nhiệm kỳ
      </h2>
      {rows.length === 0 ? (
        <p role="note" className="rounded border border-sky-300 bg-sky-50 p-3 text-sm text-sky-950" data-single-term>
          Chỉ có một nhiệm kỳ có chỉ tiêu này ({term.name}): không chỉ tiêu nào của Chương trình {programme.code} có ở
          một nhiệm kỳ khác, nên chưa so sánh được {unit.name} giữa các nhiệm kỳ. Khi chương trình cùng mã của nhiệm kỳ
          sau có chỉ tiêu cùng mã, số cả nhiệm kỳ của từng nhiệm kỳ sẽ hiện ở đây.
        </p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full min-w-[32rem] border-collapse text-sm">
            <caption className="sr-only">Số cả nhiệm kỳ của {unit.name} theo từng nhiệm kỳ</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left text-slate-700">
                <th scope="col" className="py-2 pr-2 font-medium">
                  Chỉ tiêu
                </th>
                {terms.map((t) => (
                  <th key={t.slug} scope="col" className="py-2 pr-3 text-right font-medium">
                    {t.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.indicator.code} className="border-b border-slate-200 align-top">
                  <th scope="row" className="py-2 pr-2 text-left font-normal">
                    {r.indicator.name}
                  </th>
                  {terms.map((t) => {
                    const f = r.acrossTerms.find((x) => x.term.slug === t.slug)?.figure;
                    return (
                      <td key={t.slug} className="py-2 pr-3 text-right">
                        {!f ? (
                          <span className="text-slate-600">Không có chỉ tiêu</span>
                        ) : f.value === null ? (
                          <span className="text-slate-600">Chưa có số liệu</span>
                        ) : (
                          <>
                            <span className="font-semibold whitespace-nowrap">
                              {formatFigure(f.value, r.indicator.valueType, r.indicator.unit, f.qualifier)}
                            </span>
                            <span className="block text-xs text-slate-600">
                              {basisLabel(f, r.indicator.aggregation)}
                            </span>
                            {f.isDemo && <DemoBadge />}
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
