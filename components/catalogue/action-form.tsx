"use client";
import { type FormEvent, type ReactNode, startTransition, useActionState, useId } from "react";
import { useRouter } from "next/navigation";
import type { CatalogueState } from "@/lib/actions/catalogue";
import { retryable } from "@/lib/result";

type Action = (prev: CatalogueState, form: FormData) => Promise<NonNullable<CatalogueState>>;

/**
 * One catalogue form: posts to its server action, shows the answer (success or the Vietnamese reason
 * of a refusal) next to the button, and refreshes the page after a success so versions are current.
 * Dispatched by hand so that a refused form keeps what was typed.
 */
export function ActionForm({
  action,
  label,
  submit,
  pendingLabel = "Đang lưu…",
  confirm,
  className = "",
  buttonClassName = "rounded bg-brand-700 px-3 py-1 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60",
  children,
}: {
  action: Action;
  /** accessible name of the form */
  label: string;
  submit: ReactNode;
  pendingLabel?: string;
  /** asked before sending (deletions) */
  confirm?: string;
  className?: string;
  buttonClassName?: string;
  children?: ReactNode;
}) {
  const router = useRouter();
  const [state, dispatch, pending] = useActionState<CatalogueState, FormData>(
    retryable(async (prev: CatalogueState, form: FormData) => {
      const result = await action(prev, form);
      if (result.ok) router.refresh();
      return result;
    }),
    null,
  );
  const id = useId();
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (confirm && !window.confirm(confirm)) return;
    const fd = new FormData(e.currentTarget);
    startTransition(() => dispatch(fd));
  };
  return (
    <form onSubmit={onSubmit} aria-label={label} className={className} aria-describedby={`${id}-status`}>
      {children}
      <button type="submit" disabled={pending} className={buttonClassName}>
        {pending ? pendingLabel : submit}
      </button>
      <div id={`${id}-status`} role="status" aria-live="polite" className="basis-full text-sm">
        {state?.ok && state.message && <p className="mt-1 rounded bg-green-50 p-2 text-green-900">{state.message}</p>}
        {state && !state.ok && <p className="mt-1 rounded bg-red-50 p-2 text-red-900">{state.message}</p>}
      </div>
    </form>
  );
}
