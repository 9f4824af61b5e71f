import Link from "next/link";
import type { DistrictProgress } from "@/lib/data/review";
import { isLate } from "@/lib/domain/submission-workflow";
import { formatNumber } from "@/lib/format/vi";
import { LateBadge, ProgressBadge } from "./progress-badge";

/** Wards × programmes: each cell's state, late badge and figures entered / expected. */
export function ProgressTable({ progress, now }: { progress: DistrictProgress; now: Date }) {
  const { year, deadline, programmes, wards } = progress;
  const n = (v: number) => formatNumber(String(v));
  return (
    <section aria-labelledby="theo-phuong" className="space-y-2">
      <h2 id="theo-phuong" className="text-lg font-semibold">
        Theo phường
      </h2>
      <div className="relative overflow-x-auto rounded-lg bg-white shadow-sm">
        {/* on a phone each ward is a card (app/globals.css, .phone-cards): every programme in view */}
        <table className="phone-cards w-full min-w-[40rem] text-left text-sm">
          <caption className="sr-only">Trạng thái số liệu năm {year} của từng phường, theo chương trình</caption>
          <thead>
            <tr className="border-b bg-slate-100">
              <th scope="col" className="sticky left-0 z-10 bg-slate-100 p-2">
                Phường
              </th>
              {programmes.map((p) => (
                <th key={p.slug} scope="col" className="p-2">
                  {p.code}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {wards.map((w) => (
              <tr key={w.slug} className="border-b align-top" data-ward={w.slug}>
                {/* between the phone's cards and a wide screen the name stays in view while the programmes scroll */}
                <th scope="row" className="sticky left-0 z-10 bg-white p-2 font-medium" data-sticky-name>
                  <Link href={`/${w.slug}/nhap-lieu`} className="underline">
                    {w.shortName}
                  </Link>
                </th>
                {programmes.map((p) => {
                  const c = w.cells.find((cell) => cell.programmeSlug === p.slug);
                  // a programme applied to other wards only: nothing to enter here
                  if (!c)
                    return (
                      <td key={p.slug} className="p-2 text-slate-600" data-programme={p.slug} data-label={p.code}>
                        Không áp dụng
                      </td>
                    );
                  return (
                    <td
                      key={c.programmeSlug}
                      className="space-y-1 p-2"
                      data-programme={c.programmeSlug}
                      data-label={p.code}
                    >
                      <div className="flex flex-wrap gap-1">
                        <ProgressBadge state={c.state} />
                        {isLate(c.state, deadline?.dueOn ?? null, now) && <LateBadge />}
                      </div>
                      <Link
                        href={`/${w.slug}/nhap-lieu/${year}/${c.programmeSlug}`}
                        className="text-slate-700 underline"
                      >
                        {n(c.completeness.entered)}/{n(c.completeness.expected)}
                        <span className="sr-only">
                          {" "}
                          số liệu đã nhập, {w.shortName}, chương trình {p.code}
                        </span>
                      </Link>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
