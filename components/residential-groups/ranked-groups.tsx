import type { ResidentialGroupsView } from "@/lib/data/residential-groups";
import { groupNumber, type RankedGroup } from "@/lib/domain/residential-groups";
import { roundDecimal } from "@/lib/domain/decimal";
import { fileSlug } from "@/lib/format/csv";
import { formatTarget } from "@/lib/format/target";
import { figureColumn, formatFigure } from "@/lib/format/vi";
import type { Reference } from "@/components/charts/ranked-bars";
import { cellWords, csvUnit, sourceText } from "./format";
import { RankedGroupsChart, type RankedGroupsData } from "./ranked-groups-chart";

/** Heading of the ranking: says which figure the groups are ranked by (the term count for yes/no). */
export function rankingTitle(view: ResidentialGroupsView): string {
  const { indicator, rankMode, term } = view;
  if (rankMode.kind === "term") {
    return `Xếp hạng các tổ theo số năm đạt trong ${term.name.toLowerCase()}: ${indicator.name}`;
  }
  return `Xếp hạng các tổ năm ${rankMode.year}: ${indicator.name}`;
}

function yearValue(view: ResidentialGroupsView, slug: string): string | undefined {
  return view.groups.find((g) => g.slug === slug)?.cells.find((c) => c.year === view.year)?.value;
}

/** The ranking's figures, all with the decimals of the most precise ("75,0 %" beside "74,2 %"). */
function figureLabels(view: ResidentialGroupsView): (r: Pick<RankedGroup, "value" | "qualifier">) => string {
  const { valueType, unit } = view.indicator;
  const column = figureColumn({ values: view.ranking.map((r) => r.value), valueType, unit });
  return (r) => column(r.value, r.qualifier);
}

/**
 * What the ranking chart, its table and its CSV are made from, each group once (a row of values, not
 * an object per group per use): see RankedGroupsChart.
 */
export function rankedGroupsData(view: ResidentialGroupsView, termQuery: string | null): RankedGroupsData {
  const { ward, indicator, ranking, average, target, rankMode, year, isYesNo } = view;
  const title = rankingTitle(view);
  const unitLabel = (v: string) => formatFigure(v, indicator.valueType, indicator.unit);
  const figureLabel = figureLabels(view);
  const references: Reference[] = [];
  if (average !== null)
    references.push({
      kind: "average",
      value: Number(average),
      label: `Bình quân ${unitLabel(roundDecimal(average, 1))}`,
    });
  if (target) {
    references.push({
      kind: "target",
      value: Number(target.value),
      label: `Chỉ tiêu ${formatTarget(target, indicator.valueType, isYesNo ? "năm" : indicator.unit)}${target.isDemo ? " (minh họa)" : ""}`,
    });
  }
  const best = ranking[0];
  const worst = ranking[ranking.length - 1];
  const summary =
    ranking.length === 0
      ? "Chưa có số liệu để xếp hạng."
      : `${ranking.length} tổ dân phố, xếp từ cao xuống thấp. Cao nhất: ${best.name} (${figureLabel(best)}); thấp nhất: ${worst.name} (${figureLabel(worst)})` +
        (average !== null ? `; bình quân các tổ ${unitLabel(roundDecimal(average, 1))}` : "") +
        (target
          ? `; chỉ tiêu ${formatTarget(target, indicator.valueType, isYesNo ? "năm" : indicator.unit)}`
          : "; chưa có chỉ tiêu") +
        ".";
  const term = rankMode.kind === "term";
  return {
    title,
    fileName: fileSlug(`xep-hang-${indicator.name}-${term ? view.term.slug : rankMode.year}`),
    summary,
    term,
    csvHeader: term
      ? ["Hạng", "Tổ dân phố", "Số năm đạt (năm)", "Các năm có số liệu", `Năm ${year} (${csvUnit(indicator)})`, "Nguồn"]
      : ["Hạng", "Tổ dân phố", "Năm", `Giá trị (${csvUnit(indicator)})`, "Nguồn"],
    valueHeader: term ? "Số năm đạt" : `Năm ${rankMode.year}`,
    year,
    groupHref: `/${ward.slug}/to-dan-pho/`,
    termQuery: termQuery ? `?term=${termQuery}` : "",
    rows: ranking.map((r) => {
      const y = yearValue(view, r.slug);
      return [
        r.rank,
        r.name,
        r.value,
        figureLabel(r),
        groupNumber(ward.slug, r.slug),
        term && y !== undefined ? [y, cellWords(y, indicator)] : null,
        term ? r.years.join(" ") : "",
        sourceText(r.sources),
        sourceText(r.sources.filter((s) => s.kind !== "DEMO")),
        r.isDemo ? 1 : 0,
        r.partlyDemo ? 1 : 0,
        r.slug,
      ];
    }),
    references,
    // the term ranking counts the years achieved: whole years
    axis: term ? { valueType: "COUNT", unit: "năm" } : { valueType: indicator.valueType, unit: indicator.unit },
  };
}

/** The groups ranked best first, with the average of the groups and the target as lines. */
export function RankedGroups({
  view,
  termQuery,
  headingLevel = 2,
  rowHeight = 24,
  light = false,
}: {
  view: ResidentialGroupsView;
  termQuery: string | null;
  headingLevel?: 2 | 3;
  /** Height per bar: the dashboard packs its 38 groups onto one printed page. */
  rowHeight?: number;
  /** On the programme dashboard: drawn when scrolled to, table behind a toggle (see ChartFrame). */
  light?: boolean;
}) {
  return (
    <RankedGroupsChart
      data={rankedGroupsData(view, termQuery)}
      headingLevel={headingLevel}
      rowHeight={rowHeight}
      light={light}
    />
  );
}
