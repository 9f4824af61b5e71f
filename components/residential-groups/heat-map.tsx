import Link from "next/link";
import type { ResidentialGroupsView } from "@/lib/data/residential-groups";
import { groupNumber, HEAT_STEPS, heatStep, rankGroups } from "@/lib/domain/residential-groups";
import { averageOf, roundDecimal } from "@/lib/domain/decimal";
import { describeBasis } from "@/lib/format/figure-basis";
import { csvNumber, fileSlug } from "@/lib/format/csv";
import { formatFigure, formatNumber } from "@/lib/format/vi";
import { DemoBadge } from "@/components/ui/demo-badge";
import { CsvDownloadButton } from "./csv-download-button";
import { cellLabel, cellWords, csvUnit, sourceText } from "./format";

// Colour steps, lightest (worst) to darkest (best); text colour chosen for ≥ 4.5:1 contrast.
const RATE_STEPS = [
  "bg-sky-50 text-slate-900",
  "bg-sky-100 text-slate-900",
  "bg-sky-300 text-slate-900",
  "bg-blue-600 text-white",
  "bg-blue-800 text-white",
] as const;
const YES = "bg-emerald-700 text-white";
const NO = "bg-slate-50 text-slate-600";
/** Demo cells are hatched, in the page as in the charts. */
const HATCH = "bg-[image:repeating-linear-gradient(135deg,rgba(15,23,42,0.16)_0_2px,transparent_2px_7px)]";
/** Reported cells get a thick amber frame and the letters BC. */
const REPORTED = "outline outline-[3px] -outline-offset-[3px] outline-amber-500 font-bold";

export function heatMapCsv(view: ResidentialGroupsView) {
  const { indicator, groups, yearsWithValues } = view;
  const header = ["Tổ dân phố", ...yearsWithValues.map((y) => `${y} (${csvUnit(indicator)})`), "Nguồn"];
  const rows = groups.map((g) => [
    g.name,
    ...yearsWithValues.map((y) => {
      const value = g.cells.find((c) => c.year === y)?.value;
      return value === undefined ? null : csvNumber(value);
    }),
    g.cells
      .filter((c) => !c.isDemo)
      .map((c) => `${c.year}: ${sourceText([c.source])}`)
      .concat(g.cells.some((c) => c.isDemo) ? ["các năm khác: Dữ liệu minh họa"] : [])
      .join("; "),
  ]);
  return { header, rows };
}

