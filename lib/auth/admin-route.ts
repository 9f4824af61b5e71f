import "server-only";
import type { z } from "zod";
import { jsonError, jsonOk } from "@/lib/api/http";
import { userIdSchema } from "@/lib/validation/auth";
import { logAccess } from "./access-log";
import { canManageAccounts } from "./permissions";
import { readBody, refuseCrossSite, seeOther } from "./route-guard";
import { type Viewer, viewerFromHeaders } from "./session";

/** Administrator-only mutating routes: same origin, a session, and the right to manage accounts. */
export async function requireAccountManager(request: Request): Promise<{ viewer: Viewer } | { refusal: Response }> {
  const crossSite = await refuseCrossSite(request);
  if (crossSite) return { refusal: crossSite };
  const viewer = await viewerFromHeaders(request.headers);
  if (!viewer) return { refusal: jsonError(401, "unauthorized", "Cần đăng nhập.") };
  if (!canManageAccounts(viewer) || viewer.mustChangePassword) {
    await logAccess({
      event: "REFUSED",
      userId: viewer.userId,
      target: `${request.method} ${new URL(request.url).pathname}`,
    });
    return { refusal: jsonError(403, "forbidden", "Không có quyền quản lý tài khoản.") };
  }
  return { viewer };
}

/**
 * The answer of an administrator route: JSON for programs, or back to the accounts page with the
 * message for the page's forms.
 */
export function adminAnswer(
  isForm: boolean,
  status: number,
  message: string,
  extra: Record<string, unknown> = {},
): Response {
  if (isForm) return seeOther(`/quan-tri/tai-khoan?${status < 300 ? "ok" : "loi"}=${encodeURIComponent(message)}`);
  if (status < 300) return jsonOk({ ok: true, message, ...extra });
  const code = status === 404 ? "not_found" : status === 403 ? "forbidden" : "bad_request";
  return jsonError(status, code, message);
}

/** adminAnswer of what an administrator operation (account-admin.ts) did; `extra` goes in the JSON of a success. */
export function outcomeAnswer(
  isForm: boolean,
  outcome: { ok: true; message: string } | { ok: false; status: number; message: string },
  extra: Record<string, unknown> = {},
): Response {
  return outcome.ok
    ? adminAnswer(isForm, 200, outcome.message, extra)
    : adminAnswer(isForm, outcome.status, outcome.message);
}

/**
 * The common start of a route acting on one account (`/api/admin/accounts/{id}/…`): the
 * administrator check, then the account id and the body (a form or JSON) parsed with `schema`.
 * An invalid request gets "Yêu cầu không hợp lệ." or, with `explain`, the schema's own message.
 */
export async function accountRequest<T>(
  request: Request,
  params: Promise<{ id: string }>,
  schema: z.ZodType<T>,
  { explain = false }: { explain?: boolean } = {},
): Promise<{ refusal: Response } | { viewer: Viewer; userId: string; body: T; isForm: boolean }> {
  const guard = await requireAccountManager(request);
  if ("refusal" in guard) return guard;
  const { body: raw, isForm, refused } = await readBody(request);
  if (refused) return { refusal: adminAnswer(isForm, 400, refused) };
  const id = userIdSchema.safeParse((await params).id);
  const body = schema.safeParse(raw);
  if (!id.success || !body.success) {
    const message = explain ? (body.error?.issues[0]?.message ?? "Yêu cầu không hợp lệ.") : "Yêu cầu không hợp lệ.";
    return { refusal: adminAnswer(isForm, 400, message) };
  }
  return { viewer: guard.viewer, userId: id.data, body: body.data, isForm };
}
