// The review state machine of a ward's yearly figures: which transitions exist, from which states,
// who may make them and when a comment is owed. Pure: the server and the screens share it.
import { type Action, PERMISSIONS } from "@/lib/auth/permissions";
import type { Role, SubmissionAction, SubmissionStatus } from "./enums";
import type { Failure } from "@/lib/result";

export type TransitionRule = {
  from: readonly SubmissionStatus[];
  to: SubmissionStatus;
  /** the permission on the ward that allows it */
  permission: Action;
  /** a return needs the committee's comment, an unlock its reason */
  commentRequired: boolean;
};

export const TRANSITIONS: Record<SubmissionAction, TransitionRule> = {
  // the ward official sends the figures; an incomplete entry may be sent, the completeness shows what is owed
  SUBMIT: { from: ["DRAFT", "RETURNED"], to: "SUBMITTED", permission: "editValues", commentRequired: false },
  RETURN: { from: ["SUBMITTED"], to: "RETURNED", permission: "approve", commentRequired: true },
  APPROVE: { from: ["SUBMITTED"], to: "APPROVED", permission: "approve", commentRequired: false },
  // reopened figures go back to the ward as a draft; the published ones stay until the next approval
  UNLOCK: { from: ["APPROVED"], to: "DRAFT", permission: "unlockValues", commentRequired: true },
};

export const ACTIONS: readonly SubmissionAction[] = ["SUBMIT", "RETURN", "APPROVE", "UNLOCK"];

export const STATUS_LABEL: Record<SubmissionStatus, string> = {
  DRAFT: "Đang nhập",
  SUBMITTED: "Đã gửi – chờ duyệt",
  RETURNED: "Bị trả lại",
  APPROVED: "Đã duyệt – đã khóa",
};

export const ACTION_LABEL: Record<SubmissionAction, string> = {
  SUBMIT: "Gửi duyệt",
  RETURN: "Trả lại",
  APPROVE: "Duyệt",
  UNLOCK: "Mở khóa",
};

/** Past-tense wording for the history ("Đã gửi duyệt"). */
export const ACTION_DONE: Record<SubmissionAction, string> = {
  SUBMIT: "Gửi duyệt",
  RETURN: "Trả lại",
  APPROVE: "Duyệt, công bố số liệu",
  UNLOCK: "Mở khóa",
};

export const COMMENT_REQUIRED_MESSAGE: Record<SubmissionAction, string> = {
  SUBMIT: "",
  RETURN: "Hãy ghi ý kiến khi trả lại, để phường biết cần sửa gì.",
  APPROVE: "",
  UNLOCK: "Hãy ghi lý do mở khóa.",
};

export const MAX_COMMENT_LENGTH = 2000;

/** forbidden: no permission; conflict: not from this status; invalid: the comment is missing. */
export type TransitionCheck =
  { ok: true; to: SubmissionStatus } | Failure<"forbidden" | "conflict" | "invalid", { message: string }>;

const STATE_MESSAGE: Record<SubmissionAction, string> = {
  SUBMIT: "Chỉ gửi duyệt được số liệu đang nhập hoặc bị trả lại.",
  RETURN: "Chỉ trả lại được số liệu đã gửi, đang chờ duyệt.",
  APPROVE: "Chỉ duyệt được số liệu đã gửi, đang chờ duyệt.",
  UNLOCK: "Chỉ mở khóa được số liệu đã duyệt.",
};

/**
 * May a person holding `may` (their permissions on the ward) make `action` on a submission in
 * `status`, with `comment`? Permission first, then state, then the comment.
 */
export function checkTransition(
  action: SubmissionAction,
  status: SubmissionStatus,
  may: (a: Action) => boolean,
  comment: string | null = null,
): TransitionCheck {
  const rule = TRANSITIONS[action];
  if (!may(rule.permission))
    return { ok: false, code: "forbidden", message: "Bạn không có quyền thực hiện thao tác này cho đơn vị này." };
  if (!rule.from.includes(status))
    return {
      ok: false,
      code: "conflict",
      message: `${STATE_MESSAGE[action]} Hiện trạng thái là “${STATUS_LABEL[status]}”.`,
    };
  if (rule.commentRequired && !comment?.trim())
    return { ok: false, code: "invalid", message: COMMENT_REQUIRED_MESSAGE[action] };
  return { ok: true, to: rule.to };
}

/** The transitions a person may make now, in the order the screen offers them. */
export function availableActions(status: SubmissionStatus, may: (a: Action) => boolean): SubmissionAction[] {
  return ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status) && may(TRANSITIONS[a].permission));
}

/** Entry values may be written only while the ward is entering them. */
export const isEditable = (status: SubmissionStatus) => status === "DRAFT" || status === "RETURNED";

/** The state of a (ward, year, programme) in the overviews: a submission never created is "not started". */
export type ProgressState = "NOT_STARTED" | SubmissionStatus;

export const PROGRESS_LABEL: Record<ProgressState, string> = { NOT_STARTED: "Chưa bắt đầu", ...STATUS_LABEL };

/**
 * Is a (ward, year, programme) late? Due at the end of `dueOn` in Vietnam (UTC+7), and late while
 * it has not been sent (a sent or approved entry is on time whatever happens next).
 */
export function isLate(state: ProgressState, dueOn: string | null, now: Date): boolean {
  if (!dueOn || state === "SUBMITTED" || state === "APPROVED") return false;
  const endOfDueDayUtc = Date.parse(`${dueOn}T00:00:00Z`) + 24 * 3600_000 - 7 * 3600_000;
  return now.getTime() >= endOfDueDayUtc;
}

/** The states in the order the overviews list them: done first. */
export const PROGRESS_ORDER: ProgressState[] = ["APPROVED", "SUBMITTED", "RETURNED", "DRAFT", "NOT_STARTED"];

/**
 * How many (ward, programme) cells are in each state, and how many are late against `dueOn`. A cell
 * stands for `count` cells of its state when given (counts made in SQL), else for one.
 */
export function countProgress(
  cells: Iterable<{ state: ProgressState; count?: number }>,
  dueOn: string | null,
  now: Date,
): { byState: Record<ProgressState, number>; late: number; total: number } {
  const byState = Object.fromEntries(PROGRESS_ORDER.map((s) => [s, 0])) as Record<ProgressState, number>;
  let late = 0;
  let total = 0;
  for (const c of cells) {
    const k = c.count ?? 1;
    byState[c.state] += k;
    total += k;
    if (isLate(c.state, dueOn, now)) late += k;
  }
  return { byState, late, total };
}

/** The roles that may unlock a ward's approved figures (told of the ward's requests to unlock). */
export const UNLOCK_ROLES: readonly Role[] = (Object.keys(PERMISSIONS) as Role[]).filter((r) =>
  PERMISSIONS[r].includes("unlockValues"),
);
