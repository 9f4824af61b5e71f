"use client";
import { useActionState } from "react";
import { type MailChoicesState, retryMail } from "@/lib/actions/mail";

export function RetryMailButton({ id }: { id: number }) {
  const [state, action, pending] = useActionState<MailChoicesState, FormData>(retryMail, null);
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending || state?.ok}
        className="rounded border border-brand-700 px-2 py-1 text-brand-800 hover:bg-brand-50 disabled:opacity-60"
      >
        {pending ? "Đang đưa vào hàng đợi…" : "Gửi lại"}
      </button>
      <div role="status" aria-live="polite">
        {state && <p className={state.ok ? "text-green-900" : "text-red-900"}>{state.message}</p>}
      </div>
    </form>
  );
}
