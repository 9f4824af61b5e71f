import Link from "next/link";
import type { ResidentialGroupsView } from "@/lib/data/residential-groups";
import { groupNumber, type RankedGroup } from "@/lib/domain/residential-groups";
import { roundDecimal } from "@/lib/domain/decimal";
import { csvNumber, fileSlug } from "@/lib/format/csv";
import { formatTarget } from "@/lib/format/target";
import { figureColumn, formatFigure } from "@/lib/format/vi";
import { ChartFrame } from "@/components/charts/chart-frame";
import { RankedBars, type RankedItem, type Reference } from "@/components/charts/ranked-bars";
import { DemoBadge } from "@/components/ui/demo-badge";
import { cellWords, csvUnit, sourceText } from "./format";

/** Heading of the ranking: says which figure the groups are ranked by (the term count for yes/no). */
export function rankingTitle(view: ResidentialGroupsView): string {
  const { indicator, rankMode, term } = view;
  if (rankMode.kind === "term") {
    return `Xếp hạng các tổ theo số năm đạt trong ${term.name.toLowerCase()}: ${indicator.name}`;
  }
  return `Xếp hạng các tổ năm ${rankMode.year}: ${indicator.name}`;
}

export function rankingCsv(view: ResidentialGroupsView) {
  const { indicator, ranking, rankMode, year } = view;
  if (rankMode.kind === "term") {
    return {
      header: [
        "Hạng",
        "Tổ dân phố",
        "Số năm đạt (năm)",
        "Các năm có số liệu",
        `Năm ${year} (${csvUnit(indicator)})`,
        "Nguồn",
      ],
      rows: ranking.map((r) => {
        const y = yearValue(view, r.slug);
        return [
          r.rank,
          r.name,
          csvNumber(r.value),
          r.years.join(" "),
          y === undefined ? null : csvNumber(y),
          sourceText(r.sources),
        ];
      }),
    };
  }
  return {
    header: ["Hạng", "Tổ dân phố", "Năm", `Giá trị (${csvUnit(indicator)})`, "Nguồn"],
    rows: ranking.map((r) => [r.rank, r.name, rankMode.year, csvNumber(r.value), sourceText(r.sources)]),
  };
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

function tooltipSource(r: RankedGroup): string {
  if (r.isDemo) return "Dữ liệu minh họa";
  const reported = r.sources.filter((s) => s.kind !== "DEMO");
  return r.partlyDemo ? `${sourceText(reported)} (một phần là dữ liệu minh họa)` : sourceText(reported);
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
  const { ward, indicator, ranking, average, target, rankMode, year, isYesNo } = view;
  const title = rankingTitle(view);
  const unitLabel = (v: string) => formatFigure(v, indicator.valueType, indicator.unit);
  const figureLabel = figureLabels(view);
  const items: RankedItem[] = ranking.map((r) => ({
    key: r.slug,
    name: r.name,
    value: Number(r.value),
    label: figureLabel(r),
    // a count of years that stands partly on demo years is not a reported figure: hatched too
    isDemo: r.isDemo || r.partlyDemo,
    source: tooltipSource(r),
  }));
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
  const groupHref = (slug: string) =>
    `/${ward.slug}/to-dan-pho/${groupNumber(ward.slug, slug)}${termQuery ? `?term=${termQuery}` : ""}`;

  const aside = (
    <div className="space-y-1 text-xs text-slate-600">
      {rankMode.kind === "term" && (
        <p>
          Chỉ tiêu có/không (Đạt/Chưa đạt) theo từng năm: thay vì vẽ giá trị 0/1 của một năm, các tổ được xếp theo{" "}
          <strong>số năm đạt</strong> trong nhiệm kỳ. Kết quả từng năm ở bản đồ nhiệt bên dưới.
        </p>
      )}
      <p className="flex flex-wrap items-center gap-1">
        Cột gạch chéo: <DemoBadge />
        {ranking.some((r) => r.partlyDemo) && <span>(kể cả số năm đạt có một phần là dữ liệu minh họa)</span>}
      </p>
    </div>
  );

  const table = (
    <div className="relative overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="ranking-table">
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left text-slate-600">
            <th scope="col" className="py-1.5 pr-3 font-medium">
              Hạng
            </th>
            <th scope="col" className="py-1.5 pr-3 font-medium">
              Tổ dân phố
            </th>
            <th scope="col" className="py-1.5 pr-3 text-right font-medium">
              {rankMode.kind === "term" ? "Số năm đạt" : `Năm ${rankMode.year}`}
            </th>
            {rankMode.kind === "term" && (
              <th scope="col" className="py-1.5 pr-3 text-center font-medium">
                Năm {year}
              </th>
            )}
            <th scope="col" className="py-1.5 font-medium">
              Nguồn
            </th>
          </tr>
        </thead>
        <tbody>
          {ranking.map((r) => {
            const y = yearValue(view, r.slug);
            return (
              <tr key={r.slug} className="border-b border-slate-200" data-group={r.slug}>
                <td className="py-1 pr-3 tabular-nums">{r.rank}</td>
                <th scope="row" className="py-1 pr-3 text-left font-normal whitespace-nowrap">
                  <Link href={groupHref(r.slug)} className="text-blue-800 underline-offset-2 hover:underline">
                    {r.name}
                  </Link>
                </th>
                <td className="py-1 pr-3 text-right tabular-nums whitespace-nowrap">{figureLabel(r)}</td>
                {rankMode.kind === "term" && (
                  <td className="py-1 pr-3 text-center">{y === undefined ? "—" : cellWords(y, indicator)}</td>
                )}
                <td className="py-1 text-xs">
                  {r.isDemo ? (
                    <DemoBadge />
                  ) : (
                    <span className="flex flex-wrap items-center gap-1">
                      {sourceText(r.sources.filter((s) => s.kind !== "DEMO"))}
                      {r.partlyDemo && <DemoBadge />}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );

  return (
    <ChartFrame
      title={title}
      headingLevel={headingLevel}
      fileName={fileSlug(`xep-hang-${indicator.name}-${rankMode.kind === "term" ? view.term.slug : rankMode.year}`)}
      summary={summary}
      csv={rankingCsv(view)}
      chart={
        <RankedBars
          items={items}
          references={references}
          rowHeight={rowHeight}
          // the term ranking counts the years achieved: whole years
          axis={
            rankMode.kind === "term"
              ? { valueType: "COUNT", unit: "năm" }
              : { valueType: indicator.valueType, unit: indicator.unit }
          }
        />
      }
      table={table}
      aside={aside}
      chartHeight={Math.max(160, items.length * rowHeight + 48)}
      light={light}
    />
  );
}
