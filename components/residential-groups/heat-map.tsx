import type { ResidentialGroupsView } from "@/lib/data/residential-groups";
import { groupNumber, HEAT_STEPS, heatStep, rankGroups, type GroupYearCell } from "@/lib/domain/residential-groups";
import { averageOf, roundDecimal } from "@/lib/domain/decimal";
import { describeBasis } from "@/lib/format/figure-basis";
import { fileSlug } from "@/lib/format/csv";
import { formatFigure, formatNumber } from "@/lib/format/vi";
import { DemoBadge } from "@/components/ui/demo-badge";
import { cellLabel, csvUnit, sourceText } from "./format";
import { HeatMapTable, type HeatMapData } from "./heat-map-table";

// Colour steps, lightest (worst) to darkest (best), and the marks of demo and reported cells: short
// classes (app/globals.css, `.hm-*`), since they repeat on every cell of the table.
const RATE_STEPS = ["hm-0", "hm-1", "hm-2", "hm-3", "hm-4"] as const;

/** The heat map's compact data (see HeatMapData): each group once, each cell a tuple. */
export function heatMapData(view: ResidentialGroupsView, termQuery: string | null): HeatMapData {
  const { ward, indicator, groups, yearsWithValues, year, perYear, isYesNo } = view;
  const all = groups.flatMap((g) => g.cells.map((c) => Number(c.value)));
  const min = Math.min(...all);
  const max = Math.max(...all);
  const termRanks = new Map(
    rankGroups(groups, { kind: "term", rule: indicator.aggregation }, indicator.direction).map((r) => [r.slug, r]),
  );
  const sources: string[] = [];
  const sourceKinds: string[] = [];
  const sourceIndex = new Map<string, number>();
  const sourceOf = (c: GroupYearCell): number => {
    if (c.isDemo) return -1;
    const text = sourceText([c.source]);
    let i = sourceIndex.get(text);
    if (i === undefined) {
      i = sources.push(text) - 1;
      sourceKinds.push(c.source.kind);
      sourceIndex.set(text, i);
    }
    return i;
  };
  const title = `Bản đồ nhiệt: ${indicator.name} theo tổ dân phố và năm`;
  return {
    title,
    fileName: fileSlug(`ban-do-nhiet-${indicator.name}-${view.term.slug}`),
    basis: describeBasis(
      { basis: "computed", value: "0", qualifier: "EXACT", years: yearsWithValues },
      indicator.aggregation,
    ),
    years: yearsWithValues,
    year,
    isYesNo,
    csvUnit: csvUnit(indicator),
    sources,
    sourceKinds,
    groupHref: `/${ward.slug}/to-dan-pho/`,
    termQuery: termQuery ? `?term=${termQuery}` : "",
    rows: groups.map((g) => {
      const term = termRanks.get(g.slug);
      return [
        g.name,
        groupNumber(ward.slug, g.slug),
        g.slug,
        yearsWithValues.map((y) => {
          const c = g.cells.find((x) => x.year === y);
          if (!c) return null;
          const step = isYesNo
            ? Number(c.value) >= 1
              ? 1
              : 0
            : heatStep(Number(c.value), min, max, indicator.direction);
          return [c.value, cellLabel(c.value, indicator), step, c.isDemo ? 1 : 0, sourceOf(c), c.note];
        }),
        term ? formatFigure(term.value, indicator.valueType, indicator.unit, term.qualifier) : "—",
      ];
    }),
    footerLabel: isYesNo ? "Số tổ đạt" : "Bình quân các tổ",
    footer: yearsWithValues.map((y) => {
      const a = perYear.find((p) => p.year === y);
      return a?.share
        ? `${a.share.achieved}/${a.share.groups}`
        : a?.average
          ? formatFigure(roundDecimal(a.average, 1), indicator.valueType, indicator.unit)
          : "—";
    }),
    footerTerm: termAverage(
      view,
      [...termRanks.values()].map((r) => r.value),
    ),
  };
}

/** Group × year table of one indicator, each cell coloured by its value (no chart library). */
export function HeatMap({ view, termQuery }: { view: ResidentialGroupsView; termQuery: string | null }) {
  const { indicator, groups, yearsWithValues, years, isYesNo } = view;
  const all = groups.flatMap((g) => g.cells.map((c) => Number(c.value)));
  const missingYears = years.filter((y) => !yearsWithValues.includes(y));
  return (
    <section
      aria-labelledby="heat-map-title"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 sm:p-4"
      data-testid="heat-map"
    >
      <HeatMapTable
        data={heatMapData(view, termQuery)}
        legend={
          <>
            <Legend isYesNo={isYesNo} min={Math.min(...all)} max={Math.max(...all)} indicator={indicator} />
            {missingYears.length > 0 && (
              <p className="text-xs text-slate-600">
                Chưa có số liệu các năm {missingYears.join(", ")}
                {indicator.code === "tdp-xanh-sach-dep"
                  ? " (chỉ tiêu thực hiện từ năm 2018, năm chủ đề “Vì một Long Biên Xanh – Sạch – Đẹp”)"
                  : ""}
                .
              </p>
            )}
          </>
        }
      />
    </section>
  );
}

/** Legend bounds are drawn from floats: one decimal is all a legend needs. */
function roundTo1(v: string): string {
  return String(Math.round(Number(v) * 10) / 10);
}

/** Average over the groups of their term figures. */
function termAverage(view: ResidentialGroupsView, termValues: string[]): string {
  const { indicator } = view;
  const avg = averageOf(termValues);
  if (avg === null) return "—";
  const rounded = roundDecimal(avg, 1);
  return view.isYesNo
    ? `${formatNumber(rounded)} năm (bình quân)`
    : formatFigure(rounded, indicator.valueType, indicator.unit);
}

function Legend({
  isYesNo,
  min,
  max,
  indicator,
}: {
  isYesNo: boolean;
  min: number;
  max: number;
  indicator: ResidentialGroupsView["indicator"];
}) {
  const swatch = "inline-block h-4 w-6 rounded-sm border border-slate-300 align-middle";
  const step = (max - min) / HEAT_STEPS;
  return (
    <ul
      className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-700"
      aria-label="Chú giải bản đồ nhiệt"
    >
      {isYesNo ? (
        <>
          <li className="flex items-center gap-1">
            <span className={`${swatch} hm-yes`} aria-hidden="true" /> Đạt
          </li>
          <li className="flex items-center gap-1">
            <span className={`${swatch} hm-no`} aria-hidden="true" /> — Chưa đạt
          </li>
        </>
      ) : (
        <li className="flex flex-wrap items-center gap-1">
          {RATE_STEPS.map((c, i) => (
            <span
              key={c}
              className={`${swatch} ${c}`}
              aria-hidden="true"
              title={`từ ${formatFigure(roundTo1(String(min + i * step)), indicator.valueType, indicator.unit)}`}
            />
          ))}
          <span>
            từ {formatFigure(roundTo1(String(min)), indicator.valueType, indicator.unit)} (nhạt) đến{" "}
            {formatFigure(roundTo1(String(max)), indicator.valueType, indicator.unit)} (đậm)
          </span>
        </li>
      )}
      <li className="flex items-center gap-1">
        <span className={`${swatch} hm-demo bg-white`} aria-hidden="true" /> Gạch chéo: <DemoBadge />
      </li>
      <li className="flex items-center gap-1">
        <span className={`${swatch} hm-bc bg-white`} aria-hidden="true" />
        <span>
          Viền cam, chữ <b>BC</b>: số liệu báo cáo (nguồn: di chuột lên ô, hoặc xem bảng xếp hạng)
        </span>
      </li>
    </ul>
  );
}
