// The one shape every server action answers with (forms read it through useActionState). Neutral
// module: the action guard (lib/auth) and the actions both build it, the browser reads it.

export const UNAVAILABLE_ACTION_MESSAGE =
  "Hệ thống tạm thời không kết nối được cơ sở dữ liệu: chưa lưu được. Những gì đã gõ vẫn còn trên trang; hãy thử lại sau ít phút.";
export const NO_ANSWER_MESSAGE =
  "Không nhận được trả lời của máy chủ: chưa lưu được. Những gì đã gõ vẫn còn trên trang; hãy thử lại sau ít phút.";

/**
 * Why something failed: one union for lib/data and lib/services outcomes and the actions' answers.
 * The data layer answers with a code and the facts (status, conflicts …); the action (or the
 * service that answers a form) turns them into the Vietnamese sentence.
 */
export type FailureCode =
  | "unauthenticated"
  | "forbidden"
  | "invalid"
  | "conflict"
  | "locked"
  | "not-found"
  | "busy"
  | "error"
  | "unavailable"
  /** an upload (or what it unpacks to) is over a limit */
  | "too-large";

/** A failed outcome of lib/data or lib/services: its code and the facts the answer needs. */
export type Failure<C extends FailureCode, D extends object = object> = { ok: false; code: C } & D;

export type ActionResult<T = undefined> = {
  ok: boolean;
  /** field → Vietnamese messages (the form shows them next to the field) */
  fieldErrors?: Record<string, string[]>;
  /** one Vietnamese sentence for the person */
  message?: string;
  /** why it failed, for the form's logic (keep the typed values, offer sign-in, show a conflict …) */
  code?: FailureCode;
  data?: T;
};

export const success = <T>(message?: string, data?: T): ActionResult<T> => ({ ok: true, message, data });

export const failure = <T = never>(
  code: FailureCode,
  message: string,
  extra: Omit<ActionResult<T>, "ok" | "code" | "message"> = {},
): ActionResult<T> => ({
  ok: false,
  code,
  message,
  ...extra,
});

/**
 * The database (or the server) cannot be reached: nothing was written, the same request may succeed
 * later. Forms show it as "thử lại" and keep what was typed.
 */
export const unavailable = <T = undefined>(): ActionResult<T> => failure<T>("unavailable", UNAVAILABLE_ACTION_MESSAGE);

/**
 * An action as the form calls it: an answer that never arrives (server or database down mid-request,
 * network lost) becomes the same retryable failure instead of an exception, which would replace the
 * page (and the typed values) with the error page.
 */
export function retryable<S, R extends { ok: boolean }>(
  action: (prev: S, formData: FormData) => Promise<R>,
): (prev: S, formData: FormData) => Promise<R> {
  return async (prev, formData) => {
    try {
      return await action(prev, formData);
    } catch {
      return failure("unavailable", NO_ANSWER_MESSAGE) as unknown as R;
    }
  };
}
