import type { DistrictProgress } from "@/lib/data/review";
import { PROGRESS_LABEL, PROGRESS_ORDER, countProgress } from "@/lib/domain/submission-workflow";
import { formatNumber } from "@/lib/format/vi";

const ORDER = PROGRESS_ORDER;

/** Counts of each state over every ward and programme (not only the wards listed), and of the late ones. */
export function progressCounts(progress: DistrictProgress, now: Date) {
  return countProgress(progress.counts, progress.deadline?.dueOn ?? null, now);
}

/** One card per state, and the late ones. */
export function ProgressCounts({ progress, now }: { progress: DistrictProgress; now: Date }) {
  const counts = progressCounts(progress, now);
  const n = (v: number) => formatNumber(String(v));
  return (
    <section aria-labelledby="tong-hop" className="space-y-2">
      <h2 id="tong-hop" className="text-lg font-semibold">
        Tổng hợp ({n(progress.wardCount)} phường × {n(progress.programmes.length)} chương trình)
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
  );
}
