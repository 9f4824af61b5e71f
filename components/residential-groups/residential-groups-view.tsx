import Link from "next/link";
import type { ResidentialGroupsView as View } from "@/lib/data/residential-groups";
import { DemoBadge } from "@/components/ui/demo-badge";
import { HeatMap } from "./heat-map";
import { IndicatorForm } from "./indicator-form";
import { RankedGroups } from "./ranked-groups";
import { WardFigure } from "./ward-figure";

/** /{ward}/residential-groups: one indicator across the ward's residential groups. */
export function ResidentialGroupsView({ view, termQuery }: { view: View; termQuery: string | null }) {
  const { ward, term, indicator, groups, year, requestedYear, hasDemo } = view;
  return (
    <article className="dashboard space-y-6">
      <header className="space-y-2">
        <nav aria-label="Đường dẫn" className="no-print text-sm text-slate-600">
          <Link
            href={`/${ward.slug}${termQuery ? `?term=${termQuery}` : ""}`}
            className="underline-offset-2 hover:underline"
          >
            {ward.name}
          </Link>{" "}
          <span aria-hidden="true">›</span> Tổ dân phố
        </nav>
        <p className="text-sm text-slate-600">{term.name}</p>
        <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">Tổ dân phố · {ward.name}</h1>
        <p className="max-w-3xl text-slate-700">
          Kết quả của {groups.length} tổ dân phố theo từng chỉ tiêu được thu thập ở cấp tổ: xếp hạng các tổ, bản đồ
          nhiệt theo năm và con số của phường để đối chiếu.
        </p>
        {hasDemo && (
          <p
            className="flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
            role="note"
          >
            <DemoBadge /> Phần lớn số liệu theo tổ dân phố trên trang này là dữ liệu minh họa (tạo tự động), được gạch
            chéo. Số liệu lấy từ báo cáo có viền cam, chữ BC và ghi nguồn.
          </p>
        )}
      </header>

      <IndicatorForm view={view} termQuery={termQuery} />

      <div className="space-y-1">
        <p className="text-lg font-semibold text-slate-900" data-testid="current-view">
          {indicator.name}
          {year !== null && <span className="font-normal text-slate-700"> · năm {year}</span>}
        </p>
        {indicator.description && <p className="text-sm text-slate-600">{indicator.description}</p>}
        {requestedYear !== null && (
          <p className="text-sm text-amber-900" role="status">
            Chỉ tiêu này chưa có số liệu năm {requestedYear}; đang hiển thị năm {year}.
          </p>
        )}
      </div>

      {year === null ? (
        <p className="rounded-lg bg-white p-4 text-slate-700">
          Chưa có số liệu của các tổ dân phố cho chỉ tiêu này trong nhiệm kỳ.
        </p>
      ) : (
        <>
          <div className="grid min-w-0 gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] lg:items-start">
            <div className="min-w-0">
              <RankedGroups view={view} termQuery={termQuery} />
            </div>
            <div className="min-w-0 lg:sticky lg:top-4">
              <WardFigure view={view} />
            </div>
          </div>
          <HeatMap view={view} termQuery={termQuery} />
        </>
      )}
    </article>
  );
}
