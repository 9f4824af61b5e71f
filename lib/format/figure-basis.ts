import type { Aggregation } from "@/lib/domain/enums";
import type { TermFigure } from "@/lib/domain/term-figure";

const RULE_WORDS: Record<Aggregation, string> = {
  SUM: "Tổng",
  AVERAGE: "Bình quân",
  LATEST: "Năm gần nhất",
  MAX: "Cao nhất",
  YEARS_ACHIEVED: "Số năm đạt",
};

function yearSpan(years: number[]): string {
  if (years.length === 1) return `năm ${years[0]}`;
  const consecutive = years.every((y, i) => i === 0 || y === years[i - 1] + 1);
  return consecutive ? `các năm ${years[0]}–${years[years.length - 1]}` : `các năm ${years.join(", ")}`;
}

/** How a term figure was obtained, in words: the report's own total, or computed from which years. */
export function describeBasis(figure: TermFigure, rule: Aggregation): string {
  switch (figure.basis) {
    case "reported":
      return "Số cả nhiệm kỳ theo nguồn";
    case "computed":
      if (rule === "LATEST") return `Năm gần nhất có số liệu (${figure.years[figure.years.length - 1]})`;
      return `${RULE_WORDS[rule]} ${yearSpan(figure.years)}`;
    case "none":
      return "Chưa có số liệu";
  }
}
