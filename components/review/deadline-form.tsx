"use client";
import { type FormEvent, startTransition, useActionState, useId } from "react";
import { type DeadlineState, saveDeadline } from "@/lib/actions/review";
import { formatDate } from "@/lib/format/vi";
import { retryable } from "@/lib/result";
import { useLatestVersion } from "@/components/ui/use-latest-version";

/** District staff set when the wards' figures of a year are due. Keyed by district and year where used, so a save's answer never outlives its year. */
export function DeadlineForm({
  district,
  year,
  dueOn,
  version,
}: {
  district: string;
  year: number;
  dueOn: string | null;
  version: number;
}) {
  const [state, action, pending] = useActionState<DeadlineState, FormData>(retryable(saveDeadline), null);
  // dispatched by hand: React resets a form after a form action, which would drop a refused date
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    startTransition(() => action(fd));
  };
  const id = useId();
  const error = state && !state.ok ? (state.fieldErrors?.dueOn?.[0] ?? state.message) : null;
  // saved again before the page's refresh arrives: the last save's answer knows the newer version
  const current = useLatestVersion(version, state?.ok ? state.data?.version : null);
  return (
    <form
      onSubmit={onSubmit}
      className="no-print flex flex-wrap items-end gap-3"
      aria-label={`Đặt hạn nộp số liệu năm ${year}`}
    >
      <input type="hidden" name="district" value={district} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="version" value={current} />
      <div>
        <label htmlFor={`${id}-due`} className="block text-sm font-medium">
          Hạn nộp số liệu năm {year}
        </label>
        <input
          id={`${id}-due`}
          name="dueOn"
          // text, not type="date": a date input shows the browser's order (mm/dd/yyyy in English)
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder="dd/mm/yyyy"
          required
          defaultValue={dueOn ? formatDate(dueOn) : ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          className="mt-1 rounded border border-slate-400 bg-white px-2 py-1"
        />
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          Ngày/tháng/năm, ví dụ 31/03/{year + 1}. Hết ngày này (giờ Việt Nam) mà phường chưa gửi duyệt thì tính là trễ
          hạn.
        </p>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "Đang lưu…" : "Lưu hạn nộp"}
      </button>
      <div role="status" aria-live="polite" className="basis-full text-sm">
        {state?.ok && <p className="rounded bg-green-50 p-2 text-green-900">{state.message}</p>}
        {error && (
          <p id={`${id}-error`} className="rounded bg-red-50 p-2 text-red-900">
            {error}
          </p>
        )}
      </div>
    </form>
  );
}
