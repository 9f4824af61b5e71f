import type { UnlockRequestInfo } from "@/lib/data/unlock-requests";
import { formatDateTime } from "@/lib/format/date-time";
import type { UnlockRequestStatus } from "@/lib/generated/prisma/enums";
import { RefuseUnlockForm, RequestUnlockForm } from "./unlock-request-forms";

const STATE: Record<UnlockRequestStatus, string> = {
  OPEN: "Đang chờ quận, thành phố xem xét",
  GRANTED: "Đã mở khóa",
  REFUSED: "Bị từ chối",
};

type Props = {
  ward: string;
  year: number;
  programme: string;
  requests: UnlockRequestInfo[];
  /** a ward official, on approved figures with no request open */
  canRequest: boolean;
  /** may unlock the ward's figures: grants by unlocking, or refuses here */
  canDecide: boolean;
};

/**
 * Requests to unlock approved figures beside the review panel: their state for the ward (who asked,
 * why, who decided and their comment), the ward's request form, and for those who may unlock, the
 * refusal (the grant is the panel's "Mở khóa", whose reason is recorded as the answer).
 */
export function UnlockRequests(props: Props) {
  if (props.requests.length === 0 && !props.canRequest) return null;
  const open = props.requests.find((r) => r.status === "OPEN");
  return (
    <section
      id="mo-khoa"
      aria-labelledby={`mo-khoa-${props.year}-${props.programme}`}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
      data-testid="unlock-requests"
    >
      <h2 id={`mo-khoa-${props.year}-${props.programme}`} className="text-lg font-semibold">
        Yêu cầu mở khóa số liệu
      </h2>
      {props.requests.length > 0 && (
        <ul className="space-y-2">
          {props.requests.map((r) => (
            <li
              key={r.id}
              className={`rounded border-l-4 p-2 text-sm ${
                r.status === "OPEN"
                  ? "border-amber-600 bg-amber-50"
                  : r.status === "GRANTED"
                    ? "border-green-700 bg-green-50"
                    : "border-red-700 bg-red-50"
              }`}
              data-testid="unlock-request"
              data-status={r.status}
            >
              <p className="font-medium">{STATE[r.status]}</p>
              <p>
                <span className="text-slate-700">
                  <time dateTime={r.requestedAt} className="tabular-nums">
                    {formatDateTime(r.requestedAt)}
                  </time>{" "}
                  · {r.requestedByName} xin mở khóa:
                </span>{" "}
                <span className="whitespace-pre-line">“{r.reason}”</span>
              </p>
              {r.decidedAt && (
                <p>
                  <span className="text-slate-700">
                    <time dateTime={r.decidedAt} className="tabular-nums">
                      {formatDateTime(r.decidedAt)}
                    </time>{" "}
                    · {r.decidedByName} {r.status === "GRANTED" ? "mở khóa" : "từ chối"}
                    {r.decisionComment ? ":" : ""}
                  </span>{" "}
                  {r.decisionComment && <span className="whitespace-pre-line">“{r.decisionComment}”</span>}
                </p>
              )}
              {r.status === "OPEN" && props.canDecide && (
                <div className="mt-2 space-y-2">
                  <p className="text-slate-800">
                    Đồng ý: dùng nút “Mở khóa” ở phần duyệt số liệu phía trên, ghi lý do (yêu cầu được ghi là đã mở
                    khóa). Không đồng ý: ghi lý do và từ chối.
                  </p>
                  <RefuseUnlockForm ward={props.ward} year={props.year} programme={props.programme} request={r.id} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.canRequest && !open && (
        <RequestUnlockForm ward={props.ward} year={props.year} programme={props.programme} />
      )}
    </section>
  );
}
