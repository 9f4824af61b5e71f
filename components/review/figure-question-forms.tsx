"use client";
// The committee's question on one figure, and the ward's answer to one: small forms that keep what
// was typed when refused, and show the server's answer.
import { useActionState, useId, useState } from "react";
import { type FigureCommentState, answerFigureComment, askFigureQuestion } from "@/lib/actions/figure-comments";
import { MAX_COMMENT_LENGTH } from "@/lib/domain/submission-workflow";
import { retryable } from "@/lib/result";

type Submission = { ward: string; year: number; programme: string };

function Hidden({ ward, year, programme }: Submission) {
  return (
    <>
      <input type="hidden" name="ward" value={ward} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="programme" value={programme} />
    </>
  );
}

function Message({ state }: { state: FigureCommentState }) {
  return (
    <div role="status" aria-live="polite">
      {state && (
        <p className={`mt-1 rounded p-2 text-sm ${state.ok ? "bg-green-50 text-green-900" : "bg-red-50 text-red-900"}`}>
          {state.message}
        </p>
      )}
    </div>
  );
}

const field = "block w-full rounded border border-slate-400 bg-white px-2 py-1 text-sm";
const button = "rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60";

/** Đặt câu hỏi về một chỉ tiêu (ward party committee). */
export function AskFigureForm(
  props: Submission & { ward: string; wardName: string; indicators: { code: string; name: string }[] },
) {
  const [state, action, pending] = useActionState(retryable(askFigureQuestion), null);
  const [body, setBody] = useState("");
  const [sent, setSent] = useState<FigureCommentState>(null);
  const id = useId();
  // a question sent clears the box (once per answer)
  if (state !== sent) {
    setSent(state);
    if (state?.ok) setBody("");
  }
  const error = state && !state.ok ? state.message : undefined;
  return (
    <form
      action={action}
      className="no-print space-y-2 rounded border border-slate-300 bg-slate-50 p-3"
      aria-label="Đặt câu hỏi về số liệu"
    >
      <Hidden {...props} />
      <input type="hidden" name="unit" value={props.ward} />
      <label htmlFor={`${id}-indicator`} className="block text-sm font-medium">
        Chỉ tiêu của {props.wardName}
      </label>
      <select id={`${id}-indicator`} name="indicator" className={field} required>
        {props.indicators.map((i) => (
          <option key={i.code} value={i.code}>
            {i.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-body`} className="block text-sm font-medium">
        Câu hỏi
      </label>
      <textarea
        id={`${id}-body`}
        name="body"
        rows={2}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        maxLength={MAX_COMMENT_LENGTH}
        aria-invalid={error ? true : undefined}
        className={field}
      />
      <button type="submit" disabled={pending} className={button}>
        {pending ? "Đang gửi…" : "Gửi câu hỏi"}
      </button>
      <Message state={state} />
    </form>
  );
}

/** Trả lời một câu hỏi (ward official). */
export function AnswerFigureForm(props: Submission & { question: number; label: string }) {
  const [state, action, pending] = useActionState(retryable(answerFigureComment), null);
  const [body, setBody] = useState("");
  const [sent, setSent] = useState<FigureCommentState>(null);
  const id = useId();
  if (state !== sent) {
    setSent(state);
    if (state?.ok) setBody("");
  }
  const error = state && !state.ok ? state.message : undefined;
  return (
    <form action={action} className="no-print mt-2 space-y-1" aria-label={`Trả lời: ${props.label}`}>
      <Hidden {...props} />
      <input type="hidden" name="question" value={props.question} />
      <label htmlFor={`${id}-body`} className="block text-sm font-medium">
        Trả lời
      </label>
      <textarea
        id={`${id}-body`}
        name="body"
        rows={2}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        maxLength={MAX_COMMENT_LENGTH}
        aria-invalid={error ? true : undefined}
        className={field}
      />
      <button type="submit" disabled={pending} className={button}>
        {pending ? "Đang gửi…" : "Gửi trả lời"}
      </button>
      <Message state={state} />
    </form>
  );
}
