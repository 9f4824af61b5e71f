"use client";
import { type FormEvent, startTransition, useActionState, useId, useState } from "react";
import { useRouter } from "next/navigation";
import { type TargetImportState, applyTargetImport, previewTargetImport } from "@/lib/actions/targets";
import { retryable } from "@/lib/result";

const STATUS = { new: "Mới", changed: "Thay đổi", unchanged: "Không đổi", cleared: "Xóa", invalid: "Lỗi" } as const;
const input = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1";

/** Nhập chỉ tiêu từ tệp: Xem trước (writes nothing) → Áp dụng (the same file, all or nothing). */
export function TargetImport({ unit, term, programme }: { unit: string; term: string; programme: string }) {
  const id = useId();
  const router = useRouter();
  const [mode, setMode] = useState<"preview" | "apply">("preview");
  const [state, dispatch, pending] = useActionState<TargetImportState, FormData>(
    retryable(async (prev: TargetImportState, form: FormData) => {
      const r = form.get("fingerprint") ? await applyTargetImport(prev, form) : await previewTargetImport(prev, form);
      if (r.ok && form.get("fingerprint")) router.refresh();
      return r;
    }),
    null,
  );
  const preview = state?.ok ? state.data : undefined;
  const send = (form: HTMLFormElement | null, apply: boolean) => {
    if (!form) return;
    setMode(apply ? "apply" : "preview");
    const fd = new FormData(form);
    fd.set("fingerprint", apply && preview ? preview.fingerprint : "");
    startTransition(() => dispatch(fd));
  };
  const onPreview = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    send(e.currentTarget, false);
  };
  return (
    <form onSubmit={onPreview} aria-label="Nhập chỉ tiêu từ tệp" className="space-y-3">
      <input type="hidden" name="unit" value={unit} />
      <input type="hidden" name="term" value={term} />
      <input type="hidden" name="programme" value={programme} />
      <p className="text-sm text-slate-600">
        Tệp Excel (.xlsx, trang tính đầu) hoặc CSV với các cột <strong>Mã chỉ tiêu; Năm; Phường; Chỉ tiêu</strong>: Năm
        để trống hoặc “Cả nhiệm kỳ” cho chỉ tiêu cả nhiệm kỳ; Phường để trống cho chỉ tiêu chung của mọi phường.
      </p>
      <div className="grid gap-3 sm:grid-cols-3">
        <div>
          <label htmlFor={`${id}-file`} className="block text-sm font-medium">
            Tệp chỉ tiêu
          </label>
          <input id={`${id}-file`} name="file" type="file" accept=".xlsx,.csv" required className={input} />
        </div>
        <div>
          <label htmlFor={`${id}-src`} className="block text-sm font-medium">
            Văn bản giao chỉ tiêu
          </label>
          <input id={`${id}-src`} name="sourceTitle" required className={input} />
        </div>
        <div>
          <label htmlFor={`${id}-date`} className="block text-sm font-medium">
            Ngày văn bản
          </label>
          <input id={`${id}-date`} name="sourceDate" type="date" className={input} />
        </div>
      </div>
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded border border-brand-700 px-3 py-1 text-sm text-brand-800"
        >
          {pending && mode === "preview" ? "Đang đọc…" : "Xem trước"}
        </button>
        <button
          type="button"
          onClick={(e) => send(e.currentTarget.form, true)}
          disabled={pending || !preview?.canApply}
          className="rounded bg-brand-700 px-3 py-1 text-sm font-medium text-white disabled:opacity-60"
        >
          {pending && mode === "apply" ? "Đang áp dụng…" : "Áp dụng"}
        </button>
      </div>
      <div role="status" aria-live="polite" className="text-sm">
        {state?.ok && <p className="rounded bg-green-50 p-2 text-green-900">{state.message}</p>}
        {state && !state.ok && <p className="rounded bg-red-50 p-2 text-red-900">{state.message}</p>}
      </div>
      {preview && (
        <table className="min-w-full text-sm">
          <caption className="sr-only">Xem trước tệp chỉ tiêu</caption>
          <thead>
            <tr className="bg-slate-100 text-left">
              <th scope="col" className="p-1">
                Dòng
              </th>
              <th scope="col" className="p-1">
                Ô
              </th>
              <th scope="col" className="p-1">
                Trạng thái
              </th>
              <th scope="col" className="p-1">
                Cũ → mới
              </th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.row} className="border-t border-slate-200">
                <td className="p-1">{r.row}</td>
                <td className="p-1">{r.label}</td>
                <td className="p-1">{STATUS[r.status]}</td>
                <td className="p-1">{r.message ?? `${r.before ?? "—"} → ${r.after ?? "—"}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </form>
  );
}
