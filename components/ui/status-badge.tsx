import { TARGET_STATUS_LABEL, type TargetStatus } from "@/lib/domain/target-status";

// Colour is never the only signal: each status has its own symbol and word.
const STYLE: Record<TargetStatus, { symbol: string; className: string }> = {
  exceeded: { symbol: "▲", className: "border-emerald-700 bg-emerald-50 text-emerald-900" },
  met: { symbol: "✓", className: "border-emerald-700 bg-emerald-50 text-emerald-900" },
  "not-met": { symbol: "✗", className: "border-red-700 bg-red-50 text-red-900" },
  undecided: { symbol: "?", className: "border-amber-600 bg-amber-50 text-amber-950" },
  "no-target": { symbol: "–", className: "border-slate-400 bg-slate-50 text-slate-700" },
  "no-figure": { symbol: "…", className: "border-slate-400 bg-slate-50 text-slate-700" },
};

export function StatusBadge({ status }: { status: TargetStatus }) {
  const s = STYLE[status];
  return (
    <span className={`status-badge ${s.className}`} data-status={status}>
      <span aria-hidden="true">{s.symbol}</span>
      {TARGET_STATUS_LABEL[status]}
    </span>
  );
}
