import type { SourceRef } from "@/lib/domain/indicator-summary";

/**
 * The document most of a page's figures come from, to be named once above them instead of on every row
 * (the overview repeated "Báo cáo của Đảng ủy phường Ngọc Thụy, 05/11/2019" forty times). Only a
 * document that two or more figures stand on alone counts; demo data is never one (it keeps its badge).
 */
export function commonSource(figures: Array<{ sources: SourceRef[] }>): SourceRef | null {
  const uses = new Map<string, { source: SourceRef; count: number }>();
  for (const { sources } of figures) {
    if (sources.length !== 1 || sources[0].kind === "DEMO") continue;
    const entry = uses.get(sources[0].key) ?? { source: sources[0], count: 0 };
    entry.count++;
    uses.set(sources[0].key, entry);
  }
  const best = [...uses.values()].sort((a, b) => b.count - a.count)[0];
  return best && best.count >= 2 ? best.source : null;
}

/** The sources a row names itself: all of them, unless it stands on the page's common source alone. */
export function ownSources(sources: SourceRef[], common: SourceRef | null): SourceRef[] {
  return common && sources.length === 1 && sources[0].key === common.key ? [] : sources;
}
