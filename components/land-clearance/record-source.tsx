import type { RecordReview } from "@/lib/data/records";
import type { SourceInfo } from "@/lib/data/values";
import { formatDateTime } from "@/lib/format/date-time";
import { formatSource } from "@/lib/format/vi";
import { DemoBadge } from "@/components/ui/demo-badge";

const KIND = {
  REPORT: { label: "Báo cáo", className: "border-slate-500 bg-slate-50 text-slate-800" },
  ENTRY: { label: "Phường nhập", className: "border-sky-700 bg-sky-50 text-sky-900" },
} as const;

export const DRAFT_LABEL = "Bản nháp – chưa duyệt";

/** The badge of a record entered by the ward that the committee has not approved yet. */
export function DraftBadge() {
  return (
    <span
      className="rounded border border-amber-600 bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-950"
      data-review="draft"
    >
      {DRAFT_LABEL}
    </span>
  );
}

/**
 * Where a record comes from: a badge (report / entered by the ward / demo) and the source's title.
 * An entered record says what is true of it: a draft is "not approved"; an approved one names who
 * approved it and when.
 */
export function RecordSource({ source, review }: { source: SourceInfo; review: RecordReview }) {
  if (source.kind === "DEMO") return <DemoBadge />;
  const k = KIND[source.kind];
  return (
    <span
      className="flex flex-wrap items-center gap-1 text-xs text-slate-700"
      data-source-kind={source.kind}
      data-review={review.state}
    >
      <span className={`rounded border px-1.5 py-0.5 font-medium ${k.className}`}>{k.label}</span>
      {review.state === "draft" ? (
        <>
          <DraftBadge />
          <span>Phường nhập, Đảng ủy phường chưa duyệt</span>
        </>
      ) : (
        <span>
          <span className="sr-only">Nguồn: </span>
          {formatSource(source)}
          {review.state === "approved" && ` (${review.by}, ${formatDateTime(review.at)})`}
        </span>
      )}
    </span>
  );
}
