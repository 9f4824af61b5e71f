/** Marks demonstration data wherever it is shown: it is never a reported figure. */
export function DemoBadge({ className = "" }: { className?: string }) {
  return (
    <span
      className={`inline-flex items-center rounded border border-amber-400 bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-900 ${className}`}
      data-demo="true"
    >
      Dữ liệu minh họa
    </span>
  );
}
