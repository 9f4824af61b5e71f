import Link from "next/link";
import { deleteAchievement } from "@/lib/actions/achievements";
import { deleteLandClearanceProgress, deleteLandClearanceProject } from "@/lib/actions/land-clearance";
import type { GpmbAchievement, GpmbPage, GpmbProject } from "@/lib/data/land-clearance";
import { fromScaled, toScaled } from "@/lib/domain/decimal";
import { ACHIEVEMENT_STATUS_LABEL, LEVEL_LABEL, PROJECT_STATUS_LABEL } from "@/lib/format/labels";
import { ACHIEVEMENT_KIND_LABEL } from "@/lib/format/records";
import { formatMoney, formatNumber } from "@/lib/format/vi";
import { AchievementForm } from "./achievement-form";
import { DeleteRecord } from "./delete-record";
import { ProgressForm } from "./progress-form";
import { ProjectForm } from "./project-form";
import { DraftBadge, RecordSource } from "./record-source";

const dash = <span aria-label="Chưa có số liệu">—</span>;
const num = (v: number | string | null) => (v === null ? dash : formatNumber(String(v)));
const money = (v: string | null) => (v === null ? dash : formatMoney(v));
const sum = (values: (string | number | null)[]) => {
  const given = values.filter((v) => v !== null).map(String);
  return given.length === 0 ? null : fromScaled(given.reduce((s, v) => s + toScaled(v), 0n));
};

const summaryButton =
  "no-print inline-block cursor-pointer rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100";

/** /{ward}/gpmb: the ward's land-clearance projects with their yearly progress, and its achievements; forms for ward officials. */
export function GpmbView({ page, canEdit }: { page: GpmbPage; canEdit: boolean }) {
  const { ward, term, projects, achievements } = page;
  const years = Array.from({ length: term.endYear - term.startYear + 1 }, (_, k) => term.startYear + k);
  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <nav aria-label="Vị trí" className="no-print text-sm text-slate-600">
          <Link href={`/${ward.slug}`} className="underline">
            {ward.name}
          </Link>{" "}
          › Dự án GPMB và danh hiệu
        </nav>
        <p className="text-sm text-slate-600">
          {ward.name} · {term.name}
        </p>
        <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">
          Dự án giải phóng mặt bằng và danh hiệu, mô hình
        </h1>
        <p className="max-w-3xl text-slate-700">
          Mỗi bản ghi ghi rõ nguồn. Bản ghi lấy từ báo cáo giữ nguyên như báo cáo nêu và không sửa, xóa ở đây; phường bổ
          sung bằng tiến độ theo năm hoặc bằng bản ghi mới (nguồn: “Số liệu do phường {ward.shortName} nhập, Đảng ủy
          phường duyệt”).
        </p>
        <p className="max-w-3xl text-sm text-slate-700">
          Bản ghi phường nhập được duyệt cùng số liệu nhập của năm và chương trình đó (dự án: năm bắt đầu; danh hiệu:
          năm đạt; không có năm: năm cuối nhiệm kỳ). Trước khi Đảng ủy phường duyệt, bản ghi là bản nháp chỉ cán bộ và
          Đảng ủy phường thấy; đã gửi hoặc đã duyệt thì khóa, muốn sửa cán bộ quận, thành phố phải mở khóa.
        </p>
        {!canEdit && <p className="text-sm text-slate-600">Bạn đang xem; chỉ cán bộ phường được nhập và sửa.</p>}
        {page.landClearanceProgramme && (
          <p className="no-print text-sm">
            <Link
              href={`/${ward.slug}/chuong-trinh/${page.landClearanceProgramme}`}
              className="text-brand-700 underline"
            >
              Xem trên biểu đồ theo dõi chương trình{" "}
              {page.programmes.find((p) => p.slug === page.landClearanceProgramme)?.code}
            </Link>
          </p>
        )}
      </header>

      <section aria-labelledby="du-an" className="space-y-4">
        <h2 id="du-an" className="text-xl font-semibold">
          Dự án giải phóng mặt bằng ({projects.length})
        </h2>
        {projects.length === 0 && <p className="text-slate-600">Chưa có dự án nào trong nhiệm kỳ.</p>}
        {projects.map((p) => (
          <ProjectCard key={p.id} project={p} ward={ward.slug} term={term.slug} years={years} canEdit={canEdit} />
        ))}
        {canEdit && (
          <details className="rounded-lg border border-dashed border-slate-400 bg-white p-4">
            <summary className={summaryButton}>Thêm dự án</summary>
            <div className="mt-3">
              <ProjectForm ward={ward.slug} term={term.slug} years={years} />
            </div>
          </details>
        )}
      </section>

      <section aria-labelledby="danh-hieu" className="space-y-4">
        <h2 id="danh-hieu" className="text-xl font-semibold">
          Danh hiệu, mô hình ({achievements.length})
        </h2>
        {achievements.length === 0 && <p className="text-slate-600">Chưa có danh hiệu, mô hình nào trong nhiệm kỳ.</p>}
        <ol className="space-y-3">
          {achievements.map((a) => (
            <AchievementItem key={a.id} achievement={a} page={page} years={years} canEdit={canEdit} />
          ))}
        </ol>
        {canEdit && (
          <details className="rounded-lg border border-dashed border-slate-400 bg-white p-4">
            <summary className={summaryButton}>Thêm danh hiệu, mô hình</summary>
            <div className="mt-3">
              <AchievementForm ward={ward.slug} term={term.slug} choices={choices(page, years)} />
            </div>
          </details>
        )}
      </section>
    </article>
  );
}

