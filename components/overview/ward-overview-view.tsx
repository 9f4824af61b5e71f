import { PageLink } from "@/components/ui/page-link";
import type { WardOverview } from "@/lib/data/ward-overview";
import { EntryHubLink } from "@/components/review/entry-hub-link";
import { DemoBadge } from "@/components/ui/demo-badge";
import { FormedFrom } from "@/components/org-units/formed-from";
import { AchievementsList } from "./achievements-list";
import { IndicatorTable } from "./indicator-table";
import { ProjectsTable } from "./projects-table";
import { commonSource } from "./common-source";
import { formatSource } from "@/lib/format/vi";

export function WardOverviewView({ overview, canEdit = false }: { overview: WardOverview; canEdit?: boolean }) {
  const { ward, term, programmes, projects, achievements, hasDemo, formedFrom } = overview;
  // the report most figures come from is named once here, not on each of forty rows
  const common = commonSource(
    programmes.flatMap((p) => p.sections.flatMap((s) => s.rows.filter((r) => !r.groups).map((r) => r.summary))),
  );
  const gpmbTotal = programmes
    .flatMap((p) => p.sections.flatMap((s) => s.rows))
    .find((r) => r.indicator.code === "du-an-gpmb")?.summary.figure;
  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-slate-600">
          {ward.parent ? `${ward.parent.name} · ` : ""}
          {term.name}
        </p>
        <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">{ward.name}</h1>
        <p className="max-w-3xl text-slate-700">
          Kết quả thực hiện các Chương trình công tác toàn khóa của Quận ủy trên địa bàn phường. Mỗi số liệu ghi rõ
          nguồn; số liệu nguồn báo cáo theo cả nhiệm kỳ được giữ nguyên, không chia thành từng năm.
        </p>
        {common && (
          <p className="text-sm text-slate-700" data-testid="common-source">
            Nguồn các chỉ tiêu dưới đây, trừ khi ghi khác: <span className="font-medium">{formatSource(common)}</span>
          </p>
        )}
        {hasDemo && (
          <p
            className="flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
            role="note"
          >
            <DemoBadge /> Trang này có cả dữ liệu minh họa (tạo tự động để minh họa biểu đồ). Số liệu minh họa luôn được
            đánh dấu như vậy và không phải số liệu báo cáo.
          </p>
        )}
        {formedFrom && <FormedFrom formedFrom={formedFrom} />}
        <nav aria-label="Các chương trình" className="no-print">
          <ul className="flex flex-wrap gap-2 text-sm">
            <EntryHubLink wardSlug={ward.slug} />
            <li>
              <PageLink
                href={`/${ward.slug}/to-dan-pho`}
                className="inline-block rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100"
              >
                Theo tổ dân phố
              </PageLink>
            </li>
            {/* h14: the committee's brief and the ward's report */}
            <li>
              <PageLink
                href={`/${ward.slug}/ban-tom-tat`}
                className="inline-block rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100"
              >
                Bản tóm tắt
              </PageLink>
            </li>
            <li>
              <PageLink
                href={`/${ward.slug}/bao-cao`}
                className="inline-block rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100"
              >
                Báo cáo
              </PageLink>
            </li>
            {programmes.map((p) => (
              <li key={p.code}>
                <a
                  href={`#ct-${p.slug}`}
                  className="inline-block rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100"
                >
                  Chương trình {p.code}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>

      {programmes.map((p) => (
        <section
          key={p.code}
          id={`ct-${p.slug}`}
          aria-labelledby={`ct-${p.slug}-title`}
          className="space-y-3 rounded-lg bg-white p-4 shadow-sm sm:p-6"
        >
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id={`ct-${p.slug}-title`} className="text-xl font-semibold text-slate-900">
              Chương trình {p.code}
            </h2>
            <PageLink
              href={`/${ward.slug}/chuong-trinh/${p.slug}`}
              className="no-print text-sm text-brand-700 underline"
            >
              Biểu đồ theo dõi chương trình {p.code}
            </PageLink>
          </div>
          <p className="font-medium text-slate-800">{p.title}</p>
          <p className="text-sm text-slate-600">{p.summary}</p>
          {p.sections.map((s) => (
            <IndicatorTable key={s.code} caption={s.name} rows={s.rows} common={common} />
          ))}
        </section>
      ))}

      <section aria-labelledby="gpmb-title" className="space-y-3 rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="gpmb-title" className="text-xl font-semibold">
            Dự án giải phóng mặt bằng
          </h2>
          {canEdit && <GpmbLink ward={ward.slug} label="Nhập, sửa dự án GPMB và tiến độ" />}
        </div>
        <ProjectsTable
          projects={projects}
          termTotal={gpmbTotal && gpmbTotal.basis !== "none" ? gpmbTotal.value : null}
        />
      </section>

      <section aria-labelledby="thanh-tich-title" className="space-y-3 rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="thanh-tich-title" className="text-xl font-semibold">
            Danh hiệu, mô hình đạt được
          </h2>
          {canEdit && <GpmbLink ward={ward.slug} label="Nhập, sửa danh hiệu, mô hình" hash="danh-hieu" />}
        </div>
        <AchievementsList achievements={achievements} />
      </section>
    </article>
  );
}

/** For ward officials: where projects, their progress and achievements are entered. */
export function GpmbLink({ ward, label, hash }: { ward: string; label: string; hash?: string }) {
  return (
    <PageLink href={`/${ward}/gpmb${hash ? `#${hash}` : ""}`} className="no-print text-sm text-brand-700 underline">
      {label}
    </PageLink>
  );
}
