import Link from "next/link";
import { ChartFrame } from "@/components/charts/chart-frame";
import { RankedBars, type RankedItem, type Reference } from "@/components/charts/ranked-bars";
import { DemoBadge } from "@/components/ui/demo-badge";
import type { IndicatorComparison } from "@/lib/data/compare";
import type { ComparisonRow, SortOrder } from "@/lib/domain/compare";
import { TARGET_STATUS_LABEL } from "@/lib/domain/target-status";
import { basisLabel, formatShown, LEVEL_NOUN, PER_LABEL, periodLabel, readable, roundTo } from "@/lib/format/compare";
import { csvNumber, fileSlug } from "@/lib/format/csv";
import { formatTarget } from "@/lib/format/target";
import { formatCompact, formatFigure, formatSource } from "@/lib/format/vi";
import { SourceLabel } from "@/components/ui/source-label";
import { IndicatorCompareForm } from "./indicator-compare-form";
import { compareHref, wardCompareHref } from "./urls";

const SORT_LABEL: Record<SortOrder, string> = { desc: "Giảm dần", asc: "Tăng dần", name: "Theo tên" };

/** The parent's figure in words and as the chart's reference line. */
function parentReference(data: IndicatorComparison): { text: string; line: Reference | null } | null {
  const { parentFigure: pf, parent, indicator, normalisation: norm, parentShown } = data;
  if (!pf) return null;
  const noun = LEVEL_NOUN[data.childLevel];
  const coverage = pf.count < pf.of ? ` (${pf.count}/${pf.of} ${noun} có số liệu)` : "";
  const fig = (v: string, q = pf.qualifier) => formatFigure(v, indicator.valueType, indicator.unit, q);
  if (norm.state === "on" && parentShown) {
    const shown = formatShown(roundTo(parentShown, 2), pf.qualifier, indicator, norm.per);
    return {
      text: `Toàn ${parent.name}: ${shown} (tổng ${fig(pf.value)})${coverage}.`,
      line: { kind: "average", value: Number(parentShown), label: `Toàn ${LEVEL_NOUN[parent.level]}: ${shown}` },
    };
  }
  switch (pf.kind) {
    case "total":
      return {
        text: `Tổng ${parent.name}: ${fig(pf.value)}${coverage}; bình quân mỗi ${noun}: ${fig(readable(pf.mean, indicator.valueType))} (đường chấm trên biểu đồ).`,
        line: {
          kind: "average",
          value: Number(pf.mean),
          label: `Bình quân/${noun}: ${formatCompact(Number(pf.mean))}`,
        },
      };
    case "average":
      return {
        text: `Bình quân ${parent.name} (trung bình cộng các ${noun}, không gia quyền): ${fig(readable(pf.value, indicator.valueType))}${coverage}.`,
        line: {
          kind: "average",
          value: Number(pf.value),
          label: `Bình quân ${LEVEL_NOUN[parent.level]}: ${fig(readable(pf.value, indicator.valueType))}`,
        },
      };
    case "achieved":
      return { text: `${pf.value}/${pf.count} ${noun} đạt${coverage}.`, line: null };
  }
}

/**
 * The reference lines of the chart. Both labels sit above the plot: when the two lines are close,
 * one label names both (the other line keeps no label) so that they never print over each other.
 */
function lineLabels(average: Reference | null, target: Reference | null, maxValue: number): Reference[] {
  if (!average || !target) return [average, target].filter((r): r is Reference => r !== null);
  const span = Math.max(maxValue, average.value, target.value) || 1;
  if (Math.abs(average.value - target.value) / span >= 0.3) return [average, target];
  return [
    { ...average, label: `${average.label} · ${target.label.charAt(0).toLowerCase()}${target.label.slice(1)}` },
    { ...target, label: "" },
  ];
}

function sourceText(row: ComparisonRow): string {
  return row.figure.isDemo ? "Dữ liệu minh họa" : row.figure.sources.map(formatSource).join("; ");
}

