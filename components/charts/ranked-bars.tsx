"use client";

import type { ValueType } from "@/lib/domain/enums";
import { useCharts } from "./lazy-charts";

export type RankedItem = {
  key: string;
  name: string;
  value: number;
  label: string;
  isDemo: boolean;
  source: string;
  highlight?: boolean;
};
export type Reference = { value: number; label: string; kind: "target" | "average" };

export type RankedBarsProps = {
  items: RankedItem[];
  references?: Reference[];
  /** Room for the category names on the left, and height per bar (long names wrap onto more lines). */
  labelWidth?: number;
  rowHeight?: number;
  /** false keeps the value axis on whole numbers (counts of years). */
  allowDecimals?: boolean;
  /** The values' type and unit: the axis then has exact ticks in one unit, named above it. */
  axis?: { valueType: ValueType; unit: string };
  /** Its width on paper (see ChartBox), about the printed column's. */
  paperWidth?: number;
};

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

/**
 * Units side by side, in the order given (already sorted), with average and target lines. Until the
 * chart library is loaded, a box of the chart's height (marked pending, as a chart not yet drawn).
 */
export function RankedBars(props: RankedBarsProps) {
  const charts = useCharts();
  if (!charts) return <div style={{ height: rankedBarsHeight(props).height }} data-chart-pending="" />;
  return <charts.RankedBarsChart {...props} />;
}
