import { markup, type Html } from "@/lib/format/html";

const LABEL = "Dữ liệu minh họa";

/** Marks demonstration data wherever it is shown: it is never a reported figure. */
export function DemoBadge({ className = "" }: { className?: string }) {
  return (
    <span className={`demo-badge ${className}`} data-demo="true">
      {LABEL}
    </span>
  );
}

/** The same badge as markup, for rows written as HTML (`lib/format/html.ts`). */
export const demoBadgeHtml = (): Html => markup`<span class="demo-badge" data-demo="true">${LABEL}</span>`;
