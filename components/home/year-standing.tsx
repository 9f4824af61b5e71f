import Link from "next/link";
import { LateBadge, ProgressBadge } from "@/components/review/progress-badge";
import type { YearStanding } from "@/lib/data/review";
import { PROGRESS_LABEL, PROGRESS_ORDER, countProgress, isLate } from "@/lib/domain/submission-workflow";
import { formatDate, formatNumber } from "@/lib/format/vi";

const n = (v: number) => formatNumber(String(v));

/**
 * Where the person's units stand for the current year, after their inbox: each own ward programme by
 * programme (state, late, what is owed), each district its wards counted by state, as /tien-do counts.
 */
export function YearStandingSection({ standing, now }: { standing: YearStanding; now: Date }) {
  const { year, wards, districts, moreDistricts } = standing;
  if (wards.length === 0 && districts.length === 0) return null;
  return (
    <section
      aria-labelledby="tinh-hinh-nam"
      className="no-print space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
      data-testid="year-standing"
    >
      <h2 id="tinh-hinh-nam" className="text-xl font-semibold">
        Tình hình số liệu năm {year}
      </h2>
      {wards.map((w) => (
        <div key={w.slug} className="space-y-1" data-testid={`standing-${w.slug}`}>
          <h3 className="font-semibold">
            {w.name}{" "}
            <span className="text-sm font-normal text-slate-600">
              · {w.dueOn ? `hạn nộp ${formatDate(w.dueOn)}` : "chưa đặt hạn nộp"}
            </span>
          </h3>
          <ul className="divide-y divide-slate-100">
            {w.cells.map((c) => (
              <li key={c.programmeSlug} className="flex flex-wrap items-center gap-2 py-1.5 text-sm">
                <Link
                  href={`/${w.slug}/nhap-lieu/${year}/${c.programmeSlug}`}
                  className="min-w-40 font-medium text-brand-800 underline underline-offset-2"
                >
                  Chương trình {c.programmeCode}
                </Link>
                <ProgressBadge state={c.state} />
                {isLate(c.state, w.dueOn, now) && <LateBadge />}
                <span className="text-slate-700">
                  {c.completeness.owed.length === 0
                    ? "đủ số liệu"
                    : `còn thiếu ${n(c.completeness.expected - c.completeness.entered)}/${n(c.completeness.expected)} ô`}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {districts.map((d) => {
        const counts = countProgress(d.cells, d.dueOn, now);
        return (
          <div key={d.slug} className="space-y-1" data-testid={`standing-${d.slug}`}>
            <h3 className="font-semibold">
              {d.name}{" "}
              <span className="text-sm font-normal text-slate-600">
                · {n(d.wards)} phường × {n(d.programmes)} chương trình ·{" "}
                {d.dueOn ? `hạn nộp ${formatDate(d.dueOn)}` : "chưa đặt hạn nộp"}
              </span>
            </h3>
            <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {PROGRESS_ORDER.map((s) => (
                <li key={s} data-state={s}>
                  {PROGRESS_LABEL[s]}: <strong className="tabular-nums">{n(counts.byState[s])}</strong>
                </li>
              ))}
              <li data-state="late" className={counts.late > 0 ? "font-medium text-red-800" : ""}>
                Trễ hạn: <strong className="tabular-nums">{n(counts.late)}</strong>
              </li>
            </ul>
            <Link
              href={`/tien-do?district=${d.slug}&year=${year}`}
              className="inline-block text-sm text-brand-800 underline underline-offset-2"
            >
              Tiến độ từng phường của {d.name} năm {year}
            </Link>
          </div>
        );
      })}
      {moreDistricts > 0 && (
        <p className="text-sm text-slate-700">
          Và {n(moreDistricts)} quận, huyện khác: xem trang tiến độ của từng quận, huyện.
        </p>
      )}
    </section>
  );
}
