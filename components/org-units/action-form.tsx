"use client";
import { type FormEvent, type ReactNode, startTransition, useActionState } from "react";
import {
  type OrgUnitState,
  createOrgUnitAction,
  mergeOrgUnitsAction,
  moveOrgUnitAction,
  renameOrgUnitAction,
  retireOrgUnitAction,
  saveOrgUnitYearAction,
  splitOrgUnitAction,
} from "@/lib/actions/org-units";
import { retryable } from "@/lib/result";

const ACTIONS = {
  create: createOrgUnitAction,
  rename: renameOrgUnitAction,
  retire: retireOrgUnitAction,
  year: saveOrgUnitYearAction,
  merge: mergeOrgUnitsAction,
  split: splitOrgUnitAction,
  move: moveOrgUnitAction,
} as const;

/**
 * One administrator's form on org units: its fields (children), the answer below it. Dispatched
 * by hand so that a refused form keeps what was typed (React resets a form after a form action).
 */
export function OrgUnitActionForm({
  action,
  title,
  submit,
  labels,
  hidden,
  children,
}: {
  action: keyof typeof ACTIONS;
  title: string;
  submit: string;
  /** field name → its label, to name the field of each error */
  labels: Record<string, string>;
  hidden: Record<string, string | number>;
  children: ReactNode;
}) {
  const [state, dispatch, pending] = useActionState<OrgUnitState, FormData>(retryable(ACTIONS[action]), null);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    startTransition(() => dispatch(fd));
  };
  const errors = state && !state.ok ? Object.entries(state.fieldErrors ?? {}) : [];
  return (
    <form
      onSubmit={onSubmit}
      aria-label={title}
      className="no-print space-y-3 rounded border border-slate-300 bg-white p-4"
    >
      <h3 className="font-semibold">{title}</h3>
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <div className="grid gap-3 sm:grid-cols-2">{children}</div>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "Đang lưu…" : submit}
      </button>
      <div role="status" aria-live="polite" className="text-sm">
        {state?.ok && <p className="rounded bg-green-50 p-2 text-green-900">{state.message}</p>}
        {state && !state.ok && (
          <div className="rounded bg-red-50 p-2 text-red-900">
            <p>{state.message}</p>
            {errors.length > 0 && (
              <ul className="list-disc pl-5">
                {errors.map(([field, messages]) => (
                  <li key={field}>
                    {labels[field] ?? field}: {messages.join(" ")}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </form>
  );
}