/** Group × year table of one indicator, each cell coloured by its value (no chart library). */
export function HeatMap({ view, termQuery }: { view: ResidentialGroupsView; termQuery: string | null }) {
  const { ward, indicator, groups, yearsWithValues, years, year, perYear, isYesNo } = view;
  const all = groups.flatMap((g) => g.cells.map((c) => Number(c.value)));
  const min = Math.min(...all);
  const max = Math.max(...all);
  const missingYears = years.filter((y) => !yearsWithValues.includes(y));
  const termRanks = new Map(
    rankGroups(groups, { kind: "term", rule: indicator.aggregation }, indicator.direction).map((r) => [r.slug, r]),
  );
  const csv = heatMapCsv(view);
  const title = `Bản đồ nhiệt: ${indicator.name} theo tổ dân phố và năm`;
  const groupHref = (slug: string) =>
    `/${ward.slug}/to-dan-pho/${groupNumber(ward.slug, slug)}${termQuery ? `?term=${termQuery}` : ""}`;

  const cellClass = (value: string) => {
    if (isYesNo) return Number(value) >= 1 ? YES : NO;
    return RATE_STEPS[heatStep(Number(value), min, max, indicator.direction)];
  };

  return (
    <section
      aria-labelledby="heat-map-title"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 sm:p-4"
      data-testid="heat-map"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id="heat-map-title" className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        <CsvDownloadButton
          fileName={fileSlug(`ban-do-nhiet-${indicator.name}-${view.term.slug}`)}
          {...csv}
          label={`Tải CSV: ${title}`}
        />
      </div>
      <Legend isYesNo={isYesNo} min={min} max={max} indicator={indicator} />
      {missingYears.length > 0 && (
        <p className="text-xs text-slate-600">
          Chưa có số liệu các năm {missingYears.join(", ")}
          {indicator.code === "tdp-xanh-sach-dep"
            ? " (chỉ tiêu thực hiện từ năm 2018, năm chủ đề “Vì một Long Biên Xanh – Sạch – Đẹp”)"
            : ""}
          .
        </p>
      )}
      {groups.length === 0 ? (
        <p className="text-slate-600">Phường chưa có tổ dân phố trong hệ thống.</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full border-separate border-spacing-0 text-sm">
            <caption className="sr-only">
              {title}. Mỗi hàng là một tổ dân phố, mỗi cột là một năm; cột cuối là kết quả cả nhiệm kỳ (
              {describeBasis(
                { basis: "computed", value: "0", qualifier: "EXACT", years: yearsWithValues },
                indicator.aggregation,
              )}
              ). Ô có ghi “số liệu báo cáo” lấy từ báo cáo, các ô khác là dữ liệu minh họa.
            </caption>
            <thead>
              <tr>
                <th
                  scope="col"
                  className="sticky left-0 z-10 border-b border-slate-300 bg-white px-2 py-1.5 text-left font-medium text-slate-700"
                >
                  Tổ dân phố
                </th>
                {yearsWithValues.map((y) => (
                  <th
                    key={y}
                    scope="col"
                    className={`border-b border-slate-300 px-2 py-1.5 text-center font-medium ${y === year ? "bg-amber-100 text-slate-900" : "text-slate-700"}`}
                  >
                    {y}
                    {y === year && <span className="sr-only"> (năm đang chọn)</span>}
                  </th>
                ))}
                <th
                  scope="col"
                  className="border-b border-l border-slate-300 px-2 py-1.5 text-center font-medium text-slate-700"
                >
                  Cả nhiệm kỳ
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => {
                const term = termRanks.get(g.slug);
                return (
                  <tr key={g.slug} data-group={g.slug}>
                    <th
                      scope="row"
                      className="sticky left-0 z-10 border-b border-slate-200 bg-white px-2 py-1 text-left font-normal whitespace-nowrap"
                    >
                      <Link href={groupHref(g.slug)} className="text-blue-800 underline-offset-2 hover:underline">
                        {g.name}
                      </Link>
                    </th>
                    {yearsWithValues.map((y) => {
                      const c = g.cells.find((x) => x.year === y);
                      if (!c)
                        return (
                          <td
                            key={y}
                            className="border-b border-slate-200 px-2 py-1 text-center text-slate-500"
                            data-year={y}
                          >
                            <span aria-hidden="true">·</span>
                            <span className="sr-only">Chưa có số liệu</span>
                          </td>
                        );
                      const source = sourceText([c.source]);
                      return (
                        <td
                          key={y}
                          data-year={y}
                          data-demo={c.isDemo ? "true" : undefined}
                          data-source-kind={c.source.kind}
                          title={
                            c.isDemo
                              ? `${g.name}, ${y}: ${cellWords(c.value, indicator)}. Dữ liệu minh họa`
                              : `${g.name}, ${y}: ${cellWords(c.value, indicator)}. Nguồn: ${source}${c.note ? `. ${c.note}` : ""}`
                          }
                          className={`relative border-b border-white px-2 py-1 text-center tabular-nums whitespace-nowrap ${cellClass(c.value)} ${c.isDemo ? HATCH : REPORTED}`}
                        >
                          <span aria-hidden={isYesNo ? "true" : undefined}>{cellLabel(c.value, indicator)}</span>
                          {isYesNo && <span className="sr-only">{cellWords(c.value, indicator)}</span>}
                          {!c.isDemo && (
                            <>
                              <sup aria-hidden="true" className="ml-0.5 text-[10px] font-bold">
                                BC
                              </sup>
                              <span className="sr-only">, số liệu báo cáo. Nguồn: {source}</span>
                            </>
                          )}
                        </td>
                      );
                    })}
                    <td className="border-b border-l border-slate-200 px-2 py-1 text-center tabular-nums whitespace-nowrap">
                      {term ? formatFigure(term.value, indicator.valueType, indicator.unit, term.qualifier) : "—"}
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th
                  scope="row"
                  className="sticky left-0 z-10 border-t-2 border-slate-300 bg-white px-2 py-1.5 text-left font-semibold whitespace-nowrap"
                >
                  {isYesNo ? "Số tổ đạt" : "Bình quân các tổ"}
                </th>
                {yearsWithValues.map((y) => {
                  const a = perYear.find((p) => p.year === y);
                  return (
                    <td
                      key={y}
                      className="border-t-2 border-slate-300 px-2 py-1.5 text-center font-semibold tabular-nums whitespace-nowrap"
                    >
                      {a?.share
                        ? `${a.share.achieved}/${a.share.groups}`
                        : a?.average
                          ? formatFigure(roundDecimal(a.average, 1), indicator.valueType, indicator.unit)
                          : "—"}
                    </td>
                  );
                })}
                <td className="border-t-2 border-l border-slate-300 px-2 py-1.5 text-center font-semibold tabular-nums whitespace-nowrap">
                  {termAverage(
                    view,
                    [...termRanks.values()].map((r) => r.value),
                  )}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
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
            <span className={`${swatch} ${YES}`} aria-hidden="true" /> Đạt
          </li>
          <li className="flex items-center gap-1">
            <span className={`${swatch} ${NO}`} aria-hidden="true" /> — Chưa đạt
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
        <span className={`${swatch} bg-white ${HATCH}`} aria-hidden="true" /> Gạch chéo: <DemoBadge />
      </li>
      <li className="flex items-center gap-1">
        <span className={`${swatch} bg-white ${REPORTED}`} aria-hidden="true" />
        <span>
          Viền cam, chữ <b>BC</b>: số liệu báo cáo (nguồn: di chuột lên ô, hoặc xem bảng xếp hạng)
        </span>
      </li>
    </ul>
  );
}
