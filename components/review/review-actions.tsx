"use client";
// The review buttons a person may use now, each with a confirmation step (and the comment or reason
// it needs). The result stays on screen after the page refreshes with the new state.
import { useActionState, useEffect, useId, useRef, useState } from "react";
import {
  type TransitionState,
  approveSubmission,
  returnSubmission,
  submitForReview,
  unlockSubmission,
} from "@/lib/actions/review";
import { retryable } from "@/lib/result";
import { formatNumber } from "@/lib/format/vi";
import { ACTION_LABEL, MAX_COMMENT_LENGTH } from "@/lib/domain/submission-workflow";
import type { SubmissionAction } from "@/lib/generated/prisma/enums";
import { useSubmissionVersion } from "./submission-version";
import { returnFormSchema, unlockFormSchema } from "@/lib/validation/review";

type Props = {
  ward: string;
  year: number;
  programme: string;
  version: number;
  /** the ward's open request to unlock, shown beside the panel: "Mở khóa" answers it */
  openRequest?: number;
  available: SubmissionAction[];
  /** values still owed, to warn before sending */
  owed: number;
  /** cells showing a published figure the ward has not confirmed as its own (counted as present) */
  unconfirmed: number;
  /** the committee's questions on figures not closed yet, to warn before sending */
  openQuestions: { open: number; unanswered: number };
};

const SERVER_ACTION = {
  SUBMIT: submitForReview,
  RETURN: returnSubmission,
  APPROVE: approveSubmission,
  UNLOCK: unlockSubmission,
} as const;

const COMMENT_LABEL: Record<SubmissionAction, string> = {
  SUBMIT: "Ghi chú gửi Đảng ủy (không bắt buộc)",
  RETURN: "Ý kiến trả lại (bắt buộc)",
  APPROVE: "Ý kiến (không bắt buộc)",
  UNLOCK: "Lý do mở khóa (bắt buộc)",
};

const COMMENT_SCHEMA: Partial<Record<SubmissionAction, typeof returnFormSchema.shape.comment>> = {
  RETURN: returnFormSchema.shape.comment,
  UNLOCK: unlockFormSchema.shape.comment,
};

/** "5 ô là số liệu đã công bố, chưa xác nhận …": the same count as the panel and the entry form's box. */
const unconfirmedNote = (n: number) =>
  n > 0 ? ` ${formatNumber(String(n))} ô đang là số liệu đã công bố, phường chưa xác nhận là số liệu năm nay.` : "";

function question(
  action: SubmissionAction,
  year: number,
  owed: number,
  unconfirmed: number,
  q: Props["openQuestions"],
): string {
  switch (action) {
    case "SUBMIT":
      return `Gửi số liệu năm ${year} cho Đảng ủy phường duyệt? Trong khi chờ duyệt, số liệu không sửa được.${owed > 0 ? ` Lưu ý: còn ${formatNumber(String(owed))} ô chưa nhập.` : ""}${unconfirmedNote(unconfirmed)}${q.open > 0 ? ` Còn ${q.open} câu hỏi của Đảng ủy về số liệu đang mở${q.unanswered > 0 ? `, ${q.unanswered} câu chưa trả lời` : ""}.` : ""}`;
    case "RETURN":
      return "Trả lại số liệu cho phường sửa? Hãy ghi rõ cần sửa gì.";
    case "APPROVE":
      return `Duyệt số liệu? Số liệu sẽ được công bố trên các trang theo dõi và bị khóa.${unconfirmedNote(unconfirmed)}`;
    case "UNLOCK":
      return "Mở khóa số liệu đã duyệt để phường sửa? Số liệu đã công bố giữ nguyên đến lần duyệt sau.";
  }
}

function useTransition(action: SubmissionAction) {
  return useActionState<TransitionState, FormData>(retryable(SERVER_ACTION[action]), null);
}