function SortLinks({ data, termSlug }: { data: IndicatorComparison; termSlug?: string }) {
  const base = {
    parent: data.parent.slug,
    indicator: data.indicator.code,
    period: data.period,
    per: data.per,
    term: termSlug,
  };
  return (
    <nav aria-label="Sắp xếp" className="no-print flex flex-wrap items-center gap-1 text-sm">
      <span className="text-slate-700">Sắp xếp:</span>
      {(["desc", "asc", "name"] as const).map((s) => (
        <Link
          key={s}
          href={compareHref({ ...base, sort: s })}
          scroll={false}
          aria-current={data.sort === s ? "true" : undefined}
          className={`rounded border px-2 py-0.5 ${data.sort === s ? "border-brand-700 bg-brand-50 font-semibold text-brand-800" : "border-slate-300 bg-white hover:bg-slate-100"}`}
        >
          {SORT_LABEL[s]}
        </Link>
      ))}
    </nav>
  );
}

function Notices({ data }: { data: IndicatorComparison }) {
  const { normalisation: norm, parent, childLevel, fellBackFrom, indicator } = data;
  const noun = LEVEL_NOUN[childLevel];
  const perWord = data.per === "household" ? "số hộ" : "số dân";
  const notes: React.ReactNode[] = [];
  if (fellBackFrom)
    notes.push(
      <>
        Chỉ tiêu “{fellBackFrom}” không thu thập ở cấp {noun} của {parent.name}; đang hiển thị chỉ tiêu “
        {indicator.name}”.
      </>,
    );
  if (norm.state === "unknown")
    notes.push(
      <>
        <strong>Chưa thể chuẩn hóa theo {data.per === "household" ? "1.000 hộ" : "1.000 dân"}:</strong> hệ thống chưa có{" "}
        {perWord} của{" "}
        {norm.missing.length === parent.children.length
          ? `các ${noun} thuộc ${parent.name}`
          : parent.children
              .filter((c) => norm.missing.includes(c.slug))
              .map((c) => c.name)
              .join(", ")}
        . Không tự ước tính {perWord}; biểu đồ và bảng hiển thị số liệu gốc.
      </>,
    );
  if (norm.state === "not-applicable")
    notes.push(
      <>
        Chỉ tiêu này không chuẩn hóa theo quy mô: chỉ các chỉ tiêu đếm, tiền hoặc khối lượng cộng dồn mới tính được trên
        1.000 dân hoặc 1.000 hộ. Biểu đồ hiển thị số liệu gốc.
      </>,
    );
  if (notes.length === 0) return null;
  return (
    <div className="space-y-2">
      {notes.map((n, i) => (
        <p key={i} role="note" className="rounded border border-sky-300 bg-sky-50 p-3 text-sm text-sky-950" data-notice>
          {n}
        </p>
      ))}
    </div>
  );
}

