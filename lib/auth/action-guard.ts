import "server-only";
// The preamble of every server action: same-origin request, a signed-in person whose password is in
// order, and the permission on the unit — checked here, on the server, whatever the page showed.
import { headers } from "next/headers";
import { type ActionResult, failure, unavailable } from "@/lib/actions/result";
import { getUnitScope } from "@/lib/data/org-units";
import { isDbUnavailable } from "@/lib/db-errors";
import { logAccess } from "./access-log";
import { isSameOrigin } from "./origin";
import { type Action, type UnitScope, can } from "./permissions";
import { type Viewer, viewerFromHeaders } from "./session";

const DB_DOWN = Symbol("database unavailable");

export type Authorized = { viewer: Viewer; unit: UnitScope & { slug: string } };

/**
 * The viewer allowed to do `action` on `unitSlug`, or the failure to answer with (logged).
 * `what` names the action in the access log ("action:saveEntry").
 */
export async function authorizeAction(
  what: string,
  action: Action,
  unitSlug: string,
): Promise<{ ok: true; auth: Authorized } | { ok: false; result: ActionResult<never> }> {
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
      result: failure("unauthenticated", "Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại trong thẻ mới; số liệu đã gõ vẫn còn trên trang này."),
    };
  }
  const unit = await getUnitScope(unitSlug);
  if (!unit || !can(viewer, action, unit)) {
    await logAccess({ event: "REFUSED", userId: viewer.userId, target: what, detail: `${action} on ${unitSlug}` });
    return { ok: false, result: failure("forbidden", "Bạn không có quyền thực hiện thao tác này cho đơn vị này.") };
  }
  return { ok: true, auth: { viewer, unit: { ...unit, slug: unitSlug } } };
}
