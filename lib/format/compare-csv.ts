import type { IndicatorComparison } from "@/lib/data/compare";
import type { ComparisonRow } from "@/lib/domain/compare";
import { TARGET_STATUS_LABEL } from "@/lib/domain/target-status";
import { basisLabel, formatShown, LEVEL_NOUN } from "./compare";
import { csvNumber, fileSlug, type CsvCell } from "./csv";
import { formatSource } from "./vi";

/** Where a row's figure comes from, in words. */
export function comparisonSourceText(row: ComparisonRow): string {
  return row.figure.isDemo ? "Dữ liệu minh họa" : row.figure.sources.map(formatSource).join("; ");
}

/** The CSV of a comparison's ranking (every row of its table), and its file name. */
export function comparisonCsv(data: IndicatorComparison): { fileName: string; header: string[]; rows: CsvCell[][] } {
  const { indicator, normalisation: norm, parent, period } = data;
  const per = norm.state === "on" ? norm.per : null;
  const noun = LEVEL_NOUN[data.childLevel];
  const header = [
    "Hạng",
    noun.charAt(0).toUpperCase() + noun.slice(1),
    "Giá trị",
    "Đơn vị",
    "Hiển thị",
    "Cơ sở",
    "Nguồn",
    "Dữ liệu minh họa",
    "Đánh giá",
  ];
  const rows = data.table.rows.map((r) => [
    r.rank,
    r.unit.name,
    r.shown ? `${r.shown.qualifier === "MORE_THAN" ? ">" : ""}${csvNumber(r.shown.value)}` : "",
    per ? `${indicator.unit}/1.000 ${per === "capita" ? "dân" : "hộ"}` : indicator.unit,
    r.shown ? formatShown(r.shown.value, r.shown.qualifier, indicator, per).replace(/\u00a0/g, " ") : "Chưa có số liệu",
    basisLabel(r.figure, indicator.aggregation),
    r.figure.value === null ? "" : comparisonSourceText(r),
    r.figure.isDemo ? "có" : "không",
    TARGET_STATUS_LABEL[r.status],
  ]);
  const fileName = fileSlug(
    `so-sanh-${parent.slug}-${indicator.code}-${period.kind === "TERM" ? "nhiem-ky" : period.year}${per ? `-${data.per}` : ""}`,
  );
  return { fileName, header, rows };
}
