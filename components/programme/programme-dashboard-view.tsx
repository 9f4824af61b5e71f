import Link from "next/link";
import type { ProgrammeDashboard } from "@/lib/data/programme-dashboard";
import { TARGET_STATUS_LABEL, type TargetStatus } from "@/lib/domain/target-status";
import { ProjectsTable } from "@/components/overview/projects-table";
import { GpmbLink } from "@/components/overview/ward-overview-view";
import { FormedFrom } from "@/components/org-units/formed-from";
import { RankedGroups } from "@/components/residential-groups/ranked-groups";
import { DemoBadge } from "@/components/ui/demo-badge";
import { AchievementsTimeline } from "./achievements-timeline";
import { BreakdownChart } from "./breakdown-chart";
import { HeadlineCards } from "./headline-cards";
import { IndicatorChart } from "./indicator-chart";
import { IndicatorSummaryTable } from "./indicator-summary-table";

const SUMMARY_ORDER: TargetStatus[] = ["exceeded", "met", "not-met", "undecided", "no-figure"];

/** "3 vượt · 1 đạt / 4 chỉ tiêu có kế hoạch" ("trên" would read "more than" on this page). */
export function statusSummary(statuses: TargetStatus[]): string {
  const withTarget = statuses.filter((s) => s !== "no-target");
  if (withTarget.length === 0) return "Chưa có chỉ tiêu nào được đặt cho chương trình này.";
  const counts = SUMMARY_ORDER.map((s) => [s, withTarget.filter((x) => x === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${TARGET_STATUS_LABEL[s].toLowerCase()}`);
  return `${counts.join(" · ")} / ${withTarget.length} chỉ tiêu có kế hoạch`;
}

export function ProgrammeDashboardView({ data, canEdit = false }: { data: ProgrammeDashboard; canEdit?: boolean }) {
  const { ward, term, programme, sections, headline, projects, achievements, hasDemo } = data;
  const all = sections.flatMap((s) => s.indicators);
  const gpmbTotal = all.find((i) => i.code === "du-an-gpmb")?.figure;
  const years = Array.from({ length: term.endYear - term.startYear + 1 }, (_, k) => term.startYear + k);
  return (
    <article className="dashboard space-y-8">
      <header className="space-y-2">
        <nav aria-label="Vị trí" className="no-print text-sm text-slate-600">
          <Link href={`/${ward.slug}`} className="underline">
            {ward.name}
          </Link>{" "}
          › Chương trình {programme.code}
        </nav>
        <p className="text-sm text-slate-600">
          {ward.name} · {term.name}
        </p>
        <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">Chương trình {programme.code}</h1>
        <p className="max-w-4xl font-medium text-slate-800">{programme.title}</p>
        {hasDemo && (
          <p
            role="note"
            className="flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950"
          >
            <DemoBadge /> Cột gạch chéo và các số có nhãn này là dữ liệu minh họa, không phải số liệu báo cáo.
          </p>
        )}
        {data.formedFrom && <FormedFrom formedFrom={data.formedFrom} />}
        <nav aria-label="Các chương trình" className="no-print">
          <ul className="flex flex-wrap gap-2 text-sm">
            {data.otherProgrammes.map((p) => (
              <li key={p.slug}>
                <Link
                  href={`/${ward.slug}/chuong-trinh/${p.slug}`}
                  aria-current={p.slug === programme.slug ? "page" : undefined}
                  className="inline-block rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold"
                >
                  {p.code}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>

      <section aria-labelledby="tong-quan" className="space-y-3">
        <h2 id="tong-quan" className="text-xl font-semibold">
          Chỉ tiêu chính
        </h2>
        <p className="font-medium text-slate-800" data-status-summary>
          {statusSummary(all.map((i) => i.status))}
        </p>
        <HeadlineCards indicators={headline} />
        <h3 className="pt-2 font-semibold">Mọi chỉ tiêu</h3>
        <IndicatorSummaryTable sections={sections} />
      </section>

      {sections.map((s) => {
        // sub-rows charted in their parent's breakdown are not charted again one by one (their
        // figures stay in the table above)
        const inBreakdown = new Set(
          s.breakdowns.flatMap((b) => (b.kind === "children" ? b.cells.map((c) => c.indicator.code) : [])),
        );
        return (
          // Closed until the reader opens it: its charts are drawn then (and all of them on paper).
          <details key={s.code} className="dashboard-section group space-y-3" data-section={s.code}>
            <summary className="cursor-pointer list-none rounded border border-slate-200 bg-white px-3 py-2 hover:bg-slate-50">
              <h2 id={`muc-${s.code}`} className="inline text-xl font-semibold">
                <span aria-hidden="true" className="no-print mr-2 inline-block group-open:rotate-90">
                  ›
                </span>
                {s.name}
              </h2>{" "}
              <span className="no-print text-sm text-slate-600">
                ({s.indicators.length} chỉ tiêu, bấm để xem biểu đồ)
              </span>
            </summary>
            <div className="chart-grid grid grid-cols-1 gap-3 lg:grid-cols-2">
              {s.breakdowns.map((b) => (
                <BreakdownChart key={b.key} breakdown={b} sectionName={s.name} />
              ))}
              {s.indicators
                .filter((i) => !i.perGroup && !inBreakdown.has(i.code))
                .map((i) => (
                  <IndicatorChart key={i.code} indicator={i} />
                ))}
            </div>
            {s.indicators.some((i) => i.perGroup) && (
              <div className="space-y-2" data-group-ranking>
                {data.groupRanking && s.indicators.some((i) => i.code === data.groupRanking!.indicator.code) && (
                  <RankedGroups view={data.groupRanking} termQuery={null} headingLevel={3} rowHeight={15} light />
                )}
                <p className="text-sm">
                  Chỉ tiêu theo tổ dân phố (
                  {s.indicators
                    .filter((i) => i.perGroup)
                    .map((i) => i.name)
                    .join("; ")}
                  ):{" "}
                  <Link href={`/${ward.slug}/to-dan-pho`} className="text-brand-700 underline">
                    xem bản đồ nhiệt và từng tổ dân phố
                  </Link>
                  .
                </p>
              </div>
            )}
          </details>
        );
      })}

      {(projects.length > 0 || gpmbTotal) && (
        <section aria-labelledby="gpmb" className="space-y-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="gpmb" className="text-xl font-semibold">
              Dự án giải phóng mặt bằng
            </h2>
            {canEdit && <GpmbLink ward={ward.slug} label="Nhập, sửa dự án GPMB và tiến độ" />}
          </div>
          <ProjectsTable
            projects={projects}
            termTotal={gpmbTotal && gpmbTotal.basis !== "none" ? gpmbTotal.value : null}
          />
        </section>
      )}

      {achievements.length > 0 && (
        <section aria-labelledby="thanh-tich" className="space-y-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="thanh-tich" className="text-xl font-semibold">
              Danh hiệu, mô hình theo năm
            </h2>
            {canEdit && <GpmbLink ward={ward.slug} label="Nhập, sửa danh hiệu, mô hình" hash="danh-hieu" />}
          </div>
          <AchievementsTimeline achievements={achievements} years={years} />
        </section>
      )}
    </article>
  );
}
