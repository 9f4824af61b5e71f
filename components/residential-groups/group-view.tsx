import Link from "next/link";
import type { GroupIndicatorRow, ResidentialGroupView } from "@/lib/data/residential-groups";
import { groupNumber } from "@/lib/domain/residential-groups";
import { TARGET_STATUS_LABEL } from "@/lib/domain/target-status";
import { csvNumber, fileSlug } from "@/lib/format/csv";
import { describeBasis } from "@/lib/format/figure-basis";
import { formatTarget } from "@/lib/format/target";
import { formatFigure } from "@/lib/format/vi";
import { ChartFrame } from "@/components/charts/chart-frame";
import { YearlyChart, type YearlyPoint } from "@/components/charts/yearly-chart";
import { AchievementsList } from "@/components/overview/achievements-list";
import { DemoBadge } from "@/components/ui/demo-badge";
import { SourceLabel } from "@/components/ui/source-label";
import { cellWords, csvUnit, listHref, sourceText } from "./format";

type Props = { view: ResidentialGroupView; termQuery: string | null };

const navLink = "inline-block rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100";

/** /{ward}/residential-groups/{n}: one residential group, each indicator over the years. */
export function GroupView({ view, termQuery }: Props) {
  const { ward, term, group, previous, next, rows, achievements, hasDemo, position, groupCount } = view;
  const termSuffix = termQuery ? `?term=${termQuery}` : "";
  const href = (slug: string) => `/${ward.slug}/to-dan-pho/${groupNumber(ward.slug, slug)}${termSuffix}`;
  return (
    <article className="dashboard space-y-6">
      <header className="space-y-2">
        <nav aria-label="Đường dẫn" className="no-print text-sm text-slate-600">
          <Link href={`/${ward.slug}${termSuffix}`} className="underline-offset-2 hover:underline">
            {ward.name}
          </Link>{" "}
          <span aria-hidden="true">›</span>{" "}
          <Link href={listHref(ward.slug, { term: termQuery })} className="underline-offset-2 hover:underline">
            Tổ dân phố
          </Link>{" "}
          <span aria-hidden="true">›</span> {group.shortName}
        </nav>
        <p className="text-sm text-slate-600">
          {term.name} · tổ thứ {position}/{groupCount}
        </p>
        <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">{group.name}</h1>
        {hasDemo && (
          <p
            className="flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
            role="note"
          >
            <DemoBadge /> Trang này có dữ liệu minh họa (tạo tự động), vẽ gạch chéo hoặc chấm rỗng; số liệu báo cáo ghi
            rõ nguồn.
          </p>
        )}
        <nav aria-label="Chuyển tổ dân phố" className="no-print">
          <ul className="flex flex-wrap gap-2 text-sm">
            <li>
              {previous ? (
                <Link href={href(previous.slug)} className={navLink} rel="prev">
                  <span aria-hidden="true">← </span>
                  {previous.shortName}
                </Link>
              ) : null}
            </li>
            <li>
              <Link href={listHref(ward.slug, { term: termQuery })} className={navLink}>
                Tất cả tổ dân phố
              </Link>
            </li>
            <li>
              {next ? (
                <Link href={href(next.slug)} className={navLink} rel="next">
                  {next.shortName}
                  <span aria-hidden="true"> →</span>
                </Link>
              ) : null}
            </li>
          </ul>
        </nav>
      </header>

      <section aria-labelledby="chi-tieu-title" className="space-y-3">
        <h2 id="chi-tieu-title" className="text-xl font-semibold">
          Các chỉ tiêu theo năm
        </h2>
        <div className="grid gap-4 lg:grid-cols-2">
          {rows.map((row) => (
            <IndicatorChart
              key={row.indicator.code}
              row={row}
              group={group.shortName}
              ward={ward.slug}
              termQuery={termQuery}
            />
          ))}
        </div>
      </section>

      <section
        aria-labelledby="thanh-tich-title"
        className="space-y-3 rounded-lg bg-white p-4 shadow-sm sm:p-6"
        data-testid="group-achievements"
      >
        <h2 id="thanh-tich-title" className="text-xl font-semibold">
          Danh hiệu, mô hình của {group.shortName}
        </h2>
        {achievements.length === 0 ? (
          <p className="text-slate-600">
            Chưa có danh hiệu, mô hình nào được ghi nhận cho {group.shortName} trong nhiệm kỳ.
          </p>
        ) : (
          <AchievementsList achievements={achievements} />
        )}
      </section>
    </article>
  );
}

