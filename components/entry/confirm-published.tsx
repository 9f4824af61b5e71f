"use client";
// "Xác nhận số liệu đã công bố": where the form starts from figures already published for the year
// (a report's), the official takes them all over as this year's entries in one ordinary save
// (versioned, audited) instead of retyping each. Cells the person has edited are saved first.
import { useState, useTransition } from "react";
import { confirmPublished, type SaveEntryData } from "@/lib/actions/entry";
import type { EntryGrid } from "@/lib/domain/entry-grid";
import { formatNumber } from "@/lib/format/vi";

type Props = {
  grid: EntryGrid;
  page: "ward" | "groups";
  /** the editable cells still showing a published figure, not entered */
  pending: number;
  /** unsaved edits on screen: they must be saved (or dropped) first */
  unsaved: number;
  onSaved: (data: SaveEntryData | undefined) => void;
};

export function ConfirmPublished({ grid, page, pending, unsaved, onSaved }: Props) {
  const [busy, startTransition] = useTransition();
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  if (pending === 0 && !said) return null;

  const confirm = () =>
    startTransition(async () => {
      const form = new FormData();
      form.set("ward", grid.ward.slug);
      form.set("year", String(grid.year));
      form.set("programme", grid.programme.slug);
      form.set("page", page);
      try {
        const result = await confirmPublished(null, form);
        if (result.ok) onSaved(result.data);
        setSaid({ ok: result.ok, text: result.message ?? (result.ok ? "Đã xác nhận." : "Chưa xác nhận được.") });
      } catch {
        setSaid({ ok: false, text: "Không gửi được đến máy chủ: chưa xác nhận. Hãy thử lại." });
      }
    });

  const n = formatNumber(String(pending));
  return (
    <section
      {...(pending > 0 ? { "aria-labelledby": "xac-nhan-cong-bo" } : { "aria-label": "Xác nhận số liệu đã công bố" })}
      className="no-print space-y-2 rounded-lg border border-sky-300 bg-sky-50 p-3 text-sm"
      data-testid="confirm-published"
    >
      {pending > 0 && (
        <>
          <h2 id="xac-nhan-cong-bo" className="font-semibold text-slate-900">
            {n} ô đang hiện số liệu đã công bố, chưa xác nhận là số liệu năm {grid.year} của phường
          </h2>
          <p className="text-slate-700">
            Các ô này đã có số liệu (thường từ báo cáo) nên không bị tính là còn thiếu. Nếu đúng, xác nhận một lần để
            lưu chúng thành số liệu phường nhập (lưu nháp, có ghi lịch sử); ô nào khác thì sửa ô đó.
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <button
              type="button"
              onClick={confirm}
              disabled={busy || unsaved > 0}
              className="rounded bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800 disabled:cursor-not-allowed disabled:bg-slate-400"
            >
              {busy ? "Đang xác nhận…" : `Xác nhận ${n} số liệu đã công bố`}
            </button>
            {unsaved > 0 && <span className="text-slate-700">Hãy bấm “Lưu nháp” các ô đã sửa trước.</span>}
          </div>
        </>
      )}
      {said && (
        <p role="status" className={said.ok ? "text-green-800" : "text-red-800"} data-testid="confirm-published-status">
          {said.text}
        </p>
      )}
    </section>
  );
}

/** How many of `keys` still show a published figure that was never entered (version 0). */
export function publishedOnlyCount(grid: EntryGrid, keys: string[], versions: Record<string, number>): number {
  return keys.filter((k) => {
    const cell = grid.cells[k];
    return cell?.origin.kind === "published" && cell.value !== null && (versions[k] ?? 0) === 0;
  }).length;
}
