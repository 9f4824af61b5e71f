import { PageLink } from "@/components/ui/page-link";
import type { ProgrammeDashboard } from "@/lib/data/programme-dashboard";
import { TARGET_STATUS_LABEL, type TargetStatus } from "@/lib/domain/target-status";
import { ProjectsTable } from "@/components/overview/projects-table";
import { GpmbLink } from "@/components/overview/ward-overview-view";
import { FormedFrom } from "@/components/org-units/formed-from";
import { rankedGroupsData } from "@/components/residential-groups/ranked-groups";
import { DemoBadge } from "@/components/ui/demo-badge";
import { AchievementsTimeline } from "./achievements-timeline";
import { chartSection, SourceList } from "./chart-data";
import { DashboardSections } from "./dashboard-sections";
import { HeadlineCards } from "./headline-cards";
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
  const sources = new SourceList();
  const ranking = data.groupRanking;
  const chartSections = sections.map((s) => {
    const perGroup = s.indicators.filter((i) => i.perGroup);
    return {
      data: chartSection(s, sources),
      ranking:
        ranking && perGroup.some((i) => i.code === ranking.indicator.code) ? rankedGroupsData(ranking, null) : null,
      perGroup:
        perGroup.length > 0
          ? { names: perGroup.map((i) => i.name).join("; "), href: `/${ward.slug}/to-dan-pho` }
          : null,
    };
  });
  return (
    <article className="dashboard programme-dashboard space-y-8">
      <header className="space-y-2">
        <nav aria-label="Vị trí" className="no-print text-sm text-slate-600">
          <PageLink href={`/${ward.slug}`} className="underline">
            {ward.name}
          </PageLink>{" "}
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
                <PageLink
                  href={`/${ward.slug}/chuong-trinh/${p.slug}`}
                  aria-current={p.slug === programme.slug ? "page" : undefined}
                  className="inline-block rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold"
                >
                  {p.code}
                </PageLink>
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

      <DashboardSections sections={chartSections} sources={sources.texts} />

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
