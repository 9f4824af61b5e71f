import type { ReactNode } from "react";
import Link from "next/link";
import type { DistrictProgress } from "@/lib/data/review";
import { owedDetail } from "@/lib/domain/completeness";
import { PROGRESS_LABEL, type ProgressState, isLate } from "@/lib/domain/submission-workflow";
import { formatDate, formatNumber } from "@/lib/format/vi";
import { DeadlineForm } from "./deadline-form";
import { LateBadge, ProgressBadge } from "./progress-badge";

const ORDER: ProgressState[] = ["APPROVED", "SUBMITTED", "RETURNED", "DRAFT", "NOT_STARTED"];

/** Counts of each state over every ward and programme, and of the late ones. */
export function progressCounts(
  progress: DistrictProgress,
  now: Date,
): { byState: Record<ProgressState, number>; late: number; total: number } {
  const byState = Object.fromEntries(ORDER.map((s) => [s, 0])) as Record<ProgressState, number>;
  let late = 0;
  let total = 0;
  for (const w of progress.wards) {
    for (const c of w.cells) {
      byState[c.state]++;
      total++;
      if (isLate(c.state, progress.deadline?.dueOn ?? null, now)) late++;
    }
  }
  return { byState, late, total };
}

export function DistrictProgressView({
  progress,
  canManageDeadline,
  now,
  children,
}: {
  progress: DistrictProgress;
  canManageDeadline: boolean;
  now: Date;
  /** further district settings, shown after the deadline */
  children?: ReactNode;
}) {
  const { district, year, deadline, programmes, wards, term } = progress;
  const counts = progressCounts(progress, now);
  const years = Array.from({ length: term.endYear - term.startYear + 1 }, (_, i) => term.startYear + i);
  const n = (v: number) => formatNumber(String(v));
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-slate-600">
          {district.name} · {term.name}
        </p>
        <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">Tiến độ nhập liệu năm {year}</h1>
        <form method="get" className="no-print flex flex-wrap items-end gap-2 text-sm">
          <input type="hidden" name="district" value={district.slug} />
          <label className="font-medium">
            Năm{" "}
            <select name="year" defaultValue={year} className="rounded border border-slate-400 bg-white px-2 py-1">
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded border border-slate-400 bg-white px-3 py-1 hover:bg-slate-100">
            Xem
          </button>
        </form>
      </header>

      <section aria-labelledby="han-nop" className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="han-nop" className="text-lg font-semibold">
          Hạn nộp
        </h2>
        <p data-testid="deadline">
          {deadline ? (
            <>
              Số liệu năm {year} phải gửi duyệt trước hết ngày <strong>{formatDate(deadline.dueOn)}</strong>
              {deadline.setByName && <span className="text-slate-600"> (đặt bởi {deadline.setByName})</span>}.
            </>
          ) : (
            `Chưa đặt hạn nộp số liệu năm ${year}.`
          )}
        </p>
        {canManageDeadline && (
          <DeadlineForm
            key={`${district.slug}-${year}`}
            district={district.slug}
            year={year}
            dueOn={deadline?.dueOn ?? null}
            version={deadline?.version ?? 0}
          />
        )}
      </section>
      {children}

      <section aria-labelledby="tong-hop" className="space-y-2">
        <h2 id="tong-hop" className="text-lg font-semibold">
          Tổng hợp ({n(wards.length)} phường × {n(programmes.length)} chương trình)
        </h2>
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6" data-testid="progress-counts">
          {ORDER.map((s) => (
            <li key={s} className="rounded-lg bg-white p-3 shadow-sm" data-state={s}>
              <span className="block text-2xl font-bold tabular-nums">{n(counts.byState[s])}</span>
              <span className="text-sm">{PROGRESS_LABEL[s]}</span>
            </li>
          ))}
          {/* red only when something is late: a red 0 reads as an alarm */}
          <li
            className={`rounded-lg p-3 shadow-sm ${counts.late > 0 ? "border border-red-700 bg-red-50 text-red-900" : "bg-white"}`}
            data-state="late"
          >
            <span className="block text-2xl font-bold tabular-nums">{n(counts.late)}</span>
            <span className="text-sm">Trễ hạn</span>
          </li>
        </ul>
      </section>

      <section aria-labelledby="theo-phuong" className="space-y-2">
        <h2 id="theo-phuong" className="text-lg font-semibold">
          Theo phường
        </h2>
        <div className="relative overflow-x-auto rounded-lg bg-white shadow-sm">
          <table className="w-full min-w-[40rem] text-left text-sm">
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
                  {/* on a phone the ward's name stays in view while the programmes scroll */}
                  <th scope="row" className="sticky left-0 z-10 bg-white p-2 font-medium" data-sticky-name>
                    <Link href={`/${w.slug}/nhap-lieu`} className="underline">
                      {w.shortName}
                    </Link>
                  </th>
                  {w.cells.map((c, i) => (
                    <td key={c.programmeSlug} className="space-y-1 p-2" data-programme={c.programmeSlug}>
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
                          số liệu đã nhập, {w.shortName}, chương trình {programmes[i].code}
                        </span>
                      </Link>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

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
                    {w.cells.map((c, i) =>
                      c.completeness.owed.length === 0 ? null : (
                        <div key={c.programmeSlug} className="mt-2 text-sm">
                          <p className="font-medium">Chương trình {programmes[i].code}</p>
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
    </article>
  );
}
