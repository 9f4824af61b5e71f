import type { DashboardIndicator } from "@/lib/data/programme-dashboard";
import type { Breakdown, BreakdownCell } from "@/lib/domain/breakdowns";
import { csvNumber, fileSlug } from "@/lib/format/csv";
import { categoryKeyLabel, categoryValueLabel } from "@/lib/format/labels";
import { formatFigure, formatSource } from "@/lib/format/vi";
import { ChartFrame } from "@/components/charts/chart-frame";
import { RankedBars } from "@/components/charts/ranked-bars";
import { DemoBadge } from "@/components/ui/demo-badge";

type Cell = BreakdownCell<DashboardIndicator>;

function cellLabel(b: Breakdown<DashboardIndicator>, c: Cell): string {
  if (b.kind === "children") return c.indicator.name;
  if (b.kind === "dimension") return categoryValueLabel(c.labels[b.dimension]);
  return `${categoryValueLabel(c.labels[b.rows])} – ${categoryValueLabel(c.labels[b.columns]).toLowerCase()}`;
}

function title(b: Breakdown<DashboardIndicator>, sectionName: string): string {
  // the parent has its own yearly chart under its name: this one is its term figure split up
  if (b.kind === "children") return `${b.parent.name.replace(/, theo loại$/, "")}: từng loại, cả nhiệm kỳ`;
  if (b.kind === "dimension") return `${sectionName}: theo ${categoryKeyLabel(b.dimension).toLowerCase()}`;
  return `${sectionName}: theo ${categoryKeyLabel(b.rows).toLowerCase()} và ${categoryKeyLabel(b.columns).toLowerCase()}`;
}

const figureText = (i: DashboardIndicator) =>
  i.figure.basis === "none" ? "—" : formatFigure(i.figure.value, i.valueType, i.unit, i.figure.qualifier);
const sourceText = (i: DashboardIndicator) =>
  i.isDemo ? "Dữ liệu minh họa" : i.summary.sources.map(formatSource).join("; ");

function MatrixTable({ b }: { b: Extract<Breakdown<DashboardIndicator>, { kind: "matrix" }> }) {
  const at = (r: string, c: string) => b.cells.find((x) => x.labels[b.rows] === r && x.labels[b.columns] === c);
  return (
    <table className="w-full border-collapse text-sm">
      <thead>
        <tr className="border-b border-slate-300 text-left text-slate-600">
          <th scope="col" className="py-1 pr-3 font-medium">
            {categoryKeyLabel(b.rows)}
          </th>
          {b.columnValues.map((c) => (
            <th key={c} scope="col" className="py-1 pr-3 text-right font-medium">
              {categoryValueLabel(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {b.rowValues.map((r) => (
          <tr key={r} className="border-b border-slate-100">
            <th scope="row" className="py-1 pr-3 text-left font-normal">
              {categoryValueLabel(r)}
            </th>
            {b.columnValues.map((c) => {
              const cell = at(r, c);
              return (
                <td key={c} className="py-1 pr-3 text-right" title={cell ? sourceText(cell.indicator) : undefined}>
                  {cell ? figureText(cell.indicator) : "—"} {cell?.indicator.isDemo && <DemoBadge />}
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
  sectionName,
}: {
  breakdown: Breakdown<DashboardIndicator>;
  sectionName: string;
}) {
  const heading = title(b, sectionName);
  const withFigure = b.cells.filter((c) => c.indicator.figure.basis !== "none");
  const items = withFigure.map((c) => ({
    key: c.indicator.code,
    name: cellLabel(b, c),
    value: Number(c.indicator.figure.basis === "none" ? 0 : c.indicator.figure.value),
    label: figureText(c.indicator),
    isDemo: c.indicator.isDemo,
    source: sourceText(c.indicator),
  }));
  const parentLine =
    b.kind === "children" && b.parent.figure.basis !== "none"
      ? `Tổng: ${figureText(b.parent)}${b.parent.isDemo ? " (dữ liệu minh họa)" : ""}.`
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
          rows: b.cells.map((c) => [
            cellLabel(b, c),
            c.indicator.figure.basis === "none" ? "" : csvNumber(c.indicator.figure.value),
            c.indicator.figure.basis !== "none" && c.indicator.figure.qualifier === "MORE_THAN" ? "trên" : "",
            c.indicator.unit,
            sourceText(c.indicator),
          ]),
        }}
        chart={<RankedBars items={items} labelWidth={150} rowHeight={44} axis={breakdownAxis(withFigure)} />}
        chartHeight={Math.max(160, items.length * 44 + 48)}
        table={
          <div className="relative overflow-x-auto">
            {b.kind === "matrix" ? (
              <MatrixTable b={b} />
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
                  {b.cells.map((c) => (
                    <tr key={c.indicator.code} className="border-b border-slate-100">
                      <th scope="row" className="py-1 pr-3 text-left font-normal">
                        {cellLabel(b, c)}
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
