import { PROGRESS_LABEL, type ProgressState } from "@/lib/domain/submission-workflow";

// Colour is never the only signal: each state has its own symbol and words.
const STYLE: Record<ProgressState, { symbol: string; className: string }> = {
  NOT_STARTED: { symbol: "○", className: "border-slate-400 bg-white text-slate-700" },
  DRAFT: { symbol: "✎", className: "border-sky-700 bg-sky-50 text-sky-900" },
  SUBMITTED: { symbol: "➤", className: "border-amber-600 bg-amber-50 text-amber-950" },
  RETURNED: { symbol: "↩", className: "border-red-700 bg-red-50 text-red-900" },
  APPROVED: { symbol: "🔒", className: "border-emerald-700 bg-emerald-50 text-emerald-900" },
};

export function ProgressBadge({ state }: { state: ProgressState }) {
  const s = STYLE[state];
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-semibold ${s.className}`}
      data-state={state}
    >
      <span aria-hidden="true">{s.symbol}</span>
      {PROGRESS_LABEL[state]}
    </span>
  );
}

export function LateBadge() {
  return (
    <span
      className="inline-flex items-center gap-1 whitespace-nowrap rounded-full border border-red-800 bg-red-700 px-2 py-0.5 text-xs font-semibold text-white"
      data-late="true"
    >
      <span aria-hidden="true">!</span>
      Trễ hạn
    </span>
  );
}
