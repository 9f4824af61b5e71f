"use client";

import type { ValueType } from "@/lib/domain/enums";
import type { PaperSize } from "./chart-box";
import { useCharts } from "./lazy-charts";

export type YearlyPoint = { year: number; value: number; label: string; isDemo: boolean; source: string };

export type YearlyChartProps = {
  points: YearlyPoint[];
  kind: "bar" | "line";
  unit: string;
  /** Sets the axis: whole ticks for counts, one money unit ("triệu đồng"), Đạt for yes/no. */
  valueType: ValueType;
  target?: { value: number; label: string } | null;
  /** Its size on paper (see ChartBox): a column of A4 portrait unless the page says otherwise. */
  paper?: PaperSize;
};

/**
 * One indicator over the years of a term: bars for counts and money, a line for rates. Until the
 * chart library is loaded, the chart's box (marked pending, as a chart not yet drawn).
 */
export function YearlyChart(props: YearlyChartProps) {
  const charts = useCharts();
  if (!charts) return <div className="yearly-chart h-[180px]" data-chart-pending="" />;
  return <charts.YearlyChartImpl {...props} />;
}
