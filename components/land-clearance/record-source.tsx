import type { SourceInfo } from "@/lib/data/values";
import { formatSource } from "@/lib/format/vi";
import { DemoBadge } from "@/components/ui/demo-badge";

const KIND = {
  REPORT: { label: "Báo cáo", className: "border-slate-500 bg-slate-50 text-slate-800" },
  ENTRY: { label: "Phường nhập", className: "border-sky-700 bg-sky-50 text-sky-900" },
} as const;

/** Where a record comes from: a badge (report / entered by the ward / demo) and the source's title. */
export function RecordSource({ source }: { source: SourceInfo }) {
  if (source.kind === "DEMO") return <DemoBadge />;
  const k = KIND[source.kind];
  return (
    <span className="flex flex-wrap items-center gap-1 text-xs text-slate-700" data-source-kind={source.kind}>
      <span className={`rounded border px-1.5 py-0.5 font-medium ${k.className}`}>{k.label}</span>
      <span>
        <span className="sr-only">Nguồn: </span>
        {formatSource(source)}
      </span>
    </span>
  );
}