function ComparisonTable({
  data,
  termSlug,
  reference,
}: {
  data: IndicatorComparison;
  termSlug?: string;
  reference: string | null;
}) {
  const { rows, indicator, normalisation: norm, sort, target } = data;
  const per = norm.state === "on" ? norm.per : null;
  const base = {
    parent: data.parent.slug,
    indicator: indicator.code,
    period: data.period,
    per: data.per,
    term: termSlug,
  };
  const valueSort = sort === "desc" ? "asc" : "desc";
  const noun = LEVEL_NOUN[data.childLevel];
  const canOpenWard = data.childLevel === "WARD" || data.childLevel === "RESIDENTIAL_GROUP";
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[40rem] border-collapse text-sm" data-compare-table>
        <caption className="sr-only">
          {indicator.name} theo {noun}, {periodLabel(data.period, data.term)}
        </caption>
        <thead>
          <tr className="border-b border-slate-300 text-left text-slate-700">
            <th scope="col" className="py-2 pr-2 font-medium">
              Hạng
            </th>
            <th scope="col" className="py-2 pr-2 font-medium" aria-sort={sort === "name" ? "ascending" : undefined}>
              <Link
                href={compareHref({ ...base, sort: "name" })}
                scroll={false}
                className="underline decoration-dotted hover:decoration-solid"
              >
                {noun.charAt(0).toUpperCase() + noun.slice(1)}
                <span className="sr-only">, sắp xếp theo tên</span>
              </Link>
            </th>
            <th
              scope="col"
              className="py-2 pr-2 text-right font-medium"
              aria-sort={sort === "desc" ? "descending" : sort === "asc" ? "ascending" : undefined}
            >
              <Link
                href={compareHref({ ...base, sort: valueSort })}
                scroll={false}
                className="underline decoration-dotted hover:decoration-solid"
              >
                {per ? PER_LABEL[data.per] : "Giá trị"}
                <span aria-hidden="true">{sort === "desc" ? " ↓" : sort === "asc" ? " ↑" : ""}</span>
                <span className="sr-only">, sắp xếp {valueSort === "asc" ? "tăng dần" : "giảm dần"}</span>
              </Link>
            </th>
            <th scope="col" className="py-2 pr-2 font-medium">
              Cơ sở
            </th>
            <th scope="col" className="py-2 pr-2 font-medium">
              Nguồn
            </th>
            <th scope="col" className="py-2 font-medium">
              Đánh giá{target ? ` (chỉ tiêu ${formatTarget(target, indicator.valueType, indicator.unit)})` : ""}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.unit.slug}
              data-unit={r.unit.slug}
              data-demo={r.figure.isDemo ? "true" : undefined}
              className="border-b border-slate-200 align-top"
            >
              <td className="py-2 pr-2 tabular-nums">{r.rank ?? "–"}</td>
              <th scope="row" className="py-2 pr-2 text-left font-medium">
                {canOpenWard ? (
                  <Link
                    href={wardCompareHref({
                      ward: r.unit.slug,
                      programme: indicator.programme.slug,
                      period: data.period,
                      term: termSlug,
                    })}
                    className="text-brand-800 underline decoration-dotted hover:decoration-solid"
                  >
                    {r.unit.shortName}
                  </Link>
                ) : (
                  r.unit.shortName
                )}
              </th>
              <td className="py-2 pr-4 text-right whitespace-nowrap" data-value>
                {r.shown ? (
                  <>
                    <span className="font-semibold">
                      {formatShown(per ? roundTo(r.shown.value, 2) : r.shown.value, r.shown.qualifier, indicator, per)}
                    </span>
                    {per && r.figure.value !== null && (
                      <span className="block text-xs text-slate-600">
                        {formatFigure(r.figure.value, indicator.valueType, indicator.unit, r.figure.qualifier)}
                      </span>
                    )}
                  </>
                ) : (
                  <span className="text-slate-600">Chưa có số liệu</span>
                )}
              </td>
              <td className="py-2 pr-2 text-xs text-slate-700" data-basis={r.figure.basis}>
                {basisLabel(r.figure, indicator.aggregation)}
                {r.figure.basis === "reported" && (
                  <span className="ml-1 rounded bg-slate-100 px-1 font-medium text-slate-800">báo cáo</span>
                )}
                {r.figure.note && <span className="block text-slate-600">{r.figure.note}</span>}
              </td>
              <td className="py-2 pr-2 text-xs text-slate-700" data-source>
                <SourceLabel sources={r.figure.sources} />
              </td>
              <td className="py-2 text-xs" data-status={r.status}>
                {TARGET_STATUS_LABEL[r.status]}
              </td>
            </tr>
          ))}
        </tbody>
        {reference && (
          <tfoot>
            <tr className="border-t-2 border-slate-300">
              <td />
              <td colSpan={5} className="py-2 text-sm text-slate-800" data-parent-figure>
                {reference}
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

export function IndicatorComparisonView({ data, termSlug }: { data: IndicatorComparison; termSlug?: string }) {
  const { parent, indicator, rows, term, target, normalisation: norm } = data;
  const noun = LEVEL_NOUN[data.childLevel];
  const per = norm.state === "on" ? norm.per : null;
  const when = periodLabel(data.period, term);
  const ref = parentReference(data);
  const withValue = rows.filter((r) => r.shown);
  const items: RankedItem[] = withValue.map((r) => ({
    key: r.unit.slug,
    name: r.unit.shortName,
    value: Number(r.shown!.value),
    label: formatShown(per ? roundTo(r.shown!.value, 2) : r.shown!.value, r.shown!.qualifier, indicator, per),
    isDemo: r.figure.isDemo,
    source: sourceText(r),
  }));
  const yesNo = indicator.valueType === "BOOLEAN" && indicator.unit === "đạt";
  const targetLine: Reference | null =
    target && !per && !yesNo
      ? {
          kind: "target",
          value: Number(target.value),
          label: `Chỉ tiêu ${formatTarget(target, indicator.valueType, indicator.unit)}${target.isDemo ? " (minh họa)" : ""}`,
        }
      : null;
  const references = lineLabels(ref?.line ?? null, targetLine, Math.max(0, ...items.map((i) => i.value)));
  const hasDemo = rows.some((r) => r.figure.isDemo);
  const hasReported = rows.some((r) => r.figure.value !== null && !r.figure.isDemo);
  const first = withValue[0];
  const last = withValue[withValue.length - 1];
  const order = data.sort === "asc" ? "tăng dần" : data.sort === "desc" ? "giảm dần" : "theo tên";
  const summary =
    withValue.length === 0
      ? `Chưa có số liệu của ${noun} nào cho chỉ tiêu này, ${when}.`
      : `${withValue.length}/${rows.length} ${noun} có số liệu, xếp ${order}` +
        (data.sort === "name"
          ? ""
          : `: đầu bảng ${first.unit.shortName} (${items[0].label}), cuối bảng ${last.unit.shortName} (${items[items.length - 1].label})`) +
        `. ${ref ? ref.text : ""}`;
  const title = `${indicator.name}: ${when}${per ? `, ${PER_LABEL[data.per].toLowerCase()}` : ""}`;
  const csvHeader = [
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
  const csvRows = rows.map((r) => [
    r.rank,
    r.unit.name,
    r.shown ? `${r.shown.qualifier === "MORE_THAN" ? ">" : ""}${csvNumber(r.shown.value)}` : "",
    per ? `${indicator.unit}/1.000 ${per === "capita" ? "dân" : "hộ"}` : indicator.unit,
    r.shown ? formatShown(r.shown.value, r.shown.qualifier, indicator, per).replace(/\u00a0/g, " ") : "Chưa có số liệu",
    basisLabel(r.figure, indicator.aggregation),
    r.figure.value === null ? "" : sourceText(r),
    r.figure.isDemo ? "có" : "không",
    TARGET_STATUS_LABEL[r.status],
  ]);

  return (
    <article className="dashboard space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-slate-600">
          {parent.parent ? `${parent.parent.name} · ` : ""}
          {term.name}
        </p>
        <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">
          So sánh các {noun} của {parent.name}
        </h1>
        <p className="max-w-3xl text-slate-700">
          Một chỉ tiêu, {parent.children.length} {noun}, cùng một kỳ. Số cả nhiệm kỳ lấy theo số liệu báo cáo cả nhiệm
          kỳ khi có (ghi “báo cáo”), nếu không thì tính từ số liệu các năm theo quy tắc của chỉ tiêu. Bấm tên {noun} để
          so sánh {noun} đó với bình quân các {noun} khác trên mọi chỉ tiêu của chương trình.
        </p>
      </header>

      <IndicatorCompareForm data={data} termSlug={termSlug} />
      <Notices data={data} />

      {hasDemo && (
        <p
          role="note"
          className="flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
        >
          <DemoBadge /> Cột gạch chéo là dữ liệu minh họa (tạo tự động), không phải số liệu báo cáo.
          {hasReported && " Cột tô đậm là số liệu có nguồn báo cáo."}
        </p>
      )}

      <ChartFrame
        title={title}
        headingLevel={2}
        fileName={fileSlug(
          `so-sanh-${parent.slug}-${indicator.code}-${data.period.kind === "TERM" ? "nhiem-ky" : data.period.year}${per ? `-${data.per}` : ""}`,
        )}
        summary={summary}
        csv={{ header: csvHeader, rows: csvRows }}
        aside={
          <div className="space-y-1">
            <p className="text-sm text-slate-700">
              Chương trình {indicator.programme.code} · đơn vị:{" "}
              {per ? `${indicator.unit}${per === "capita" ? " trên 1.000 dân" : " trên 1.000 hộ"}` : indicator.unit}
            </p>
            {ref && (
              <p className="text-sm text-slate-800" data-reference>
                {ref.text}
              </p>
            )}
            {target && (
              <p className="flex flex-wrap items-center gap-1 text-sm text-slate-800">
                Chỉ tiêu mỗi {noun}: {formatTarget(target, indicator.valueType, indicator.unit)} (
                {target.isDemo ? "chỉ tiêu minh họa" : target.source}){per && " — không vẽ khi chuẩn hóa theo quy mô"}
              </p>
            )}
            <SortLinks data={data} termSlug={termSlug} />
          </div>
        }
        chart={
          items.length > 0 ? (
            <RankedBars items={items} references={references} labelWidth={120} />
          ) : (
            <p className="text-sm text-slate-600">Chưa có số liệu.</p>
          )
        }
        table={<ComparisonTable data={data} termSlug={termSlug} reference={ref?.text ?? null} />}
      />
    </article>
  );
}
