import type { RankedItem } from "@/components/charts/ranked-bars";
import type { WardComparison, WardIndicatorRow } from "@/lib/data/compare";
import { TARGET_STATUS_LABEL } from "@/lib/domain/target-status";
import { basisLabel, formatRatio, LEVEL_NOUN, periodLabel, readable, withBound } from "@/lib/format/compare";
import { csvNumber } from "@/lib/format/csv";
import { formatFigure, formatSource } from "@/lib/format/vi";
import { distinctLabels } from "./labels";

// The ward comparison's words and figures, computed once and shared by its header, chart and table.

export type ComparisonBasics = {
  /** "phường", "xã" … */
  noun: string;
  /** the period in words */
  when: string;
  rows: WardIndicatorRow[];
  /** indicator code → its number in the table */
  numbered: Map<string, number>;
  avgHeading: string;
};

export function comparisonBasics(data: WardComparison): ComparisonBasics {
  const noun = LEVEL_NOUN[data.unit.level];
  const rows = data.sections.flatMap((s) => s.rows);
  return {
    noun,
    when: periodLabel(data.period, data.term),
    rows,
    numbered: new Map(rows.map((r, i) => [r.indicator.code, i + 1])),
    avgHeading: `Bình quân ${data.siblingCount} ${noun} khác`,
  };
}

export const yesNo = (r: WardIndicatorRow) => r.indicator.valueType === "BOOLEAN" && r.indicator.unit === "đạt";

export function averageText(r: WardIndicatorRow, noun: string): string | null {
  const { average, achieved } = r.siblings;
  if (achieved) return `${achieved.count}/${achieved.of} ${noun} đạt`;
  if (!average) return null;
  return formatFigure(
    readable(average.value, r.indicator.valueType),
    r.indicator.valueType,
    r.indicator.unit,
    average.qualifier,
  );
}

/** The rows that have a ratio to the average, highest first: the bars of the chart. */
export function rankedByRatio(rows: WardIndicatorRow[]): WardIndicatorRow[] {
  return rows
    .filter((r) => r.siblings.ratioPercent !== null)
    .sort((a, b) => Number(b.siblings.ratioPercent) - Number(a.siblings.ratioPercent));
}

export function ratioItems(withRatio: WardIndicatorRow[], numbered: Map<string, number>): RankedItem[] {
  // names of one section often start alike ("Kiểm tra, giám sát chuyên đề đối với …"): keep their ends
  const labels = distinctLabels(
    withRatio.map((r) => r.indicator.name),
    34,
  );
  return withRatio.map((r, i) => ({
    key: r.indicator.code,
    name: `${numbered.get(r.indicator.code)}. ${labels[i]}`,
    value: Number(r.siblings.ratioPercent),
    label: `${withBound(formatRatio(r.siblings.ratioPercent!), r.siblings.bound)} bình quân`,
    isDemo: r.siblings.ratioIsDemo,
    source: r.own.isDemo ? "Dữ liệu minh họa" : r.own.sources.map(formatSource).join("; "),
  }));
}

/** The chart's text summary: how many indicators compare, the highest and the lowest. */
export function ratioSummary(
  data: WardComparison,
  { noun, when, rows }: ComparisonBasics,
  withRatio: WardIndicatorRow[],
): string {
  const { unit } = data;
  const top = withRatio[0];
  const bottom = withRatio[withRatio.length - 1];
  return withRatio.length === 0
    ? `Chưa có chỉ tiêu nào có cả số liệu của ${unit.name} và của các ${noun} khác, ${when}.`
    : `${withRatio.length}/${rows.length} chỉ tiêu có cả số liệu của ${unit.shortName} và bình quân các ${noun} khác, ${when}. ` +
        `Cao nhất so với bình quân: ${top.indicator.name} (${formatRatio(top.siblings.ratioPercent!)}); thấp nhất: ${bottom.indicator.name} (${formatRatio(bottom.siblings.ratioPercent!)}). 100 % là bằng bình quân.`;
}

/** The table as CSV: every row, with the demo flag and the status in words. */
export function comparisonCsv(
  data: WardComparison,
  { noun, rows, numbered, avgHeading }: ComparisonBasics,
): { header: string[]; rows: (string | number | undefined)[][] } {
  const csvHeader = [
    "STT",
    "Chỉ tiêu",
    "Đơn vị",
    data.unit.name,
    "Cơ sở",
    avgHeading,
    `Số ${noun} khác có số liệu`,
    "Chênh lệch",
    "Tỷ lệ so với bình quân (%)",
    "Dữ liệu minh họa",
    "Đánh giá",
  ];
  const csvRows = rows.map((r) => [
    numbered.get(r.indicator.code),
    r.indicator.name,
    r.indicator.unit,
    r.own.value === null ? "" : `${r.own.qualifier === "MORE_THAN" ? ">" : ""}${csvNumber(r.own.value)}`,
    basisLabel(r.own, r.indicator.aggregation),
    r.siblings.average
      ? `${r.siblings.average.qualifier === "MORE_THAN" ? ">" : ""}${csvNumber(r.siblings.average.value)}`
      : "",
    r.siblings.average?.count ?? 0,
    r.siblings.difference === null ? "" : csvNumber(r.siblings.difference),
    r.siblings.ratioPercent === null ? "" : csvNumber(r.siblings.ratioPercent),
    r.own.isDemo || r.siblings.average?.hasDemo ? "có" : "không",
    TARGET_STATUS_LABEL[r.status],
  ]);
  return { header: csvHeader, rows: csvRows };
}
