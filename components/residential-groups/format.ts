import type { SourceRef } from "@/lib/domain/indicator-summary";
import type { IndicatorInfo } from "@/lib/data/programmes";
import { formatFigure, formatSource } from "@/lib/format/vi";

/** A group's value in one year as the heat map and tables print it: "92,5 %", "Đạt" / "—". */
export function cellLabel(value: string, indicator: Pick<IndicatorInfo, "valueType" | "unit">): string {
  if (indicator.valueType === "BOOLEAN") return Number(value) >= 1 ? "Đạt" : "—";
  return formatFigure(value, indicator.valueType, indicator.unit);
}

/** The same, in words for screen readers and CSV: "Đạt" / "Chưa đạt". */
export function cellWords(value: string, indicator: Pick<IndicatorInfo, "valueType" | "unit">): string {
  if (indicator.valueType === "BOOLEAN") return Number(value) >= 1 ? "Đạt" : "Chưa đạt";
  return formatFigure(value, indicator.valueType, indicator.unit);
}

/** "Báo cáo …, 05/11/2019" or "Dữ liệu minh họa", for tooltips and CSV. */
export function sourceText(sources: SourceRef[]): string {
  return sources.map((s) => (s.kind === "DEMO" ? "Dữ liệu minh họa" : formatSource(s))).join("; ");
}

/** Unit of an indicator's values for a CSV header: "%", "1 = đạt, 0 = chưa đạt". */
export function csvUnit(indicator: Pick<IndicatorInfo, "valueType" | "unit">): string {
  return indicator.valueType === "BOOLEAN" ? "1 = đạt, 0 = chưa đạt" : indicator.unit;
}

/** The query string of the list page, keeping `term` only when the URL named one. */
export function listHref(
  ward: string,
  params: { indicator?: string; year?: number | null; term?: string | null },
): string {
  const q = new URLSearchParams();
  if (params.indicator) q.set("indicator", params.indicator);
  if (params.year) q.set("year", String(params.year));
  if (params.term) q.set("term", params.term);
  const s = q.toString();
  return `/${ward}/to-dan-pho${s ? `?${s}` : ""}`;
}