const choices = (page: GpmbPage, years: number[]) => ({
  years,
  groups: page.groups,
  programmes: page.programmes,
  defaultProgramme: page.landClearanceProgramme,
});

function ProjectCard({
  project: p,
  ward,
  term,
  years,
  canEdit,
}: {
  project: GpmbProject;
  ward: string;
  term: string;
  years: number[];
  canEdit: boolean;
}) {
  const titleId = `du-an-${p.id}`;
  const entered = p.source.kind === "ENTRY";
  const taken = new Set(p.progress.map((y) => y.year));
  const freeYears = years.filter(
    (y) => !taken.has(y) && (p.startYear === null || y >= p.startYear) && (p.endYear === null || y <= p.endYear),
  );
  return (
    <article aria-labelledby={titleId} className="space-y-3 rounded-lg bg-white p-4 shadow-sm" data-project={p.name}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={titleId} className="text-lg font-semibold">
          {p.name}
        </h3>
        <RecordSource source={p.source} review={p.review} />
      </div>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
        <Fact label="Thời gian">{p.startYear || p.endYear ? `${p.startYear ?? "…"}–${p.endYear ?? "…"}` : dash}</Fact>
        <Fact label="Tình trạng">{PROJECT_STATUS_LABEL[p.status]}</Fact>
        <Fact label="Số hộ bị ảnh hưởng">{num(p.householdsAffected)}</Fact>
        <Fact label="Diện tích (m²)">{num(p.areaM2)}</Fact>
        <Fact label="Bồi thường, hỗ trợ">{money(p.compensationDong)}</Fact>
        <Fact label="Cưỡng chế">{num(p.forcedEnforcements)}</Fact>
      </dl>
      {p.note && <p className="text-sm text-slate-700">{p.note}</p>}

      <div className="relative overflow-x-auto">
        <table className="w-full min-w-[32rem] border-collapse text-sm">
          <caption className="py-1 text-left font-medium text-slate-800">Tiến độ theo năm</caption>
          <thead>
            <tr className="border-b border-slate-300 text-left text-slate-600">
              <th scope="col" className="py-1 pr-3 font-medium">
                Năm
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                Hộ đã bàn giao
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                Diện tích (m²)
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                Đã chi trả
              </th>
              <th scope="col" className="py-1 font-medium">
                Ghi chú
              </th>
            </tr>
          </thead>
          <tbody>
            {p.progress.length === 0 && (
              <tr>
                <td colSpan={5} className="py-1 text-slate-600">
                  Chưa nhập tiến độ năm nào.
                </td>
              </tr>
            )}
            {p.progress.map((y) => (
              <tr key={y.year} className="border-b border-slate-200 align-top">
                <th scope="row" className="py-1 pr-3 text-left font-normal">
                  {y.year} {y.review.state === "draft" && <DraftBadge />}
                </th>
                <td className="py-1 pr-3 text-right">{num(y.householdsHandedOver)}</td>
                <td className="py-1 pr-3 text-right">{num(y.areaM2)}</td>
                <td className="py-1 pr-3 text-right">{money(y.compensationDong)}</td>
                <td className="py-1">{y.note ?? ""}</td>
              </tr>
            ))}
          </tbody>
          {p.progress.length > 1 && (
            <tfoot>
              <tr className="font-medium">
                <th scope="row" className="py-1 pr-3 text-left">
                  Cộng
                </th>
                <td className="py-1 pr-3 text-right">{num(sum(p.progress.map((y) => y.householdsHandedOver)))}</td>
                <td className="py-1 pr-3 text-right">{num(sum(p.progress.map((y) => y.areaM2)))}</td>
                <td className="py-1 pr-3 text-right">{money(sum(p.progress.map((y) => y.compensationDong)))}</td>
                <td />
              </tr>
            </tfoot>
          )}
        </table>
      </div>

      {canEdit && (
        <div className="no-print space-y-2">
          {p.progress.map((y) => (
            <details key={y.id} className="rounded border border-slate-200 p-2">
              <summary className="cursor-pointer text-sm font-medium text-brand-700">Sửa tiến độ năm {y.year}</summary>
              <div className="mt-2 space-y-2">
                <ProgressForm ward={ward} projectId={p.id} projectName={p.name} progress={y} />
                <DeleteRecord
                  action={deleteLandClearanceProgress}
                  ward={ward}
                  id={y.id}
                  version={y.version}
                  what={`tiến độ năm ${y.year} của dự án “${p.name}”`}
                />
              </div>
            </details>
          ))}
          {freeYears.length > 0 && (
            <details className="rounded border border-slate-200 p-2">
              <summary className="cursor-pointer text-sm font-medium text-brand-700">Thêm tiến độ năm</summary>
              <div className="mt-2">
                <ProgressForm ward={ward} projectId={p.id} projectName={p.name} freeYears={freeYears} />
              </div>
            </details>
          )}
          {entered ? (
            <details className="rounded border border-slate-200 p-2">
              <summary className="cursor-pointer text-sm font-medium text-brand-700">Sửa dự án</summary>
              <div className="mt-2 space-y-2">
                <ProjectForm ward={ward} term={term} years={years} project={p} />
                <DeleteRecord
                  action={deleteLandClearanceProject}
                  ward={ward}
                  id={p.id}
                  version={p.version}
                  what={`dự án “${p.name}” và tiến độ các năm của nó`}
                />
              </div>
            </details>
          ) : (
            <p className="text-xs text-slate-600">
              Dự án lấy từ báo cáo: thông tin dự án giữ nguyên như báo cáo nêu; phường nhập tiến độ theo năm ở trên.
            </p>
          )}
        </div>
      )}
    </article>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex gap-2">
      <dt className="text-slate-600">{label}:</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}

function AchievementItem({
  achievement: a,
  page,
  years,
  canEdit,
}: {
  achievement: GpmbAchievement;
  page: GpmbPage;
  years: number[];
  canEdit: boolean;
}) {
  const details = [
    ACHIEVEMENT_KIND_LABEL[a.kind],
    ACHIEVEMENT_STATUS_LABEL[a.status],
    a.recognitionLevel ? `cấp ${LEVEL_LABEL[a.recognitionLevel]}` : null,
    a.subject?.shortName ?? null,
    a.programme ? `Chương trình ${a.programme.code}` : null,
  ].filter(Boolean);
  return (
    <li className="space-y-2 rounded-lg border-l-4 border-brand-600 bg-white p-3 shadow-sm" data-achievement={a.title}>
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="w-14 font-semibold tabular-nums">{a.year ?? "—"}</span>
        <span className="min-w-0 flex-1">
          {a.title}
          <span className="block text-xs text-slate-600">{details.join(" · ")}</span>
          {a.note && <span className="block text-xs text-slate-600">{a.note}</span>}
        </span>
        <RecordSource source={a.source} review={a.review} />
      </div>
      {canEdit &&
        (a.source.kind === "ENTRY" ? (
          <details className="no-print rounded border border-slate-200 p-2">
            <summary className="cursor-pointer text-sm font-medium text-brand-700">Sửa danh hiệu, mô hình</summary>
            <div className="mt-2 space-y-2">
              <AchievementForm
                ward={page.ward.slug}
                term={page.term.slug}
                choices={choices(page, years)}
                achievement={a}
              />
              <DeleteRecord
                action={deleteAchievement}
                ward={page.ward.slug}
                id={a.id}
                version={a.version}
                what={`“${a.title}”`}
              />
            </div>
          </details>
        ) : (
          <p className="no-print text-xs text-slate-600">Lấy từ báo cáo: không sửa trong ứng dụng.</p>
        ))}
    </li>
  );
}
