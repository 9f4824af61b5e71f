import type { Qualifier } from "@/lib/domain/enums";
import { csvNumber, fileSlug } from "@/lib/format/csv";
import { describeBasis } from "@/lib/format/figure-basis";
import { formatTarget } from "@/lib/format/target";
import { formatFigure } from "@/lib/format/vi";
import { ChartFrame } from "@/components/charts/chart-frame";
import { YearlyChart } from "@/components/charts/yearly-chart";
import { DemoBadge } from "@/components/ui/demo-badge";
import { StatusBadge } from "@/components/ui/status-badge";
import type { ChartIndicator } from "./chart-data";
import { TargetText } from "./target-text";

/** The text of a source index (-1: demo data). */
export const sourceName = (sources: string[], k: number) => (k < 0 ? "Dữ liệu minh họa" : (sources[k] ?? ""));

function TermLine({ i }: { i: ChartIndicator }) {
  const f = i.figure;
  const beside = i.beside;
  return (
    <p className="term-line flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span>
        Cả nhiệm kỳ:{" "}
        <strong data-term-figure>
          {f.basis === "none" ? "chưa có số liệu" : formatFigure(f.value, i.valueType, i.unit, f.qualifier)}
        </strong>
        <span className="term-basis text-xs text-slate-600"> ({describeBasis(f, i.aggregation)})</span>
      </span>
      {beside && (
        <span data-years-figure>
          {describeBasis(beside, i.aggregation)}:{" "}
          <strong>{formatFigure(beside.value, i.valueType, i.unit, beside.qualifier)}</strong>{" "}
          <span className="text-xs text-slate-600">(khác số cả nhiệm kỳ theo nguồn)</span>
        </span>
      )}
      <StatusBadge status={i.status} />
      <span className="text-xs">
        <TargetText target={i.termTarget} kind={i.valueType} unit={i.unit} />
      </span>
    </p>
  );
}

/** One indicator: its yearly chart with the target line, the term figure by its rule, and the numbers as a table. */
export function IndicatorChart({ indicator: i, sources }: { indicator: ChartIndicator; sources: string[] }) {
  const years = i.years.map(([year, value, moreThan, demo, source]) => ({
    year,
    value,
    qualifier: (moreThan ? "MORE_THAN" : "EXACT") as Qualifier,
    isDemo: demo === 1,
    source: sourceName(sources, source),
  }));
  const target = i.line;
  const fmt = (v: string, q: Qualifier = "EXACT") => formatFigure(v, i.valueType, i.unit, q);
  const termSources = i.sources.map((k) => sourceName(sources, k)).join("; ");

  if (years.length === 0) {
    // Only a term figure (or nothing): no chart, and never invented years.
    return (
      <div data-indicator={i.code} className="space-y-1 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
        <h4 className="font-semibold text-slate-900">{i.name}</h4>
        <TermLine i={i} />
        <p className="text-xs text-slate-600">
          {i.figure.basis === "none" ? "Chưa có số liệu." : "Nguồn chỉ nêu số cả nhiệm kỳ, không có số liệu từng năm."}{" "}
          {termSources && <span>Nguồn: {termSources}</span>}
        </p>
        {i.note && <p className="text-xs text-slate-600">{i.note}</p>}
      </div>
    );
  }

  const yesNo = i.valueType === "BOOLEAN";
  const points = years.map((y) => ({
    year: y.year,
    value: Number(y.value),
    label: fmt(y.value, y.qualifier),
    isDemo: y.isDemo,
    source: y.source,
  }));
  const targetFor = (year: number) => i.yearTargets?.[year] ?? null;
  const f = i.figure;
  const termLabel = f.basis === "none" ? "" : fmt(f.value, f.qualifier);
  const summary = `${yesNo ? "Biểu đồ cột đạt/chưa đạt" : i.valueType === "PERCENT" ? "Biểu đồ đường" : "Biểu đồ cột"} ${i.name} theo năm ${years[0].year}–${years[years.length - 1].year}${
    years.some((y) => y.isDemo) ? " (có dữ liệu minh họa)" : ""
  }; cả nhiệm kỳ ${termLabel || "chưa có số liệu"}${target ? `; chỉ tiêu ${formatTarget(target, i.valueType, i.unit)}` : ""}.`;

  return (
    <div data-indicator={i.code} data-value-type={i.valueType}>
      <ChartFrame
        title={i.name}
        headingLevel={3}
        fileName={fileSlug(i.name)}
        light
        summary={summary}
        aside={<TermLine i={i} />}
        csv={{
          header: ["Năm", "Giá trị", "Trên (>)", "Đơn vị", "Chỉ tiêu", "Nguồn"],
          rows: [
            ...years.map((y) => [
              y.year,
              csvNumber(y.value),
              y.qualifier === "MORE_THAN" ? "trên" : "",
              i.unit,
              targetFor(y.year) ? formatTarget(targetFor(y.year)!, i.valueType, i.unit) : "",
              y.source,
            ]),
            [
              "Cả nhiệm kỳ",
              f.basis === "none" ? "" : csvNumber(f.value),
              f.basis !== "none" && f.qualifier === "MORE_THAN" ? "trên" : "",
              i.unit,
              i.termTarget ? formatTarget(i.termTarget, i.valueType, i.unit) : "",
              termSources,
            ],
          ],
        }}
        chart={
          <YearlyChart
            // a column of five on A4 landscape, 120 px high (globals.css)
            paper={{ width: 180, height: 120 }}
            points={points}
            kind={i.valueType === "PERCENT" ? "line" : "bar"}
            unit={i.unit}
            valueType={i.valueType}
            target={
              target
                ? { value: Number(target.value), label: `Chỉ tiêu ${formatTarget(target, i.valueType, i.unit)}` }
                : null
            }
          />
        }
        table={
          <div className="relative overflow-x-auto">
            <table className="w-full border-collapse text-sm">
              <thead>
                <tr className="border-b border-slate-300 text-left text-slate-600">
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Năm
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right font-medium">
                    Giá trị
                  </th>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Chỉ tiêu
                  </th>
                  <th scope="col" className="py-1 font-medium">
                    Nguồn
                  </th>
                </tr>
              </thead>
              <tbody>
                {years.map((y) => (
                  <tr key={y.year} className="border-b border-slate-100">
                    <th scope="row" className="py-1 pr-3 text-left font-normal">
                      {y.year}
                    </th>
                    <td className="whitespace-nowrap py-1 pr-3 text-right">{fmt(y.value, y.qualifier)}</td>
                    <td className="whitespace-nowrap py-1 pr-3">
                      {targetFor(y.year) ? formatTarget(targetFor(y.year)!, i.valueType, i.unit) : "—"}
                    </td>
                    <td className="py-1 text-xs">{y.isDemo ? <DemoBadge /> : y.source}</td>
                  </tr>
                ))}
                <tr className="font-semibold">
                  <th scope="row" className="py-1 pr-3 text-left">
                    Cả nhiệm kỳ
                  </th>
                  <td className="py-1 pr-3 text-right">{termLabel || "—"}</td>
                  <td className="whitespace-nowrap py-1 pr-3">
                    {i.termTarget ? formatTarget(i.termTarget, i.valueType, i.unit) : "—"}
                  </td>
                  <td className="py-1 text-xs font-normal">{i.isDemo ? <DemoBadge /> : termSources}</td>
                </tr>
              </tbody>
            </table>
          </div>
        }
      />
    </div>
  );
}
