"use client";
import { type FormEvent, startTransition, useActionState, useId } from "react";
import { useRouter } from "next/navigation";
import { type TargetGridState, saveTargetGridAction } from "@/lib/actions/targets";
import { retryable } from "@/lib/result";

export type GridCell = { key: string; text: string; version: number; hint?: string };
export type GridRow = { label: string; sub?: boolean; unit?: string; cells: GridCell[] };

const input = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1";

/**
 * The targets of a programme as a grid (indicators × years, or wards × years of one indicator). Each
 * cell takes "≥ 90", "≤ 0", "trên 500" or a plain number; an emptied cell removes the target. Saved
 * together with the document that set them; only changed cells are written.
 */
export function TargetGridForm({
  unit,
  term,
  programme,
  caption,
  columns,
  rows,
}: {
  unit: string;
  term: string;
  programme: string;
  caption: string;
  columns: string[];
  rows: GridRow[];
}) {
  const router = useRouter();
  const id = useId();
  const [state, dispatch, pending] = useActionState<TargetGridState, FormData>(
    retryable(async (prev: TargetGridState, form: FormData) => {
      const r = await saveTargetGridAction(prev, form);
      if (r.ok) router.refresh();
      return r;
    }),
    null,
  );
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    startTransition(() => dispatch(fd));
  };
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} aria-label={caption} className="space-y-3">
      <input type="hidden" name="unit" value={unit} />
      <input type="hidden" name="term" value={term} />
      <input type="hidden" name="programme" value={programme} />
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="sm:col-span-2">
          <label htmlFor={`${id}-src`} className="block text-sm font-medium">
            Văn bản giao chỉ tiêu
          </label>
          <input
            id={`${id}-src`}
            name="sourceTitle"
            required
            placeholder="Nghị quyết Đại hội Đảng bộ phường nhiệm kỳ 2025–2030"
            className={input}
            aria-invalid={errors.sourceTitle ? true : undefined}
          />
        </div>
        <div>
          <label htmlFor={`${id}-date`} className="block text-sm font-medium">
            Ngày văn bản
          </label>
          <input id={`${id}-date`} name="sourceDate" type="date" className={input} />
        </div>
      </div>
      <p className="text-sm text-slate-600">
        Mỗi ô ghi dấu so sánh và số, ví dụ <code>≥ 90</code>, <code>≤ 0</code>, <code>trên 500</code>; không ghi dấu thì
        theo chiều của chỉ tiêu. Xóa trắng ô để bỏ chỉ tiêu.
      </p>
      <div className="overflow-x-auto">
        <table className="min-w-full border-collapse text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="sticky left-0 bg-slate-100 p-2 text-left">
                Chỉ tiêu
              </th>
              {columns.map((c) => (
                <th key={c} scope="col" className="bg-slate-100 p-2 text-left">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label} className="border-t border-slate-200">
                <th scope="row" className={`sticky left-0 bg-white p-2 text-left font-normal ${r.sub ? "pl-6" : ""}`}>
                  {r.label}
                  {r.unit && <span className="text-slate-600"> ({r.unit})</span>}
                </th>
                {r.cells.map((c, i) => (
                  <td key={c.key} className="p-1">
                    <input type="hidden" name={`v:${c.key}`} value={c.version} />
                    <input
                      name={`c:${c.key}`}
                      defaultValue={c.text}
                      aria-label={`${r.label}, ${columns[i]}`}
                      placeholder={c.hint}
                      aria-invalid={errors[`c:${c.key}`] ? true : undefined}
                      className="w-28 rounded border border-slate-400 bg-yellow-50 px-2 py-1"
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "Đang lưu…" : "Lưu chỉ tiêu"}
      </button>
      <div role="status" aria-live="polite" className="text-sm">
        {state?.ok && <p className="rounded bg-green-50 p-2 text-green-900">{state.message}</p>}
        {state && !state.ok && <p className="rounded bg-red-50 p-2 text-red-900">{state.message}</p>}
      </div>
    </form>
  );
}
