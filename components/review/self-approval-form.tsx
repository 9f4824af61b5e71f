"use client";
import { useActionState, useId } from "react";
import { type SelfApprovalState, saveSelfApprovalSetting } from "@/lib/actions/review";

const CHOICES = [
  { value: "refuse", label: "Không cho phép: người gửi duyệt không được tự duyệt (người duyệt phải là người khác)" },
  { value: "allow", label: "Cho phép người đã gửi duyệt tự duyệt (phường chỉ có một người giữ cả hai vai trò)" },
  { value: "inherit", label: "Theo quy định của cấp trên" },
] as const;

/** District staff (or administrators) set the four-eyes rule of the wards of their district. */
export function SelfApprovalForm({ unit, own }: { unit: string; own: boolean | null }) {
  const [state, action, pending] = useActionState<SelfApprovalState, FormData>(saveSelfApprovalSetting, null);
  const id = useId();
  const current = state?.ok && state.data ? state.data.allowSelfApproval : own;
  const checked = current === null ? "inherit" : current ? "allow" : "refuse";
  return (
    <form action={action} className="no-print space-y-2" aria-labelledby={`${id}-legend`}>
      <input type="hidden" name="unit" value={unit} />
      <fieldset className="space-y-1">
        <legend id={`${id}-legend`} className="text-sm font-medium">
          Quy định duyệt số liệu của các phường
        </legend>
        {CHOICES.map((c) => (
          <label key={c.value} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="allowSelfApproval"
              value={c.value}
              defaultChecked={checked === c.value}
              className="mt-1"
            />
            <span>{c.label}</span>
          </label>
        ))}
      </fieldset>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "Đang lưu…" : "Lưu quy định duyệt"}
      </button>
      <div role="status" aria-live="polite" className="text-sm">
        {state?.ok && <p className="rounded bg-green-50 p-2 text-green-900">{state.message}</p>}
        {state && !state.ok && <p className="rounded bg-red-50 p-2 text-red-900">{state.message}</p>}
      </div>
    </form>
  );
}
