"use client";
import { useActionState, useId } from "react";
import { type MailChoicesState, saveMailChoices } from "@/lib/actions/mail";
import { MAIL_KIND_LABELS } from "@/lib/format/labels";
import type { MailKind } from "@/lib/generated/prisma/enums";

/** The person's own e-mail choices: one box per kind of notice (the inbox shows them all the same). */
export function MailChoicesForm({ kinds, receiving }: { kinds: readonly MailKind[]; receiving: readonly MailKind[] }) {
  const [state, action, pending] = useActionState<MailChoicesState, FormData>(saveMailChoices, null);
  const id = useId();
  return (
    <form action={action} className="space-y-2" aria-labelledby={`${id}-legend`}>
      <fieldset className="space-y-1">
        <legend id={`${id}-legend`} className="text-sm font-medium">
          Nhận thư điện tử khi
        </legend>
        {kinds.map((kind) => (
          <label key={kind} className="flex items-start gap-2 text-sm">
            <input type="checkbox" name={kind} defaultChecked={receiving.includes(kind)} className="mt-1" />
            <span>{MAIL_KIND_LABELS[kind]}</span>
          </label>
        ))}
      </fieldset>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "Đang lưu…" : "Lưu lựa chọn"}
      </button>
      <div role="status" aria-live="polite" className="text-sm">
        {state?.ok && <p className="rounded bg-green-50 p-2 text-green-900">{state.message}</p>}
        {state && !state.ok && <p className="rounded bg-red-50 p-2 text-red-900">{state.message}</p>}
      </div>
    </form>
  );
}
