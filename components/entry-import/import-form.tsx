"use client";

import Link from "next/link";
import { type FormEvent, startTransition, useActionState, useState } from "react";
import { type ImportView, applyEntryImport, previewEntryImport } from "@/lib/actions/entry-import";
import { type ActionResult, retryable } from "@/lib/result";
import { IMPORT_LIMITS } from "@/lib/domain/entry-template";
import { PreviewTable } from "./preview-table";

type Props = { ward: string; year: number; programme: string; entryUrl: string };

/**
 * One form, two actions: "Xem trước" reads the file and writes nothing; "Áp dụng" sends the same
 * file again with the preview's fingerprint. Choosing another file hides the old preview. The
 * actions are dispatched by hand, not as form actions: React resets a form after a form action,
 * which would empty the file input between "Xem trước" and "Áp dụng".
 */
export function ImportForm({ ward, year, programme, entryUrl }: Props) {
  const [preview, previewAction, previewing] = useActionState<ActionResult<ImportView> | undefined, FormData>(
    retryable(previewEntryImport),
    undefined,
  );
  const [applied, applyAction, applying] = useActionState<ActionResult<ImportView> | undefined, FormData>(
    retryable(applyEntryImport),
    undefined,
  );
  const [last, setLast] = useState<"preview" | "apply" | null>(null);
  const [tooBig, setTooBig] = useState(false);

  const shown = last === "apply" ? applied : last === "preview" ? preview : undefined;
  const canApply = last === "preview" && preview?.ok && preview.data?.canApply;
  const busy = previewing || applying;
  // a preview with bad rows is an answer, not a failure of the request, but it is still a problem
  const good = !!shown?.ok && (shown.data ? shown.data.counts.invalid + shown.data.counts.conflict === 0 : true);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(e.currentTarget, submitter);
    const intent = data.get("intent") === "apply" ? "apply" : "preview";
    setLast(intent);
    startTransition(() => (intent === "apply" ? applyAction : previewAction)(data));
  }

  return (
    <section aria-labelledby="tai-len" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="tai-len" className="text-lg font-semibold text-slate-900">
        2. Tải tệp đã điền lên
      </h2>
      <form className="space-y-3" encType="multipart/form-data" onSubmit={submit}>
        <input type="hidden" name="ward" value={ward} />
        <input type="hidden" name="year" value={year} />
        <input type="hidden" name="programme" value={programme} />
        {canApply && <input type="hidden" name="fingerprint" value={preview.data!.fingerprint} />}
        <div className="flex flex-col gap-1">
          <label htmlFor="import-file" className="text-sm font-medium text-slate-800">
            Tệp Excel (.xlsx) hoặc CSV, tối đa {IMPORT_LIMITS.bytes / 1048576} MB
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            required
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            aria-describedby="import-file-help"
            className="block w-full max-w-md text-sm text-slate-900 file:mr-3 file:rounded file:border file:border-slate-400 file:bg-white file:px-3 file:py-1.5"
            onChange={(e) => {
              setLast(null);
              setTooBig((e.currentTarget.files?.[0]?.size ?? 0) > IMPORT_LIMITS.bytes);
            }}
          />
          <p id="import-file-help" className="text-xs text-slate-600">
            Chưa ghi gì cho đến khi bấm “Áp dụng”.
          </p>
          {tooBig && (
            <p role="alert" className="text-sm text-red-800">
              Tệp quá lớn; tối đa {IMPORT_LIMITS.bytes / 1048576} MB.
            </p>
          )}
        </div>
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            name="intent"
            value="preview"
            disabled={busy || tooBig}
            className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
          >
            {previewing ? "Đang đọc tệp…" : "Xem trước"}
          </button>
          {canApply && (
            <button
              type="submit"
              name="intent"
              value="apply"
              disabled={busy}
              className="rounded bg-green-700 px-4 py-2 text-sm font-medium text-white hover:bg-green-800 disabled:opacity-60"
            >
              {applying ? "Đang ghi…" : "Áp dụng"}
            </button>
          )}
        </div>
      </form>

      <div aria-live="polite" className="space-y-3">
        {shown?.message && (
          <p
            role={good ? "status" : "alert"}
            className={`rounded p-3 text-sm ${good ? "bg-green-50 text-green-900" : "bg-red-50 text-red-900"}`}
          >
            {shown.message}
          </p>
        )}
        {shown?.ok && last === "apply" && (shown.data?.applied ?? 0) > 0 && (
          <p className="text-sm">
            <Link href={entryUrl} className="font-medium text-brand-800 underline">
              Mở trang nhập liệu để xem và gửi số liệu
            </Link>
          </p>
        )}
        {shown?.data && shown.data.rows.length > 0 && <PreviewTable view={shown.data} />}
      </div>
    </section>
  );
}
