import "server-only";
// The one shape of a form action (not itself a "use server" module: nothing here is an action).
// A client carries what a family of actions shares — the permission, how an invalid form is answered,
// the pages refreshed after a success — and each action names only its schema, the form field naming
// the unit acted on, and what it does:
//   const catalogueAction = actionClient<CatalogueData>({ permission: "manageCatalogue", revalidate: ["/"] });
//   export const moveSectionAction = catalogueAction({ name: "action:moveSection", schema, unitField: "unit", run });
// guard → parse → run → answer: `authorizeForm` checks the permission on exactly the unit the parsed form
// names (refusals answered and logged there), `run` calls lib/data and words its outcome as the app's
// one ActionResult, and the layouts are revalidated only when it succeeded.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { type Authorized, authorizeForm } from "@/lib/auth/action-guard";
import type { Action } from "@/lib/auth/permissions";
import type { ActionResult } from "@/lib/result";
import { actorOf, invalidFields } from "./form-helpers";

/** What an action's `run` is given: the parsed form, the guard's answer and who acts (for audit rows). */
export type ActionContext<T> = {
  input: T;
  auth: Authorized;
  actor: ReturnType<typeof actorOf>;
  /** the form as posted (for what the schema does not read: a file) */
  form: FormData;
};

/** A form action as `useActionState` calls it. */
export type FormAction<D> = (prev: ActionResult<D> | null, form: FormData) => Promise<ActionResult<D>>;

/** Revalidates each layout of `layouts` when `result` succeeded; returns `result`. */
export function revalidatedOnSuccess<R extends { ok: boolean }>(layouts: readonly string[], result: R): R {
  if (result.ok) for (const p of layouts) revalidatePath(p, "layout");
  return result;
}

export function actionClient<D = undefined>(client: {
  /** the permission held on the unit the form names */
  permission: Action;
  /** the layouts whose pages show what the actions change (refreshed after a success), or those of the unit acted on */
  revalidate: readonly string[] | ((auth: Authorized) => readonly string[]);
  /** the answer to a form that fails its schema (default: the first field's message) */
  invalid?: (error: z.ZodError) => ActionResult<never>;
}) {
  return function defineAction<T extends Record<K, string>, K extends string>(spec: {
    /** names the action in the access log ("action:moveSection") */
    name: string;
    schema: z.ZodType<T>;
    /** the form field naming the unit acted on: the permission is checked there */
    unitField: K;
    run: (ctx: ActionContext<T>) => Promise<ActionResult<D>>;
    /** instead of the client's layouts (`[]`: an action that writes nothing) */
    revalidate?: readonly string[];
  }): FormAction<D> {
    return async (_prev, form) => {
      const guard = await authorizeForm(
        spec.name,
        client.permission,
        form,
        spec.schema,
        spec.unitField,
        client.invalid ?? invalidFields,
      );
      if (!guard.ok) return guard.result;
      const result = await spec.run({ input: guard.input, auth: guard.auth, actor: actorOf(guard.auth), form });
      const layouts =
        spec.revalidate ??
        (typeof client.revalidate === "function" ? client.revalidate(guard.auth) : client.revalidate);
      return revalidatedOnSuccess(layouts, result);
    };
  };
}
