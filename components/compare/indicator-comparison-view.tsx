import Link from "next/link";
import { ChartFrame } from "@/components/charts/chart-frame";
import { RankedBars, type RankedItem, type Reference } from "@/components/charts/ranked-bars";
import { rankedBarsHeight } from "@/components/charts/ranked-bars-size";
import { DemoBadge } from "@/components/ui/demo-badge";
import type { IndicatorComparison } from "@/lib/data/compare";
import type { SortOrder } from "@/lib/domain/compare";
import { formatShown, LEVEL_NOUN, PER_LABEL, periodLabel, readable, roundTo } from "@/lib/format/compare";
import { comparisonSourceText } from "@/lib/format/compare-csv";
import { fileSlug } from "@/lib/format/csv";
import { formatTarget } from "@/lib/format/target";
import { formatCompact, formatFigure, formatNumber as formatDecimal } from "@/lib/format/vi";

const formatNumber = (n: number) => formatDecimal(String(n));
import { IndicatorCompareForm } from "./indicator-compare-form";
import { RANKING_BODY_CLASS, rankingRowsHtml } from "./ranking-rows";
import { compareHref } from "./urls";

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
          prefetch={false}
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
        {norm.missingCount === parent.childCount
          ? `các ${noun} thuộc ${parent.name}`
          : norm.missingNames.join(", ") +
            (norm.missingCount > norm.missingNames.length
              ? ` và ${formatNumber(norm.missingCount - norm.missingNames.length)} ${noun} khác`
              : "")}
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
  const { indicator, normalisation: norm, sort, target } = data;
  const per = norm.state === "on" ? norm.per : null;
  const base = {
    parent: data.parent.slug,
    indicator: indicator.code,
    period: data.period,
    per: data.per,
    term: termSlug,
    ward: data.selected?.unit.slug,
    q: data.table.q,
  };
  const valueSort = sort === "desc" ? "asc" : "desc";
  const noun = LEVEL_NOUN[data.childLevel];
  return (
    <div className="space-y-2">
      <TableSearch data={data} termSlug={termSlug} />
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
                  prefetch={false}
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
                  prefetch={false}
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
          {/* the page of rows as markup: sent once, not hydrated (see ranking-rows.ts) */}
          <tbody className={RANKING_BODY_CLASS} dangerouslySetInnerHTML={{ __html: rankingRowsHtml(data, termSlug) }} />
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
      <Pager data={data} termSlug={termSlug} />
    </div>
  );
}

/** Search of the table by name (a GET form: works without JavaScript; diacritics ignored). */
function TableSearch({ data, termSlug }: { data: IndicatorComparison; termSlug?: string }) {
  const noun = LEVEL_NOUN[data.childLevel];
  const { q, matchCount } = data.table;
  const hidden: Record<string, string | undefined> = {
    parent: data.parent.slug,
    indicator: data.indicator.code,
    period: data.period.kind === "TERM" ? "term" : String(data.period.year),
    sort: data.sort,
    per: data.per === "none" ? undefined : data.per,
    term: termSlug,
    ward: data.selected?.unit.slug,
  };
  return (
    <form
      action="/so-sanh"
      method="get"
      role="search"
      className="no-print flex flex-wrap items-end gap-2"
      data-table-search
    >
      {Object.entries(hidden).map(([k, v]) => v !== undefined && <input key={k} type="hidden" name={k} value={v} />)}
      <div className="min-w-0 grow sm:grow-0">
        <label htmlFor="cmp-q" className="block text-sm font-medium text-slate-800">
          Tìm {noun} trong bảng
        </label>
        <input
          id="cmp-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={100}
          placeholder="Ví dụ: ngoc thuy"
          className="mt-1 block w-full min-w-0 rounded border border-slate-400 bg-white px-2 py-1.5 text-sm sm:w-64"
        />
      </div>
      <button type="submit" className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
        Tìm
      </button>
      {q && (
        <p className="text-sm text-slate-700" role="status">
          {matchCount === 0 ? `Không có ${noun} nào khớp “${q}”.` : `${formatNumber(matchCount)} ${noun} khớp “${q}”.`}{" "}
          <Link
            prefetch={false}
            href={compareHref({ ...hiddenHref(data, termSlug), q: undefined })}
            className="underline"
          >
            Bỏ tìm kiếm
          </Link>
        </p>
      )}
    </form>
  );
}

const hiddenHref = (data: IndicatorComparison, termSlug?: string) => ({
  parent: data.parent.slug,
  indicator: data.indicator.code,
  period: data.period,
  sort: data.sort,
  per: data.per,
  term: termSlug,
  ward: data.selected?.unit.slug,
  q: data.table.q || undefined,
});

