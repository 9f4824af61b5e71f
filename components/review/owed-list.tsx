import type { DistrictProgress } from "@/lib/data/review";
import { owedDetail } from "@/lib/domain/completeness";
import { formatNumber } from "@/lib/format/vi";

/** What each ward still owes, by programme and indicator (opened per ward). */
export function OwedList({ progress }: { progress: DistrictProgress }) {
  const { programmes, wards } = progress;
  const n = (v: number) => formatNumber(String(v));
  return (
    <section aria-labelledby="con-thieu" className="space-y-2">
      <h2 id="con-thieu" className="text-lg font-semibold">
        Còn thiếu số liệu
      </h2>
      <ul className="space-y-1">
        {wards.map((w) => {
          const owed = w.cells.reduce((s, c) => s + c.completeness.expected - c.completeness.entered, 0);
          return (
            <li key={w.slug} className="rounded bg-white p-2 shadow-sm" data-owed-ward={w.slug}>
              {owed === 0 ? (
                <span>
                  <span className="font-medium">{w.shortName}</span>: đã nhập đủ.
                </span>
              ) : (
                <details>
                  <summary className="cursor-pointer">
                    <span className="font-medium">{w.shortName}</span>: còn thiếu {n(owed)} ô số liệu
                  </summary>
                  {w.cells.map((c) =>
                    c.completeness.owed.length === 0 ? null : (
                      <div key={c.programmeSlug} className="mt-2 text-sm">
                        <p className="font-medium">
                          Chương trình {programmes.find((p) => p.slug === c.programmeSlug)?.code}
                        </p>
                        <ul className="list-disc pl-5">
                          {c.completeness.owed.map((o) => (
                            <li key={o.code}>
                              {o.name}
                              {owedDetail(o) && <span className="text-slate-600"> — {owedDetail(o)}</span>}
                            </li>
                          ))}
                        </ul>
                      </div>
                    ),
                  )}
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
