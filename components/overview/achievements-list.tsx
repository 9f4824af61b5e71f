import type { AchievementInfo } from "@/lib/data/records";
import { ACHIEVEMENT_STATUS_LABEL } from "@/lib/format/labels";
import { SourceLabel } from "@/components/ui/source-label";

/** Named achievements in year order; those without a year come last. */
export function AchievementsList({ achievements }: { achievements: AchievementInfo[] }) {
  return (
    <ol className="space-y-2">
      {achievements.map((a) => (
        <li
          key={`${a.kind}-${a.title}-${a.year}`}
          className="flex flex-wrap items-baseline gap-x-3 gap-y-1 border-l-4 border-brand-600 bg-white py-1 pl-3"
        >
          <span className="w-14 font-semibold tabular-nums">{a.year ?? "—"}</span>
          <span className="flex-1">
            {a.title}
            {a.status !== "ACHIEVED" && (
              <span className="ml-2 text-xs text-slate-600">({ACHIEVEMENT_STATUS_LABEL[a.status]})</span>
            )}
            {a.note && <span className="block text-xs text-slate-600">{a.note}</span>}
          </span>
          <span className="text-xs text-slate-700">
            <SourceLabel sources={[a.source]} />
          </span>
        </li>
      ))}
    </ol>
  );
}