/** Pages of the table: previous, next, and where we are. */
function Pager({ data, termSlug }: { data: IndicatorComparison; termSlug?: string }) {
  const { page, pageCount, matchCount } = data.table;
  if (pageCount <= 1) return null;
  const { pageSize } = data.table;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(matchCount, page * pageSize);
  const link = (p: number, label: string, rel: string) => (
    <Link
      prefetch={false}
      href={compareHref({ ...hiddenHref(data, termSlug), page: p })}
      scroll={false}
      rel={rel}
      className="rounded border border-slate-300 bg-white px-2 py-0.5 hover:bg-slate-100"
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Trang của bảng" className="no-print flex flex-wrap items-center gap-2 text-sm" data-pager>
      {page > 1 && link(1, "« Đầu", "first")}
      {page > 1 && link(page - 1, "‹ Trước", "prev")}
      <span aria-current="page">
        Dòng {formatNumber(from)}–{formatNumber(to)} / {formatNumber(matchCount)} (trang {formatNumber(page)}/
        {formatNumber(pageCount)})
      </span>
      {page < pageCount && link(page + 1, "Sau ›", "next")}
      {page < pageCount && link(pageCount, "Cuối »", "last")}
    </nav>
  );
}

export function IndicatorComparisonView({ data, termSlug }: { data: IndicatorComparison; termSlug?: string }) {
  const { parent, indicator, term, target, normalisation: norm, chart, selected } = data;
  const noun = LEVEL_NOUN[data.childLevel];
  const per = norm.state === "on" ? norm.per : null;
  const when = periodLabel(data.period, term);
  const ref = parentReference(data);
  // the whole ranking when it is short; else its top and bottom, and the selected unit between them
  const truncated = chart.withValue > chart.top.length + chart.bottom.length;
  const middle =
    selected?.shown && !chart.top.concat(chart.bottom).some((r) => r.unit.slug === selected.unit.slug)
      ? [selected]
      : [];
  const chartRows = [...chart.top, ...middle, ...chart.bottom];
  const items: RankedItem[] = chartRows.map((r) => ({
    key: r.unit.slug,
    name: truncated ? `${r.rank}. ${r.unit.shortName}` : r.unit.shortName,
    value: Number(r.shown!.value),
    label: formatShown(per ? roundTo(r.shown!.value, 2) : r.shown!.value, r.shown!.qualifier, indicator, per),
    isDemo: r.figure.isDemo,
    source: comparisonSourceText(r),
    highlight: r.unit.slug === selected?.unit.slug,
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
  const hasDemo = chartRows.some((r) => r.figure.isDemo) || data.table.rows.some((r) => r.figure.isDemo);
  const hasReported = chartRows.some((r) => !r.figure.isDemo);
  const first = chart.top[0];
  const last = chart.bottom[chart.bottom.length - 1] ?? chart.top[chart.top.length - 1];
  const label = (r: (typeof chartRows)[number]) =>
    formatShown(per ? roundTo(r.shown!.value, 2) : r.shown!.value, r.shown!.qualifier, indicator, per);
  const summary =
    chart.withValue === 0
      ? `Chưa có số liệu của ${noun} nào cho chỉ tiêu này, ${when}.`
      : `${formatNumber(chart.withValue)}/${formatNumber(parent.childCount)} ${noun} có số liệu, xếp giảm dần: ` +
        `cao nhất ${first.unit.shortName} (${label(first)}), thấp nhất ${last.unit.shortName} (${label(last)})` +
        (selected
          ? selected.rank
            ? `; ${selected.unit.shortName} hạng ${formatNumber(selected.rank)}/${formatNumber(chart.withValue)} (${label(selected)})`
            : `; ${selected.unit.shortName} chưa có số liệu`
          : "") +
        `. ${ref ? ref.text : ""}`;
  const title = `${indicator.name}: ${when}${per ? `, ${PER_LABEL[data.per].toLowerCase()}` : ""}`;
  const csvHref = `/so-sanh/csv?${new URLSearchParams(
    Object.entries({
      parent: parent.slug,
      indicator: indicator.code,
      period: data.period.kind === "TERM" ? "term" : String(data.period.year),
      sort: data.sort,
      per: data.per,
      ...(termSlug ? { term: termSlug } : {}),
    }),
  )}`;

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
          Một chỉ tiêu, {formatNumber(parent.childCount)} {noun}, cùng một kỳ. Số cả nhiệm kỳ lấy theo số liệu báo cáo
          cả nhiệm kỳ khi có (ghi “báo cáo”), nếu không thì tính từ số liệu các năm theo quy tắc của chỉ tiêu. Bấm tên{" "}
          {noun} để so sánh {noun} đó với bình quân các {noun} khác trên mọi chỉ tiêu của chương trình.
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
        csvHref={csvHref}
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
            {truncated && (
              <p className="text-sm text-slate-700" data-chart-scope>
                Biểu đồ vẽ {chart.top.length} {noun} cao nhất và {chart.bottom.length} {noun} thấp nhất
                {middle.length > 0 ? `, cùng ${middle[0].unit.shortName} (hạng ${middle[0].rank})` : ""} trong{" "}
                {formatNumber(chart.withValue)} {noun} có số liệu (số trước tên là hạng); bảng dưới có đủ xếp hạng.
              </p>
            )}
            {selected && (
              <p className="text-sm font-medium text-slate-900" data-selected-position>
                {selected.rank
                  ? `${selected.unit.name}: hạng ${formatNumber(selected.rank)}/${formatNumber(chart.withValue)}, ${label(selected)}.`
                  : `${selected.unit.name}: chưa có số liệu ${when}.`}
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
        // below the form on a phone: drawn (and its library loaded) once on screen, or printed
        drawWhenSeen
        lookAhead={0}
        chartHeight={items.length > 0 ? rankedBarsHeight({ items, references }).height : 40}
      />
    </article>
  );
}
