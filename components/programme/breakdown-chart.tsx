import { csvNumber, fileSlug } from "@/lib/format/csv";
import { formatFigure } from "@/lib/format/vi";
import { ChartFrame } from "@/components/charts/chart-frame";
import { RankedBars } from "@/components/charts/ranked-bars";
import { DemoBadge } from "@/components/ui/demo-badge";
import type { ChartBreakdown, ChartIndicator } from "./chart-data";
import { sourceName } from "./indicator-chart";

const figureText = (i: ChartIndicator) =>
  i.figure.basis === "none" ? "—" : formatFigure(i.figure.value, i.valueType, i.unit, i.figure.qualifier);

type Cell = { indicator: ChartIndicator; label: string };

function MatrixTable({
  matrix,
  byCode,
  sourceText,
}: {
  matrix: NonNullable<ChartBreakdown["matrix"]>;
  byCode: Map<string, ChartIndicator>;
  sourceText: (i: ChartIndicator) => string;
}) {
  return (
    <table className="w-full border-collapse text-sm">
      <thead>
        <tr className="border-b border-slate-300 text-left text-slate-600">
          <th scope="col" className="py-1 pr-3 font-medium">
            {matrix.rowTitle}
          </th>
          {matrix.columns.map((c) => (
            <th key={c} scope="col" className="py-1 pr-3 text-right font-medium">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {matrix.rows.map((r, ri) => (
          <tr key={r} className="border-b border-slate-100">
            <th scope="row" className="py-1 pr-3 text-left font-normal">
              {r}
            </th>
            {matrix.columns.map((c, ci) => {
              const code = matrix.at[ri][ci];
              const cell = code ? byCode.get(code) : undefined;
              return (
                <td key={c} className="py-1 pr-3 text-right" title={cell ? sourceText(cell) : undefined}>
                  {cell ? figureText(cell) : "—"} {cell?.isDemo && <DemoBadge />}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One axis for the cells: their type and unit when all share them ("lượt" and "chi bộ" share only COUNT). */
function breakdownAxis(cells: Cell[]) {
  const [first] = cells;
  if (!first) return undefined;
  const sameType = cells.every((c) => c.indicator.valueType === first.indicator.valueType);
  const sameUnit = cells.every((c) => c.indicator.unit === first.indicator.unit);
  return sameType ? { valueType: first.indicator.valueType, unit: sameUnit ? first.indicator.unit : "" } : undefined;
}

/** A category breakdown of a section's term figures: violations by kind, inspections by object and reason … */
export function BreakdownChart({
  breakdown: b,
  byCode,
  sources,
}: {
  breakdown: ChartBreakdown;
  byCode: Map<string, ChartIndicator>;
  sources: string[];
}) {
  const heading = b.title;
  const sourceText = (i: ChartIndicator) =>
    i.isDemo ? "Dữ liệu minh họa" : i.sources.map((k) => sourceName(sources, k)).join("; ");
  const cells: Cell[] = b.cells.flatMap(([code, label]) => {
    const indicator = byCode.get(code);
    return indicator ? [{ indicator, label }] : [];
  });
  const withFigure = cells.filter((c) => c.indicator.figure.basis !== "none");
  const items = withFigure.map((c) => ({
    key: c.indicator.code,
    name: c.label,
    value: Number(c.indicator.figure.basis === "none" ? 0 : c.indicator.figure.value),
    label: figureText(c.indicator),
    isDemo: c.indicator.isDemo,
    source: sourceText(c.indicator),
  }));
  const parent = b.parent ? byCode.get(b.parent) : undefined;
  const parentLine =
    parent && parent.figure.basis !== "none"
      ? `Tổng: ${figureText(parent)}${parent.isDemo ? " (dữ liệu minh họa)" : ""}.`
      : "";
  return (
    <div data-breakdown={b.key}>
      <ChartFrame
        title={heading}
        fileName={fileSlug(heading)}
        light
        summary={`Biểu đồ cột so sánh ${items.map((i) => `${i.name}: ${i.label}`).join("; ")}. ${parentLine}`}
        csv={{
          header: ["Loại", "Giá trị cả nhiệm kỳ", "Trên (>)", "Đơn vị", "Nguồn"],
          rows: cells.map((c) => [
            c.label,
            c.indicator.figure.basis === "none" ? "" : csvNumber(c.indicator.figure.value),
            c.indicator.figure.basis !== "none" && c.indicator.figure.qualifier === "MORE_THAN" ? "trên" : "",
            c.indicator.unit,
            sourceText(c.indicator),
          ]),
        }}
        chart={
          <RankedBars items={items} labelWidth={150} rowHeight={44} axis={breakdownAxis(withFigure)} paperWidth={180} />
        }
        chartHeight={Math.max(160, items.length * 44 + 48)}
        table={
          <div className="relative overflow-x-auto">
            {b.matrix ? (
              <MatrixTable matrix={b.matrix} byCode={byCode} sourceText={sourceText} />
            ) : (
              <table className="w-full border-collapse text-sm">
                <thead>
                  <tr className="border-b border-slate-300 text-left text-slate-600">
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Loại
                    </th>
                    <th scope="col" className="py-1 pr-3 text-right font-medium">
                      Cả nhiệm kỳ
                    </th>
                    <th scope="col" className="py-1 font-medium">
                      Nguồn
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {cells.map((c) => (
                    <tr key={c.indicator.code} className="border-b border-slate-100">
                      <th scope="row" className="py-1 pr-3 text-left font-normal">
                        {c.label}
                      </th>
                      <td className="py-1 pr-3 text-right">{figureText(c.indicator)}</td>
                      <td className="py-1 text-xs">{c.indicator.isDemo ? <DemoBadge /> : sourceText(c.indicator)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {parentLine && <p className="pt-1 text-xs text-slate-600">{parentLine}</p>}
          </div>
        }
      />
    </div>
  );
}
