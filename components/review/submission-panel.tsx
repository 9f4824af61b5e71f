import type { ReadScope } from "@/lib/data/scope";
import { completenessText, owedDetail } from "@/lib/domain/completeness";
import { ACTION_DONE, isLate } from "@/lib/domain/submission-workflow";
import { formatDateTime } from "@/lib/format/date-time";
import { formatDate } from "@/lib/format/vi";
import { loadSubmissionPanel } from "@/lib/services/submission-panel";
import { ChangedRows } from "./changed-rows";
import { FigureQuestions } from "./figure-questions";
import { LateBadge, ProgressBadge } from "./progress-badge";
import { ReviewActions } from "./review-actions";
import { UnlockRequests } from "./unlock-requests";

/**
 * Where the ward's figures of one year and programme stand in review: state, deadline, what is still
 * owed, the history, and the buttons the viewer may use (the server refuses the others anyway).
 * The page checks that the viewer may read the ward and hands over the `scope` it reads with.
 */
export async function SubmissionPanel(props: {
  wardSlug: string;
  year: number;
  programmeSlug: string;
  scope: ReadScope;
}) {
  const loaded = await loadSubmissionPanel(props.wardSlug, props.year, props.programmeSlug, props.scope);
  if (!loaded) return null;
  const { target, panel, available, ownSending, changed, questions, unlock } = loaded;
  const openThreads = questions.threads.filter((t) => !t.closedAt);
  const late = isLate(panel.state, panel.deadline?.dueOn ?? null, new Date());
  const { expected, entered, unconfirmed, owed } = panel.completeness;
  const lastEvent = panel.events.at(-1);
  // the comment the ward has to act on: the committee's return, or the district's unlock reason
  const pendingComment =
    lastEvent && (lastEvent.action === "RETURN" || lastEvent.action === "UNLOCK") && panel.state !== "SUBMITTED"
      ? lastEvent
      : null;
  const titleId = `duyet-${target.year}-${target.programmeSlug}`;

  return (
    <>
      <section
        aria-labelledby={titleId}
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
        data-testid="submission-panel"
      >
        <div className="flex flex-wrap items-center gap-2">
          <h2 id={titleId} className="text-lg font-semibold">
            Duyệt số liệu năm {target.year} · Chương trình {target.programmeCode}
          </h2>
          <ProgressBadge state={panel.state} />
          {late && <LateBadge />}
        </div>

        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium text-slate-700">Hạn nộp</dt>
          <dd>
            {panel.deadline ? formatDate(panel.deadline.dueOn) : "Chưa đặt hạn nộp"}
            {late && <span className="text-red-800"> — đã quá hạn, chưa gửi duyệt</span>}
          </dd>
          <dt className="font-medium text-slate-700">Số liệu</dt>
          <dd data-testid="completeness">{completenessText(panel.completeness)}</dd>
        </dl>

        {owed.length > 0 && (
          <details className="text-sm">
            <summary className="cursor-pointer text-brand-700 underline">
              Chỉ tiêu còn thiếu số liệu ({owed.length})
            </summary>
            <ul className="mt-2 list-disc space-y-0.5 pl-5">
              {owed.map((o) => (
                <li key={o.code}>
                  {o.name}
                  {owedDetail(o) && <span className="text-slate-600"> — {owedDetail(o)}</span>}
                </li>
              ))}
            </ul>
          </details>
        )}

        {pendingComment?.comment && (
          <div className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-sm" data-testid="pending-comment">
            <p className="font-medium">
              {pendingComment.action === "RETURN" ? "Ý kiến của Đảng ủy phường khi trả lại" : "Lý do mở khóa"} (
              {pendingComment.actorName}, {formatDateTime(pendingComment.at)}):
            </p>
            <p className="whitespace-pre-line">{pendingComment.comment}</p>
          </div>
        )}

        {ownSending && (
          <p className="rounded bg-amber-50 p-2 text-sm text-amber-900" data-testid="four-eyes">
            Bạn là người đã gửi duyệt số liệu này nên không thể tự duyệt: hãy nhờ một thành viên khác của Đảng ủy phường
            duyệt.
          </p>
        )}
        <ReviewActions
          ward={target.wardSlug}
          year={target.year}
          programme={target.programmeSlug}
          version={panel.version}
          openRequest={unlock.requests.find((r) => r.status === "OPEN")?.id}
          available={available}
          owed={expected - entered}
          unconfirmed={unconfirmed}
          openQuestions={{
            open: openThreads.length,
            unanswered: openThreads.filter((t) => t.answers.length === 0).length,
          }}
        />

        <div>
          <h3 className="mb-1 text-sm font-semibold">Lịch sử</h3>
          {panel.events.length === 0 ? (
            <p className="text-sm text-slate-600">Chưa gửi duyệt lần nào.</p>
          ) : (
            <ol className="space-y-1 text-sm" data-testid="review-history">
              {panel.events.map((e) => (
                <li key={e.id} className="border-l-2 border-slate-300 pl-2">
                  <time dateTime={e.at} className="tabular-nums text-slate-600">
                    {formatDateTime(e.at)}
                  </time>{" "}
                  · <span className="font-medium">{e.actorName}</span> · {ACTION_DONE[e.action]}
                  {e.comment && <span className="block whitespace-pre-line text-slate-800">“{e.comment}”</span>}
                </li>
              ))}
            </ol>
          )}
        </div>
      </section>
      {/* beside the panel (their own landmarks), so that the panel's own form stays the only one in it */}
      <UnlockRequests ward={target.wardSlug} year={target.year} programme={target.programmeSlug} {...unlock} />
      <FigureQuestions
        ward={target.wardSlug}
        wardName={target.wardName}
        year={target.year}
        programme={target.programmeSlug}
        {...questions}
      />
      {changed && <ChangedRows rows={changed} year={target.year} />}
    </>
  );
}
