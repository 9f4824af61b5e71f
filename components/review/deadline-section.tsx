import type { DistrictProgress } from "@/lib/data/review";
import { formatDate } from "@/lib/format/vi";
import { DeadlineForm } from "./deadline-form";

/** The year's deadline, and the form to set it for those who may. */
export function DeadlineSection({
  progress,
  canManageDeadline,
}: {
  progress: DistrictProgress;
  canManageDeadline: boolean;
}) {
  const { district, year, deadline } = progress;
  return (
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
  );
}
