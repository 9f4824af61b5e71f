import Link from "next/link";
import type { EntryGrid } from "@/lib/domain/entry-grid";
import { PROGRESS_LABEL } from "@/lib/domain/submission-workflow";

/** Title, where the page sits, the other years of the term and the other grid of the programme. */
export function EntryHeader({
  grid,
  page,
  canEdit,
  locked,
}: {
  grid: EntryGrid;
  page: "phuong" | "to-dan-pho";
  canEdit: boolean;
  locked: string | null;
}) {
  const base = `/${grid.ward.slug}/nhap-lieu`;
  const years = Array.from({ length: grid.term.endYear - grid.term.startYear + 1 }, (_, i) => grid.term.startYear + i);
  const suffix = page === "to-dan-pho" ? "/to-dan-pho" : "";
  return (
    <header className="space-y-2">
      <p className="text-sm text-slate-600">
        <Link href={`/${grid.ward.slug}`} className="underline">
          {grid.ward.name}
        </Link>{" "}
        · {grid.term.name} · Chương trình {grid.programme.code}
      </p>
      <h1 className="text-2xl font-bold text-brand-800">
        {/* a reviewer or reader does not enter figures here */}
        {canEdit ? "Nhập số liệu" : "Số liệu"} năm {grid.year}
        {page === "to-dan-pho" ? " theo tổ dân phố" : ""}
      </h1>
      <p className="max-w-3xl text-sm text-slate-700">{grid.programme.title}</p>
      <p className="text-sm">
        {/* the same words as the review panel's badge: a year nobody has saved yet is not "being entered" */}
        Tình trạng:{" "}
        <strong data-testid="submission-status">
          {PROGRESS_LABEL[grid.submission.version === 0 ? "NOT_STARTED" : grid.submission.status]}
        </strong>
      </p>
      {locked && (
        <p
          role="note"
          className="rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950"
          data-testid="locked-reason"
        >
          {locked}
        </p>
      )}
      {!canEdit && !locked && (
        <p role="note" className="rounded border border-slate-300 bg-slate-100 p-3 text-sm text-slate-800">
          Bạn chỉ có quyền xem: chỉ cán bộ phường được nhập và sửa số liệu.
        </p>
      )}
      <nav aria-label="Năm và bảng nhập" className="no-print flex flex-wrap gap-2 text-sm">
        {years.map((y) => (
          <Link
            key={y}
            href={`${base}/${y}/${grid.programme.slug}${suffix}`}
            aria-current={y === grid.year ? "page" : undefined}
            className={`rounded border px-2 py-1 ${y === grid.year ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white hover:bg-slate-100"}`}
          >
            {y}
          </Link>
        ))}
        {page === "phuong" && grid.groupIndicators.length > 0 && (
          <Link
            href={`${base}/${grid.year}/${grid.programme.slug}/to-dan-pho`}
            className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100"
          >
            Nhập theo tổ dân phố
          </Link>
        )}
        {page === "to-dan-pho" && (
          <Link
            href={`${base}/${grid.year}/${grid.programme.slug}`}
            className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100"
          >
            Số liệu của phường
          </Link>
        )}
        {canEdit && !locked ? (
          <Link
            href={`${base}/${grid.year}/${grid.programme.slug}/nhap-tep`}
            className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100"
          >
            Nhập từ Excel, CSV
          </Link>
        ) : (
          <a
            href={`/api/entry/${grid.ward.slug}/${grid.year}/${grid.programme.slug}/export?format=xlsx`}
            download
            className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100"
          >
            Tải Excel
          </a>
        )}
      </nav>
    </header>
  );
}
