/** Marks demonstration data wherever it is shown: it is never a reported figure. */
export function DemoBadge({ className = "" }: { className?: string }) {
  return (
    <span className={`demo-badge ${className}`} data-demo="true">
      Dữ liệu minh họa
    </span>
  );
}
