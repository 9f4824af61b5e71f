"use client";
// "Đã xem" on a refused unlock request in the official's inbox: the item leaves the inbox once read.
import { useActionState } from "react";
import { markRefusalSeenAction } from "@/lib/actions/unlock-requests";
import { retryable } from "@/lib/result";

export function RefusalSeenButton(props: { ward: string; year: number; programme: string; request: number }) {
  const [state, action, pending] = useActionState(retryable(markRefusalSeenAction), null);
  return (
    <form action={action} className="shrink-0">
      <input type="hidden" name="ward" value={props.ward} />
      <input type="hidden" name="year" value={props.year} />
      <input type="hidden" name="programme" value={props.programme} />
      <input type="hidden" name="request" value={props.request} />
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-slate-400 px-3 py-1 text-sm text-slate-800 hover:bg-slate-50 disabled:opacity-60"
      >
        {pending ? "Đang lưu…" : "Đã xem"}
      </button>
      {state && !state.ok && (
        <p role="alert" className="mt-1 rounded bg-red-50 p-1 text-sm text-red-900">
          {state.message}
        </p>
      )}
    </form>
  );
}
