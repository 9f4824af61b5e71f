"use client";
import type { Draft } from "@/lib/domain/entry-grid";
import { formatDateTime } from "@/lib/format/date-time";

/** Offers back the edits kept on this computer that were never saved (after a reload or a crash). */
export function DraftBanner({
  draft,
  onRestore,
  onDiscard,
}: {
  draft: Draft;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  const n = Object.keys(draft.rows).length;
  return (
    <div
      role="region"
      aria-label="Bản nháp chưa lưu"
      className="no-print flex flex-wrap items-center gap-3 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950"
    >
      <p className="min-w-0 flex-1">
        Trên máy này còn {n} ô đã gõ nhưng chưa lưu (lúc {formatDateTime(draft.savedAt)}). Khôi phục để tiếp tục?
      </p>
      <button
        type="button"
        onClick={onRestore}
        className="rounded bg-amber-700 px-3 py-1.5 font-medium text-white hover:bg-amber-800"
      >
        Khôi phục
      </button>
      <button
        type="button"
        onClick={onDiscard}
        className="rounded border border-amber-700 px-3 py-1.5 text-amber-900 hover:bg-amber-100"
      >
        Bỏ qua
      </button>
    </div>
  );
}
