"use client";

import type { ValueType } from "@/lib/domain/enums";
import { useCharts } from "./lazy-charts";
import { rankedBarsHeight } from "./ranked-bars-size";

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

/**
 * Units side by side, in the order given (already sorted), with average and target lines. Until the
 * chart library is loaded, a box of the chart's height (marked pending, as a chart not yet drawn).
 */
export function RankedBars(props: RankedBarsProps) {
  const charts = useCharts();
  if (!charts) return <div style={{ height: rankedBarsHeight(props).height }} data-chart-pending="" />;
  return <charts.RankedBarsChart {...props} />;
}
