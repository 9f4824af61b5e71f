"use client";
// A ward official's request to unlock approved figures, and its refusal by those who may unlock
// them: small forms that keep what was typed when refused, and show the server's answer.
import { useActionState, useId, useState } from "react";
import { type UnlockRequestState, refuseUnlockAction, requestUnlockAction } from "@/lib/actions/unlock-requests";
import { MAX_COMMENT_LENGTH } from "@/lib/domain/submission-workflow";
import { retryable } from "@/lib/result";

type Submission = { ward: string; year: number; programme: string };

const field = "block w-full rounded border border-slate-400 bg-white px-2 py-1 text-sm";
const button = "rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60";

function Hidden({ ward, year, programme }: Submission) {
  return (
    <>
      <input type="hidden" name="ward" value={ward} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="programme" value={programme} />
    </>
  );
}

function Message({ state }: { state: UnlockRequestState }) {
  return (
    <div role="status" aria-live="polite">
      {state && (
        <p
          data-testid="unlock-request-message"
          className={`mt-1 rounded p-2 text-sm ${state.ok ? "bg-green-50 text-green-900" : "bg-red-50 text-red-900"}`}
        >
          {state.message}
        </p>
      )}
    </div>
  );
}

/** One textarea and its submit button, posting to `serverAction`. */
function WordsForm(
  props: Submission & {
    serverAction: typeof requestUnlockAction;
    name: "reason" | "comment";
    label: string;
    submit: string;
    formLabel: string;
    extra?: Record<string, string>;
  },
) {
  const [state, action, pending] = useActionState(retryable(props.serverAction), null);
  const [text, setText] = useState("");
  const [seen, setSeen] = useState<UnlockRequestState>(null);
  const id = useId();
  if (state !== seen) {
    setSeen(state);
    if (state?.ok) setText("");
  }
  const error = state && !state.ok ? state.message : undefined;
  return (
    <form action={action} className="no-print space-y-2" aria-label={props.formLabel}>
      <Hidden {...props} />
      {Object.entries(props.extra ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <label htmlFor={`${id}-text`} className="block text-sm font-medium">
        {props.label}
      </label>
      <textarea
        id={`${id}-text`}
        name={props.name}
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={MAX_COMMENT_LENGTH}
        aria-required
        aria-invalid={error ? true : undefined}
        className={field}
      />
      <button type="submit" disabled={pending} className={button}>
        {pending ? "Đang gửi…" : props.submit}
      </button>
      <Message state={state} />
    </form>
  );
}

/** Xin mở khóa (ward official): the reason is required. */
export function RequestUnlockForm(props: Submission) {
  return (
    <WordsForm
      {...props}
      serverAction={requestUnlockAction}
      name="reason"
      label="Lý do xin mở khóa (bắt buộc)"
      submit="Gửi yêu cầu mở khóa"
      formLabel="Xin mở khóa số liệu"
    />
  );
}

/** Từ chối yêu cầu mở khóa (district or city staff): the comment is required. */
export function RefuseUnlockForm(props: Submission & { request: number }) {
  return (
    <WordsForm
      {...props}
      serverAction={refuseUnlockAction}
      name="comment"
      label="Lý do từ chối (bắt buộc)"
      submit="Từ chối yêu cầu"
      formLabel="Từ chối yêu cầu mở khóa"
      extra={{ request: String(props.request) }}
    />
  );
}
