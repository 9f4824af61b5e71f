import type { AchievementInfo } from "@/lib/data/records";
import { ACHIEVEMENT_STATUS_LABEL } from "@/lib/format/labels";
import { formatSource } from "@/lib/format/vi";
import { DemoBadge } from "@/components/ui/demo-badge";

/** Named achievements on the term's years; those the source gives no year for come last. */
export function AchievementsTimeline({ achievements, years }: { achievements: AchievementInfo[]; years: number[] }) {
  const slots: Array<{ label: string; items: AchievementInfo[] }> = years.map((y) => ({
    label: String(y),
    items: achievements.filter((a) => a.year === y),
  }));
  const undated = achievements.filter((a) => a.year === null || !years.includes(a.year));
  if (undated.length) slots.push({ label: "Chưa rõ năm", items: undated });
  return (
    <ol className="grid gap-3 border-l-2 border-brand-600 pl-4 md:grid-flow-col md:auto-cols-fr md:border-l-0 md:border-t-2 md:pl-0 md:pt-3">
      {slots.map((s) => (
        <li key={s.label} className="relative">
          <span
            aria-hidden="true"
            className="absolute -left-[1.4rem] top-1 h-3 w-3 rounded-full bg-brand-600 md:-top-[1.2rem] md:left-0"
          />
          <h3 className="font-semibold">{s.label}</h3>
          {s.items.length === 0 ? (
            <p className="text-xs text-slate-500">—</p>
          ) : (
            <ul className="space-y-1">
              {s.items.map((a) => (
                <li key={`${a.kind}-${a.title}`} className="text-sm" title={formatSource(a.source)}>
                  {a.title}
                  {a.status !== "ACHIEVED" && (
                    <span className="text-xs text-slate-600"> ({ACHIEVEMENT_STATUS_LABEL[a.status]})</span>
                  )}
                  {a.isDemo && <DemoBadge className="ml-1" />}
                  <span className="block text-xs text-slate-600">Nguồn: {formatSource(a.source)}</span>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
