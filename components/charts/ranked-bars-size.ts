// The size of a RankedBars chart, known before it is drawn (a plain module: server pages use it too).
import type { RankedBarsProps } from "./ranked-bars";

/** Height of a line of the chart's key (the reference lines' labels, above the plot). */
export const KEY_LINE = 15;

/** The chart's top margin (room for the key) and its height. */
export function rankedBarsHeight({
  items,
  references = [],
  rowHeight = 24,
}: Pick<RankedBarsProps, "items" | "references" | "rowHeight">): { top: number; height: number } {
  const labelled = references.filter((r) => r.label).length;
  const top = labelled === 0 ? 12 : 8 + labelled * KEY_LINE;
  return { top, height: Math.max(160, items.length * rowHeight + 28 + top) };
}
