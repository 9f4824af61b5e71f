import { markup, type Html } from "@/lib/format/html";
import { formatSource } from "@/lib/format/vi";
import { DemoBadge, demoBadgeHtml } from "./demo-badge";

type Source = { key: string; title: string; issuedOn: string | null; kind: string };

/** "Nguồn: …" for the sources a figure stands on; demo data gets its badge instead of a document. */
export function SourceLabel({ sources }: { sources: Source[] }) {
  if (sources.length === 0) return <span className="text-slate-500">Chưa có số liệu</span>;
  return (
    <span className="flex flex-wrap items-center gap-1">
      {sources.map((s) =>
        s.kind === "DEMO" ? (
          <DemoBadge key={s.key} />
        ) : (
          <span key={s.key}>
            <span className="sr-only">Nguồn: </span>
            {formatSource(s)}
          </span>
        ),
      )}
    </span>
  );
}

/** The same label as markup, for rows written as HTML (`lib/format/html.ts`). */
export function sourceLabelHtml(sources: Source[]): Html {
  if (sources.length === 0) return markup`<span class="text-slate-500">Chưa có số liệu</span>`;
  const each = sources.map((s) =>
    s.kind === "DEMO" ? demoBadgeHtml() : markup`<span><span class="sr-only">Nguồn: </span>${formatSource(s)}</span>`,
  );
  return markup`<span class="flex flex-wrap items-center gap-1">${each}</span>`;
}
