"use client";
// The committee's questions on one figure, beside that figure in the entry grid — a row of the ward's
// form, or a cell of its residential groups' grid: the thread (question, answers, closed or not), a
// "Hỏi về số liệu này" button that opens a small form for this figure (the committee), and an answer
// box under each open question (the ward's officials). The grid is itself a form, so these post
// without a <form> of their own: the fields have no name (the grid's save never sees them) and the
// buttons call the server action directly.
import { useId, useState, useTransition } from "react";
import { type FigureCommentState, answerFigureComment, askFigureQuestion } from "@/lib/actions/figure-comments";
import type { FigureCommentInfo, FigureThread } from "@/lib/data/figure-comments";
import { MAX_COMMENT_LENGTH } from "@/lib/domain/submission-workflow";
import { formatDateTime } from "@/lib/format/date-time";
import { formatYearFigure } from "@/lib/format/vi";
import { NO_ANSWER_MESSAGE } from "@/lib/result";
import { questionsAnchor } from "./question-anchor";

type Where = { ward: string; year: number; programme: string };

const field = "block w-full rounded border border-slate-400 bg-white px-2 py-1 text-sm";
const button = "rounded bg-brand-700 px-3 py-1 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60";

/** One textarea and a send button, posting `fields` and the text as `body` to `send`. */
function WordsBox({
  label,
  sendLabel,
  fields,
  send,
  onDone,
  autoFocus = false,
}: {
  label: string;
  sendLabel: string;
  fields: Record<string, string>;
  send: (prev: FigureCommentState, form: FormData) => Promise<NonNullable<FigureCommentState>>;
  onDone?: () => void;
  /** opened by a button that disappears: the focus moves into the box instead of being lost */
  autoFocus?: boolean;
}) {
  const id = useId();
  const [body, setBody] = useState("");
  const [state, setState] = useState<FigureCommentState>(null);
  const [pending, start] = useTransition();
  const submit = () =>
    start(async () => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      form.set("body", body);
      let result: NonNullable<FigureCommentState>;
      try {
        result = await send(null, form);
      } catch {
        result = { ok: false, code: "unavailable", message: NO_ANSWER_MESSAGE };
      }
      setState(result);
      if (result.ok) {
        setBody("");
        onDone?.();
      }
    });
  return (
    <div className="no-print mt-1 space-y-1">
      <label htmlFor={id} className="block text-xs font-medium">
        {label}
      </label>
      <textarea
        id={id}
        rows={2}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        maxLength={MAX_COMMENT_LENGTH}
        autoFocus={autoFocus}
        aria-invalid={state && !state.ok ? true : undefined}
        className={field}
      />
      <button type="button" onClick={submit} disabled={pending} className={button}>
        {pending ? "Đang gửi…" : sendLabel}
      </button>
      <div role="status" aria-live="polite">
        {state && (
          <p className={`rounded p-1 text-xs ${state.ok ? "bg-green-50 text-green-900" : "bg-red-50 text-red-900"}`}>
            {state.message}
          </p>
        )}
      </div>
    </div>
  );
}

function Comment({ c, thread, verb }: { c: FigureCommentInfo; thread: FigureThread; verb: string }) {
  return (
    <p>
      <span className="text-slate-600">
        <time dateTime={c.at} className="tabular-nums">
          {formatDateTime(c.at)}
        </time>{" "}
        · <span className="font-medium text-slate-800">{c.authorName}</span> {verb} (số liệu lúc đó:{" "}
        {c.value === null ? "chưa nhập" : formatYearFigure(c.value, thread.indicator.valueType, thread.indicator.unit)})
      </span>
      <span className="block whitespace-pre-line">{c.body}</span>
    </p>
  );
}

export function RowQuestions({
  where,
  unit = where.ward,
  indicator,
  label,
  threads,
  canAsk,
  canAnswer,
}: {
  where: Where;
  /** the unit of the figure: the ward (default) or one of its residential groups */
  unit?: string;
  indicator: string;
  /** names the figure for screen readers: the indicator, and the group on the groups' grid */
  label: string;
  threads: FigureThread[];
  canAsk: boolean;
  canAnswer: boolean;
}) {
  const [asking, setAsking] = useState(false);
  if (threads.length === 0 && !canAsk) return null;
  const fields = { ward: where.ward, year: String(where.year), programme: where.programme };
  return (
    <div
      id={questionsAnchor(unit, indicator)}
      className="scroll-mt-24 space-y-1 text-xs"
      data-testid="row-questions"
      data-indicator={indicator}
      data-unit={unit}
    >
      {threads.map((t) => (
        <div
          key={t.id}
          className={`rounded border-l-4 p-1.5 ${t.closedAt ? "border-slate-400 bg-slate-50" : "border-amber-600 bg-amber-50"}`}
          data-testid="row-question"
          data-state={t.closedAt ? "closed" : "open"}
        >
          <Comment c={t} thread={t} verb="hỏi" />
          {t.answers.map((a) => (
            <div key={a.id} className="ml-2 mt-1 border-l-2 border-slate-300 pl-2">
              <Comment c={a} thread={t} verb="trả lời" />
            </div>
          ))}
          {t.closedAt ? (
            <p className="mt-1 font-medium text-slate-700">Đã đóng khi duyệt, {formatDateTime(t.closedAt)}</p>
          ) : (
            canAnswer && (
              <WordsBox
                label={`Trả lời câu hỏi về ${label}`}
                sendLabel="Gửi trả lời"
                fields={{ ...fields, question: String(t.id) }}
                send={answerFigureComment}
              />
            )
          )}
        </div>
      ))}
      {canAsk &&
        (asking ? (
          <WordsBox
            label={`Câu hỏi về ${label}`}
            sendLabel="Gửi câu hỏi"
            fields={{ ...fields, unit, indicator }}
            send={askFigureQuestion}
            autoFocus
          />
        ) : (
          <button
            type="button"
            onClick={() => setAsking(true)}
            className="no-print text-brand-700 underline"
            aria-label={`Hỏi về số liệu này: ${label}`}
          >
            Hỏi về số liệu này
          </button>
        ))}
    </div>
  );
}
