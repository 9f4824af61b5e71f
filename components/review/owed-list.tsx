import Link from "next/link";
import type { DistrictProgress } from "@/lib/data/review";
import { formatNumber } from "@/lib/format/vi";

/**
 * What each listed ward still owes, by programme (opened per ward), each linked to its entry page,
 * whose panel names the indicators: a page of wards that owe everything stays small (the indicators
 * of 25 wards × 3 programmes would be the bulk of the page).
 */
export function OwedList({ progress }: { progress: DistrictProgress }) {
  const { programmes, wards, year } = progress;
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
                  <ul className="mt-1 list-disc pl-5 text-sm">
                    {w.cells.map((c) =>
                      c.completeness.owed.length === 0 ? null : (
                        <li key={c.programmeSlug}>
                          <Link href={`/${w.slug}/nhap-lieu/${year}/${c.programmeSlug}`} className="underline">
                            Chương trình {programmes.find((p) => p.slug === c.programmeSlug)?.code}
                          </Link>
                          : còn thiếu {n(c.completeness.expected - c.completeness.entered)}/{n(c.completeness.expected)}{" "}
                          ô, {n(c.completeness.owed.length)} chỉ tiêu
                        </li>
                      ),
                    )}
                  </ul>
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
