import "server-only";
// Server-side checks of every page and route handler. The proxy only redirects; these decide.
import { headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { jsonError } from "@/lib/api/http";
import { getUnitScope, unitIdsWithin } from "@/lib/data/org-units";
import { env } from "@/lib/env";
import { logAccess } from "./access-log";
import { apiTokenFromHeaders } from "./api-token";
import { type Action, can, canManageAccounts, unitsWith } from "./permissions";
import { type Viewer, getViewer, viewerFromHeaders } from "./session";

async function currentPath(): Promise<string> {
  return (await headers()).get("x-ctk-path") ?? "/";
}

/** A signed-in person whose password is in order, or a redirect to sign-in (or password change). */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/dang-nhap?next=${encodeURIComponent(await currentPath())}`);
  if (viewer.mustChangePassword) redirect("/doi-mat-khau");
  return viewer;
}

async function refuse(viewer: Viewer | null, what: string): Promise<never> {
  await logAccess({ event: "REFUSED", userId: viewer?.userId, target: what });
  forbidden();
}

/**
 * Pages that read `slug`'s figures: anyone when the public portal is on; otherwise a person with
 * `read` on the unit or above it. Unknown unit: 404.
 */
export async function requireReadPage(slug: string): Promise<Viewer | null> {
  if (env.PUBLIC_PORTAL) return getViewer();
  const viewer = await requireViewer();
  const unit = await getUnitScope(slug);
  if (!unit) notFound();
  if (!can(viewer, "read", unit)) await refuse(viewer, `page ${await currentPath()}`);
  return viewer;
}

/** Pages that need `action` on `slug` whatever the portal setting (e.g. district comparisons). */
export async function requirePage(action: Action, slug: string): Promise<Viewer> {
  const viewer = await requireViewer();
  const unit = await getUnitScope(slug);
  if (!unit || !can(viewer, action, unit)) await refuse(viewer, `page ${await currentPath()} (${action})`);
  return viewer;
}

/** Unit ids (with those below) the reader may see; undefined = everything (public portal). */
export async function readableUnitIds(viewer: Viewer | null): Promise<number[] | undefined> {
  if (env.PUBLIC_PORTAL) return undefined;
  return unitIdsWithin(unitsWith(viewer, "read"));
}

export type ApiCaller = { kind: "public" } | { kind: "session"; viewer: Viewer } | { kind: "token"; tokenId: number; orgUnitId: number };

/**
 * The caller of a JSON API request, or the refusal to send: with the portal off, a session or an
 * API token is needed (401).
 */
export async function authorizeApi(request: Request): Promise<{ caller: ApiCaller } | { refusal: Response }> {
  const token = await apiTokenFromHeaders(request.headers);
  if (token) return { caller: { kind: "token", tokenId: token.id, orgUnitId: token.orgUnitId } };
  const viewer = await viewerFromHeaders(request.headers);
  if (viewer && !viewer.mustChangePassword) return { caller: { kind: "session", viewer } };
  if (env.PUBLIC_PORTAL) return { caller: { kind: "public" } };
  await logAccess({ event: "REFUSED", userId: viewer?.userId, target: apiTarget(request), detail: "no session or token" });
  return { refusal: jsonError(401, "unauthorized", "Cần đăng nhập hoặc mã truy cập API.") };
}

/** 403 when `slug` is outside the caller's reach (null: allowed, or an unknown unit the handler answers 404). */
export async function refuseUnit(request: Request, caller: ApiCaller, slug: string): Promise<Response | null> {
  if (caller.kind === "public") return null;
  const unit = await getUnitScope(slug);
  if (!unit) return null;
  const allowed = caller.kind === "token" ? unit.path.includes(caller.orgUnitId) : can(caller.viewer, "read", unit);
  if (allowed) return null;
  await logAccess({
    event: "REFUSED",
    userId: caller.kind === "session" ? caller.viewer.userId : null,
    target: apiTarget(request),
    detail: caller.kind === "token" ? `token ${caller.tokenId}` : null,
  });
  return jsonError(403, "forbidden", "Không có quyền xem đơn vị này.");
}

const apiTarget = (request: Request) => `${request.method} ${new URL(request.url).pathname}`;

/** The administrator pages: a signed-in person who may manage accounts (else 403, logged). */
export async function requireAccountManagerPage(): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!canManageAccounts(viewer)) await refuse(viewer, `page ${await currentPath()}`);
  return viewer;
}

/** May this person (or anyone, with the public portal) read `slug`? For hiding links, not for refusing. */
export async function mayRead(viewer: Viewer | null, slug: string): Promise<boolean> {
  if (env.PUBLIC_PORTAL) return true;
  if (!viewer || viewer.grants.length === 0) return false;
  const unit = await getUnitScope(slug);
  return !!unit && can(viewer, "read", unit);
}
