import type { FigureCommentInfo, FigureThread } from "@/lib/data/figure-comments";
import { formatDateTime } from "@/lib/format/date-time";
import { formatYearFigure } from "@/lib/format/vi";
import { AnswerFigureForm, AskFigureForm } from "./figure-question-forms";
import { questionsAnchor } from "./question-anchor";

type Props = {
  ward: string;
  wardName: string;
  year: number;
  programme: string;
  threads: FigureThread[];
  indicators: { code: string; name: string }[];
  canAsk: boolean;
  canAnswer: boolean;
};

function Comment({ c, thread }: { c: FigureCommentInfo; thread: FigureThread }) {
  return (
    <p className="text-sm">
      <span className="text-slate-600">
        <time dateTime={c.at} className="tabular-nums">
          {formatDateTime(c.at)}
        </time>{" "}
        · <span className="font-medium text-slate-800">{c.authorName}</span> · số liệu lúc đó:{" "}
        {c.value === null ? "chưa nhập" : formatYearFigure(c.value, thread.indicator.valueType, thread.indicator.unit)}
      </span>
      <span className="block whitespace-pre-line">{c.body}</span>
    </p>
  );
}

/**
 * Questions of the committee on single figures, with the ward's answers, in the review panel: the
 * open ones first (the ward answers there), then those the approval closed.
 */
export function FigureQuestions(props: Props) {
  const open = props.threads.filter((t) => !t.closedAt);
  const closed = props.threads.filter((t) => t.closedAt);
  if (props.threads.length === 0 && !props.canAsk) return null;
  const list = (threads: FigureThread[]) => (
    <ul className="space-y-2">
      {threads.map((t) => {
        const label = `${t.indicator.name}${t.unit.level === "WARD" ? "" : ` (${t.unit.name})`}`;
        return (
          <li
            key={t.id}
            className="rounded border-l-4 border-amber-600 bg-amber-50 p-2"
            data-testid="figure-question"
            data-indicator={t.indicator.code}
          >
            <p className="font-medium">
              {label}{" "}
              <a
                href={`/${props.ward}/nhap-lieu/${props.year}/${props.programme}${t.unit.level === "WARD" ? "" : "/to-dan-pho"}#${questionsAnchor(t.unit.slug, t.indicator.code)}`}
                className="no-print text-sm font-normal text-brand-700 underline"
              >
                {t.unit.level === "WARD" ? "Xem cạnh số liệu" : "Xem trên bảng tổ dân phố"}
                <span className="sr-only">: {label}</span>
              </a>
            </p>
            <Comment c={t} thread={t} />
            {t.answers.map((a) => (
              <div key={a.id} className="ml-3 mt-1 border-l-2 border-slate-300 pl-2">
                <Comment c={a} thread={t} />
              </div>
            ))}
            {t.closedAt ? (
              <p className="mt-1 text-xs text-slate-700">Đã đóng khi duyệt, {formatDateTime(t.closedAt)}</p>
            ) : (
              props.canAnswer && (
                <AnswerFigureForm
                  ward={props.ward}
                  year={props.year}
                  programme={props.programme}
                  question={t.id}
                  label={label}
                />
              )
            )}
          </li>
        );
      })}
    </ul>
  );
  return (
    <section
      aria-labelledby={`cau-hoi-${props.year}-${props.programme}`}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
      data-testid="figure-questions"
    >
      <h2 id={`cau-hoi-${props.year}-${props.programme}`} className="text-lg font-semibold">
        Câu hỏi về số liệu {open.length > 0 ? `(${open.length} đang mở)` : "(không có câu hỏi đang mở)"}
      </h2>
      {open.length > 0 && list(open)}
      {props.canAsk && (
        <AskFigureForm
          ward={props.ward}
          wardName={props.wardName}
          year={props.year}
          programme={props.programme}
          indicators={props.indicators}
        />
      )}
      {closed.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-brand-700 underline">Câu hỏi đã đóng ({closed.length})</summary>
          <div className="mt-2">{list(closed)}</div>
        </details>
      )}
    </section>
  );
}
