"use client";
import { type FormEvent, startTransition, useActionState, useId } from "react";
import { type ParagraphResult, saveParagraph } from "@/lib/actions/report-paragraphs";
import { retryable } from "@/lib/result";

/** One paragraph the ward types into its report; keyed by period and kind where used. */
export function ParagraphForm({
  ward,
  term,
  year,
  kind,
  label,
  text,
  version,
}: {
  ward: string;
  term: string;
  year: number | null;
  kind: string;
  label: string;
  text: string;
  version: number;
}) {
  const [state, action, pending] = useActionState<ParagraphResult | null, FormData>(retryable(saveParagraph), null);
  // dispatched by hand: React resets a form after a form action, which would drop refused text
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    startTransition(() => action(fd));
  };
  const id = useId();
  const current = Math.max(version, state?.data?.version ?? 0);
  const other = state && !state.ok && state.code === "conflict" ? state.data?.current : null;
  return (
    <form onSubmit={onSubmit} className="no-print space-y-1" aria-label={label}>
      <input type="hidden" name="ward" value={ward} />
      <input type="hidden" name="term" value={term} />
      <input type="hidden" name="year" value={year ?? ""} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="version" value={current} />
      <label htmlFor={`${id}-text`} className="block font-medium">
        {label}
      </label>
      <textarea
        id={`${id}-text`}
        name="text"
        rows={5}
        maxLength={20000}
        defaultValue={text}
        aria-invalid={state && !state.ok ? true : undefined}
        aria-describedby={state?.message ? `${id}-msg` : undefined}
        className="w-full rounded border border-slate-400 bg-white px-2 py-1"
      />
      {other && (
        <div className="rounded border border-amber-500 bg-amber-50 p-2 text-sm">
          <p className="font-medium">Nội dung người khác đã lưu:</p>
          <p className="whitespace-pre-wrap">{other.text}</p>
        </div>
      )}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? "Đang lưu…" : "Lưu đoạn văn"}
        </button>
        {state?.message && (
          <p
            id={`${id}-msg`}
            role={state.ok ? "status" : "alert"}
            className={state.ok ? "text-sm text-green-800" : "text-sm text-red-800"}
          >
            {state.message}
          </p>
        )}
      </div>
    </form>
  );
}
