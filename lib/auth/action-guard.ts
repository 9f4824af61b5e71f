import "server-only";
// The preamble of every server action: same-origin request, a signed-in person whose password is in
// order, the input parsed once (a repeated field refused), and the permission on exactly the unit the
// parsed input names — checked here, on the server, whatever the page showed. The answer carries the
// units where the person holds that action: the action resolves its target inside them, never inside
// what the person (or the public portal) may merely read.
import { headers } from "next/headers";
import type { z } from "zod";
import { type ActionResult, failure, unavailable } from "@/lib/result";
import { topLevelIds } from "@/lib/data/org-unit-list";
import { getUnitScope } from "@/lib/data/org-units";
import { type ReadScope, subtreeScope } from "@/lib/data/scope";
import { isDbUnavailable } from "@/lib/db-errors";
import { singleValued } from "@/lib/validation/form-input";
import { logAccess } from "./access-log";
import { isSameOrigin } from "./origin";
import { type Action, type UnitScope, can, unitsWith } from "./permissions";
import { type Viewer, viewerFromHeaders } from "./session";

const DB_DOWN = Symbol("database unavailable");

export type Authorized = {
  viewer: Viewer;
  unit: UnitScope & { slug: string };
  /** the units where the viewer holds the action (with those below them): where its target must lie */
  scope: ReadScope;
};

type Refused = { ok: false; result: ActionResult<never> };

const FORBIDDEN = "Bạn không có quyền thực hiện thao tác này cho đơn vị này.";

/** Same origin and a signed-in person whose password is in order (logged when refused). */
export async function signedIn(what: string): Promise<{ ok: true; viewer: Viewer } | Refused> {
  const h = await headers();
  if (!isSameOrigin(h)) {
    await logAccess({ event: "REFUSED", target: what, detail: `origin ${h.get("origin") ?? "(none)"}` });
    return { ok: false, result: failure("forbidden", "Yêu cầu từ trang khác bị từ chối.") };
  }
  const viewer = await viewerFromHeaders(h).catch((e: unknown) => (isDbUnavailable(e) ? DB_DOWN : Promise.reject(e)));
  if (viewer === DB_DOWN) return { ok: false, result: unavailable() };
  if (!viewer || viewer.mustChangePassword) {
    return {
      ok: false,
      result: failure(
        "unauthenticated",
        "Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại trong thẻ mới; số liệu đã gõ vẫn còn trên trang này.",
      ),
    };
  }
  return { ok: true, viewer };
}

/** `action` on `unitSlug`, judged only by the grants that carry that action. */
async function permitted(
  what: string,
  viewer: Viewer,
  action: Action,
  unitSlug: string,
): Promise<{ ok: true; auth: Authorized } | Refused> {
  const unit = await getUnitScope(unitSlug);
  if (!unit || !can(viewer, action, unit)) {
    await logAccess({ event: "REFUSED", userId: viewer.userId, target: what, detail: `${action} on ${unitSlug}` });
    return { ok: false, result: failure("forbidden", FORBIDDEN) };
  }
  return {
    ok: true,
    auth: {
      viewer,
      unit: { id: unit.id, path: unit.path, slug: unitSlug },
      scope: subtreeScope(unitsWith(viewer, action)),
    },
  };
}

/**
 * The viewer allowed to do `action` on `unitSlug`, or the failure to answer with (logged).
 * `what` names the action in the access log ("action:saveEntry"). For actions whose unit does not
 * come from a form (a JSON payload parsed by the caller, plain arguments).
 */
export async function authorizeAction(
  what: string,
  action: Action,
  unitSlug: string,
): Promise<{ ok: true; auth: Authorized } | Refused> {
  const who = await signedIn(what);
  if (!who.ok) return who;
  return permitted(what, who.viewer, action, unitSlug);
}

/**
 * A form action's preamble: signed in, the form read once into one object (a repeated field is
 * refused), parsed with `schema`, and `action` checked on the unit the parsed input names in
 * `unitField` — the very value the action then uses. An invalid form is answered by `invalid`
 * only to a person who may act on the unit it names (anyone else is refused first).
 */
export async function authorizeForm<T extends Record<K, string>, K extends string, R = never>(
  what: string,
  action: Action,
  form: FormData,
  schema: z.ZodType<T>,
  unitField: K,
  invalid: (error: z.ZodError) => ActionResult<R>,
): Promise<{ ok: true; auth: Authorized; input: T } | { ok: false; result: ActionResult<R> }> {
  const who = await signedIn(what);
  if (!who.ok) return who;
  const fields = singleValued(form);
  if (!fields.ok) {
    await logAccess({
      event: "REFUSED",
      userId: who.viewer.userId,
      target: what,
      detail: `repeated field ${fields.field}`,
    });
    return {
      ok: false,
      result: failure("invalid", fields.message, { fieldErrors: { [fields.field]: [fields.message] } }),
    };
  }
  const parsed = schema.safeParse(fields.fields);
  const raw = fields.fields[unitField];
  const unitSlug = parsed.success ? parsed.data[unitField] : typeof raw === "string" ? raw : "";
  const allowed = await permitted(what, who.viewer, action, unitSlug);
  if (!allowed.ok) return allowed;
  if (!parsed.success) return { ok: false, result: invalid(parsed.error) };
  return { ok: true, auth: allowed.auth, input: parsed.data };
}

/**
 * A form about a unit at the top (a city, which has no unit above it to hold a right on): signed
 * in, the form read once, and `action` held on some unit at the top.
 */
export async function authorizeTopLevelForm<T, R = never>(
  what: string,
  action: Action,
  form: FormData,
  schema: z.ZodType<T>,
  invalid: (error: z.ZodError) => ActionResult<R>,
): Promise<{ ok: true; viewer: Viewer; input: T } | { ok: false; result: ActionResult<R> }> {
  const who = await signedIn(what);
  if (!who.ok) return who;
  const fields = singleValued(form);
  const roots = await topLevelIds(unitsWith(who.viewer, action));
  if (roots.length === 0) {
    await logAccess({ event: "REFUSED", userId: who.viewer.userId, target: what, detail: `${action} at the top` });
    return { ok: false, result: failure("forbidden", FORBIDDEN) };
  }
  if (!fields.ok)
    return {
      ok: false,
      result: failure("invalid", fields.message, { fieldErrors: { [fields.field]: [fields.message] } }),
    };
  const parsed = schema.safeParse(fields.fields);
  if (!parsed.success) return { ok: false, result: invalid(parsed.error) };
  return { ok: true, viewer: who.viewer, input: parsed.data };
}
