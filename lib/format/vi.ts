// Vietnamese presentation of figures: "." groups thousands, "," marks decimals (1.691; 90,5),
// money as "305.000.000 đ", dates as dd/mm/yyyy. Values arrive as exact decimal strings.

import { roundDecimal } from "@/lib/domain/decimal";
import { viDigits } from "@/lib/domain/vi-digits";
import type { Qualifier, ValueType } from "@/lib/domain/enums";

const NBSP = "\u00a0";
/** "1691" → "1.691"; "90.5" → "90,5"; exact for any length, at most 4 decimals (the stored scale). */
export function formatNumber(value: string): string {
  return viDigits(value, 4);
}

export function formatMoney(value: string): string {
  return `${formatNumber(value)}${NBSP}đ`;
}

/** A figure with its unit, as a Vietnamese reader expects it. "trên" is kept where the source says so. */
export function formatFigure(value: string, kind: ValueType, unit: string, qualifier: Qualifier = "EXACT"): string {
  const prefix = qualifier === "MORE_THAN" ? "trên " : "";
  switch (kind) {
    case "MONEY":
      return prefix + formatMoney(value);
    case "PERCENT":
      // rates read to one decimal ("91,2 %"); averages are kept exact in the data and in CSV files
      return `${prefix}${formatNumber(roundDecimal(value, 1))}${NBSP}%`;
    case "BOOLEAN":
      if (unit === "đạt") return Number(value) >= 1 ? "Đạt" : "Chưa đạt";
      return `${prefix}${formatNumber(value)}${NBSP}${unit}`;
    default:
      return `${prefix}${formatNumber(value)}${NBSP}${unit}`;
  }
}

/**
 * One year's figure: a yes/no indicator's year is "Đạt" or "Chưa đạt" whatever its unit (a "năm" unit
 * counts the years achieved over the term, "1 năm" for one year's answer would misread).
 */
export function formatYearFigure(value: string, kind: ValueType, unit: string, qualifier: Qualifier = "EXACT"): string {
  if (kind === "BOOLEAN") return Number(value) >= 1 ? "Đạt" : "Chưa đạt";
  return formatFigure(value, kind, unit, qualifier);
}

/**
 * An indicator's name with its unit in brackets, as pickers and row headings show it: "Số vụ vi phạm
 * (trường hợp)". A yes/no question has no unit to show: "(đạt)" or "(năm)" beside "Đạt mô hình …" reads as
 * part of the question (the term figure of "năm" indicators names its unit itself: "3 năm").
 */
export function nameWithUnit(indicator: { name: string; valueType: ValueType; unit: string }): string {
  const unit = shownUnit(indicator);
  return unit === null ? indicator.name : `${indicator.name} (${unit})`;
}

/** The unit shown beside an indicator's name (see nameWithUnit), or null where none is shown. */
export function shownUnit(indicator: { valueType: ValueType; unit: string }): string | null {
  return indicator.valueType === "BOOLEAN" || !indicator.unit ? null : indicator.unit;
}

/**
 * The formatter of one column of figures of one indicator: every figure shows as many decimals as the
 * most precise of them, so that "96 %" never stands beside "96,8 %" (the column reads "96,0 %").
 * Rounding is formatFigure's (rates to one decimal); only trailing zeros are added.
 */
export function figureColumn(column: {
  values: Array<string | null>;
  valueType: ValueType;
  unit: string;
}): (value: string, qualifier?: Qualifier) => string {
  const { valueType, unit } = column;
  const format = (value: string, qualifier?: Qualifier) => formatFigure(value, valueType, unit, qualifier);
  const decimals = Math.max(
    0,
    ...column.values.filter((v): v is string => v !== null).map((v) => /,(\d+)/.exec(format(v))?.[1].length ?? 0),
  );
  if (decimals === 0) return format;
  // the first number of the text ("trên 96 %" → "96"), padded with zeros to the column's decimals
  return (value, qualifier) =>
    format(value, qualifier).replace(/\d[\d.]*(?:,(\d+))?/, (n, frac: string | undefined) =>
      frac === undefined ? `${n},${"0".repeat(decimals)}` : n + "0".repeat(decimals - frac.length),
    );
}

/** 2019-11-05 (a Date or ISO date) → "05/11/2019", read in UTC so a date never shifts by a day. */
export function formatDate(d: Date | string): string {
  const date = typeof d === "string" ? new Date(d.length === 10 ? `${d}T00:00:00Z` : d) : d;
  const dd = String(date.getUTCDate()).padStart(2, "0");
  const mm = String(date.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}/${mm}/${date.getUTCFullYear()}`;
}

/** "Báo cáo của Đảng ủy phường Ngọc Thụy, 05/11/2019" */
export function formatSource(source: { title: string; issuedOn: string | null }): string {
  return source.issuedOn ? `${source.title}, ${formatDate(source.issuedOn)}` : source.title;
}

/** Reference labels: 12.000.000 → "12 triệu", 10.934.000.000 → "10,9 tỷ", 90.5 → "90,5". */
export function formatCompact(v: number): string {
  const abs = Math.abs(v);
  if (abs >= 1e9) return `${formatNumber(String(Math.round(v / 1e8) / 10))} tỷ`;
  if (abs >= 1e6) return `${formatNumber(String(Math.round(v / 1e5) / 10))} triệu`;
  return formatNumber(String(Math.round(v * 10) / 10));
}
