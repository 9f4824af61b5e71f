// The one shape every server action answers with (forms read it through useActionState).

export type ActionCode = "unauthenticated" | "forbidden" | "invalid" | "conflict" | "locked" | "not-found" | "busy" | "error";

export type ActionResult<T = undefined> = {
  ok: boolean;
  /** field → Vietnamese messages (the form shows them next to the field) */
  fieldErrors?: Record<string, string[]>;
  /** one Vietnamese sentence for the person */
  message?: string;
  /** why it failed, for the form's logic (keep the typed values, offer sign-in, show a conflict …) */
  code?: ActionCode;
  data?: T;
};

export const success = <T>(message?: string, data?: T): ActionResult<T> => ({ ok: true, message, data });

export const failure = <T = never>(code: ActionCode, message: string, extra: Omit<ActionResult<T>, "ok" | "code" | "message"> = {}): ActionResult<T> => ({
  ok: false,
  code,
  message,
  ...extra,
});