function IndicatorChart({
  row,
  group,
  ward,
  termQuery,
}: {
  row: GroupIndicatorRow;
  group: string;
  ward: string;
  termQuery: string | null;
}) {
  const { indicator, summary, targets, status } = row;
  const yesNo = indicator.valueType === "BOOLEAN";
  const points: YearlyPoint[] = summary.years.map((y) => ({
    year: y.year,
    value: Number(y.value),
    label: cellWords(y.value, indicator),
    isDemo: y.isDemo,
    source: sourceText([y.source]),
  }));
  // one line for a target that is the same every year; none otherwise
  const yearTargets = Object.values(targets?.years ?? {});
  const sameTarget =
    yearTargets.length > 0 && yearTargets.every((t) => t.value === yearTargets[0].value) ? yearTargets[0] : null;
  const figure = summary.figure;
  const termText =
    figure.basis === "none"
      ? "Chưa có số liệu"
      : formatFigure(figure.value, indicator.valueType, indicator.unit, figure.qualifier);
  const title = indicator.name;
  const summaryText =
    points.length === 0
      ? "Chưa có số liệu."
      : `${group}, ${points.map((p) => `${p.year}: ${p.label}`).join("; ")}. Cả nhiệm kỳ: ${termText} (${describeBasis(figure, indicator.aggregation)}).`;

  const aside = (
    <div className="space-y-1 text-sm">
      <p>
        <span className="text-slate-600">Cả nhiệm kỳ: </span>
        <strong className="text-lg" data-figure>
          {termText}
        </strong>
        {yesNo && figure.basis === "computed" && (
          <span className="text-slate-600"> trên {figure.years.length} năm có số liệu</span>
        )}
      </p>
      <p className="text-xs text-slate-600">{describeBasis(figure, indicator.aggregation)}</p>
      <p className="text-xs">
        {targets?.term ? (
          <>
            Chỉ tiêu {formatTarget(targets.term, indicator.valueType, indicator.unit)}:{" "}
            <strong>{TARGET_STATUS_LABEL[status]}</strong>
            {targets.term.isDemo && <DemoBadge className="ml-1" />}
          </>
        ) : (
          <span className="text-slate-600">{TARGET_STATUS_LABEL[status]}</span>
        )}
      </p>
      <div className="text-xs text-slate-700">
        <SourceLabel sources={summary.sources} />
      </div>
      <p className="no-print text-xs">
        <Link
          href={listHref(ward, { indicator: indicator.code, term: termQuery })}
          className="text-blue-800 underline underline-offset-2"
        >
          So sánh với các tổ khác
        </Link>
      </p>
    </div>
  );

  const table = (
    <div className="relative overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">
          {title}, {group}, từng năm
        </caption>
        <thead>
          <tr className="border-b border-slate-300 text-left text-slate-600">
            <th scope="col" className="py-1 pr-3 font-medium">
              Năm
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Kết quả
            </th>
            <th scope="col" className="py-1 font-medium">
              Nguồn
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.years.map((y) => (
            <tr
              key={y.year}
              className="border-b border-slate-200"
              data-year={y.year}
              data-demo={y.isDemo ? "true" : undefined}
            >
              <th scope="row" className="py-1 pr-3 text-left font-normal">
                {y.year}
              </th>
              <td className="py-1 pr-3 tabular-nums">{cellWords(y.value, indicator)}</td>
              <td className="py-1 text-xs">
                <SourceLabel sources={[y.source]} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <div data-indicator={indicator.code} className="min-w-0">
      <ChartFrame
        title={title}
        fileName={fileSlug(`${group}-${indicator.name}`)}
        summary={summaryText}
        csv={{
          header: ["Năm", `${indicator.name} (${csvUnit(indicator)})`, "Nguồn"],
          rows: summary.years.map((y) => [y.year, csvNumber(y.value), sourceText([y.source])]),
        }}
        chart={
          points.length === 0 ? (
            <p className="text-sm text-slate-600">Chưa có số liệu.</p>
          ) : (
            <YearlyChart
              points={points}
              kind={yesNo ? "bar" : "line"}
              unit={indicator.unit}
              valueType={indicator.valueType}
              target={
                sameTarget
                  ? {
                      value: Number(sameTarget.value),
                      label: `Chỉ tiêu ${formatTarget(sameTarget, indicator.valueType, indicator.unit)}`,
                    }
                  : null
              }
            />
          )
        }
        table={table}
        aside={aside}
      />
    </div>
  );
}
