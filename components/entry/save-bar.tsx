"use client";
// The sticky bar under the grid: unsaved changes, what the last save said, and "Lưu nháp".
import type { SaveStatus } from "./use-entry";

const TONE: Record<NonNullable<SaveStatus>["kind"], string> = {
  ok: "text-green-800",
  info: "text-slate-700",
  error: "text-red-800",
  offline: "text-red-800",
  session: "text-red-800",
  locked: "text-amber-900",
};

export function SaveBar({
  changed,
  status,
  pending,
  disabled,
  signInHref,
}: {
  changed: number;
  status: SaveStatus;
  pending: boolean;
  disabled: boolean;
  signInHref: string;
}) {
  return (
    <div
      data-save-bar
      className="no-print sticky bottom-0 z-20 -mx-4 mt-4 border-t border-slate-300 bg-white/95 px-4 py-3 shadow-[0_-2px_6px_rgba(0,0,0,0.06)] sm:-mx-6 sm:px-6"
    >
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={disabled || pending}
          className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:cursor-not-allowed disabled:bg-slate-400"
        >
          {pending ? "Đang lưu…" : "Lưu nháp"}
        </button>
        <span className="text-sm text-slate-700" data-testid="unsaved-count">
          {changed > 0 ? `${changed} ô đã sửa, chưa lưu` : "Không có thay đổi chưa lưu"}
        </span>
        <p
          role="status"
          aria-live="polite"
          className={`min-w-0 flex-1 text-sm ${status ? TONE[status.kind] : ""}`}
          data-testid="save-status"
        >
          {status?.text}
          {status?.kind === "session" && (
            <>
              {" "}
              <a href={signInHref} target="_blank" rel="noopener" className="font-medium underline">
                Đăng nhập lại (mở thẻ mới)
              </a>
            </>
          )}
        </p>
      </div>
    </div>
  );
}
