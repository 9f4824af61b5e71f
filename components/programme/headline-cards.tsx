import type { DashboardIndicator } from "@/lib/data/programme-dashboard";
import { formatFigure } from "@/lib/format/vi";
import { formatSource } from "@/lib/format/vi";
import { DemoBadge } from "@/components/ui/demo-badge";
import { StatusBadge } from "@/components/ui/status-badge";
import { TargetText } from "./target-text";

/** The programme's headline indicators for the term, each with its status against its target. */
export function HeadlineCards({ indicators }: { indicators: DashboardIndicator[] }) {
  return (
    <ul className="headline-cards grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Chỉ tiêu chính của nhiệm kỳ">
      {indicators.map((i) => {
        const f = i.figure;
        return (
          <li
            key={i.code}
            data-card={i.code}
            className="flex flex-col gap-1 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
          >
            <span className="text-sm text-slate-700">{i.name}</span>
            <span className="text-2xl font-bold text-slate-900">
              {f.basis === "none" ? "—" : formatFigure(f.value, i.valueType, i.unit, f.qualifier)}
            </span>
            <span className="flex flex-wrap items-center gap-2 text-xs">
              <StatusBadge status={i.status} />
              <TargetText target={i.targets.term} kind={i.valueType} unit={i.unit} />
            </span>
            <span className="card-source text-xs text-slate-600">
              {i.isDemo ? <DemoBadge /> : i.summary.sources.map((s) => formatSource(s)).join("; ")}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