export function ReviewActions(props: Props) {
  // every hook stays mounted whatever is offered now, so a result outlives the refresh that follows it
  const states = {
    SUBMIT: useTransition("SUBMIT"),
    RETURN: useTransition("RETURN"),
    APPROVE: useTransition("APPROVE"),
    UNLOCK: useTransition("UNLOCK"),
  };
  const [open, setOpen] = useState<SubmissionAction | null>(null);
  const [last, setLast] = useState<SubmissionAction | null>(null);
  const [commentError, setCommentError] = useState<string | null>(null);
  // controlled, so that a refused comment is still there to correct (React resets uncontrolled fields)
  const [comment, setComment] = useState("");
  const id = useId();
  const version = useSubmissionVersion(props.version);
  const firstField = useRef<HTMLTextAreaElement>(null);
  const result = last ? states[last][0] : null;
  const pending = Object.values(states).some(([, , p]) => p);

  useEffect(() => {
    if (open) firstField.current?.focus();
  }, [open]);
  // a finished action closes its confirmation (and one no longer offered is not shown)
  const done = last !== null && last === open && result?.ok === true;
  const choice = open && props.available.includes(open) && !done ? open : null;
  const serverError = choice && last === choice && result && !result.ok ? result.fieldErrors?.comment?.[0] : undefined;
  const error = commentError ?? serverError;

  return (
    <div className="space-y-3">
      {props.available.length > 0 && (
        <div className="no-print flex flex-wrap gap-2" role="group" aria-label="Thao tác duyệt">
          {props.available.map((a) => (
            <button
              key={a}
              type="button"
              aria-expanded={choice === a}
              aria-controls={`${id}-confirm`}
              onClick={() => {
                if (open !== a) setComment("");
                setOpen(a);
                setLast(null);
                setCommentError(null);
              }}
              className={
                a === "RETURN" || a === "UNLOCK"
                  ? "rounded border border-brand-700 bg-white px-3 py-2 text-sm font-medium text-brand-800 hover:bg-brand-50"
                  : "rounded bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800"
              }
            >
              {ACTION_LABEL[a]}
            </button>
          ))}
        </div>
      )}

      {choice && (
        <form
          id={`${id}-confirm`}
          action={states[choice][1]}
          onSubmit={(e) => {
            const checked = COMMENT_SCHEMA[choice]?.safeParse(comment);
            if (checked && !checked.success) {
              e.preventDefault();
              setCommentError(checked.error.issues[0]?.message ?? "Hãy ghi ý kiến.");
              firstField.current?.focus();
              return;
            }
            setCommentError(null);
            setLast(choice);
          }}
          className="no-print space-y-2 rounded border border-slate-300 bg-slate-50 p-3"
          aria-label={`Xác nhận: ${ACTION_LABEL[choice]}`}
        >
          <p className="text-sm font-medium">
            {question(choice, props.year, props.owed, props.unconfirmed, props.openQuestions)}
          </p>
          <input type="hidden" name="ward" value={props.ward} />
          <input type="hidden" name="year" value={props.year} />
          <input type="hidden" name="programme" value={props.programme} />
          <input type="hidden" name="version" value={version} />
          {choice === "UNLOCK" && props.openRequest && <input type="hidden" name="request" value={props.openRequest} />}
          <label htmlFor={`${id}-comment`} className="block text-sm font-medium">
            {COMMENT_LABEL[choice]}
          </label>
          <textarea
            ref={firstField}
            id={`${id}-comment`}
            name="comment"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            rows={3}
            maxLength={MAX_COMMENT_LENGTH}
            aria-required={!!COMMENT_SCHEMA[choice]}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-comment-error` : undefined}
            className="block w-full rounded border border-slate-400 bg-white px-2 py-1 text-sm"
          />
          {error && (
            <p id={`${id}-comment-error`} className="text-sm text-red-800">
              {error}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <button
              type="submit"
              disabled={pending}
              className="rounded bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
            >
              {pending ? "Đang xử lý…" : `Xác nhận ${ACTION_LABEL[choice].toLowerCase()}`}
            </button>
            <button
              type="button"
              onClick={() => setOpen(null)}
              className="rounded border border-slate-400 bg-white px-3 py-2 text-sm hover:bg-slate-100"
            >
              Hủy
            </button>
          </div>
        </form>
      )}

      <div role="status" aria-live="polite" aria-atomic="true">
        {result && (
          <p
            data-testid="review-message"
            className={`rounded p-2 text-sm ${result.ok ? "bg-green-50 text-green-900" : "bg-red-50 text-red-900"}`}
          >
            {result.message}
          </p>
        )}
      </div>
    </div>
  );
}
