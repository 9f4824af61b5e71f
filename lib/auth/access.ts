import "server-only";
// Server-side checks of every page and route handler. The proxy only redirects; these decide. The
// checks that allow reading also hand back the reader's ReadScope, which lib/data puts in its queries.
// Direction: lib/auth reads org units through lib/data (org-units, scope); lib/data never imports
// lib/auth (eslint.config.mjs holds it), so the two do not loop.
import { headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { jsonError } from "@/lib/api/http";
import { catalogueVersion, catalogueVersionSql, progressVersion, progressVersionSql } from "@/lib/data/catalogue-cache";
import { topLevelIds } from "@/lib/data/org-unit-list";
import { getUnitScope, unitIdsWithin } from "@/lib/data/org-units";
import { ALL_UNITS, type ReadScope, subtreeScope } from "@/lib/data/scope";
import { rows } from "@/lib/db";
import { env } from "@/lib/env";
import { slugInPath } from "@/lib/former-slug";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgLevel } from "@/lib/generated/prisma/enums";
import { logAccess } from "./access-log";
import { countAnonymousRefusal } from "./anonymous-refusal";
import { type ApiTokenRow, apiTokenJsonSql, bearerTokenHash, liveApiToken } from "./api-token";
import { clientAddress } from "./client-address";
import { type Action, type UnitScope, can, canManageAccounts, unitsWith } from "./permissions";
import {
  type SessionRow,
  type Viewer,
  getViewer,
  sessionJsonSql,
  signedSessionToken,
  viewerFromSession,
} from "./session";
import { storedSessionToken } from "./session-token-store";

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
 * The unit and the signed-in reader's scope, in one query, once per request: the page's metadata and
 * body share it, and the same scope object keeps their cache()d loaders to one run.
 */
const readAccess = cache(async (slug: string) => {
  const viewer = await getViewer();
  const unit = await getUnitScope(slug);
  return unit && { unit, scope: subtreeScope(unitsWith(viewer, "read")) };
});

/** The scope a signed-in reader of `slug` reads with, after a `requirePage` check (same cached query). */
export async function pageReadScope(slug: string): Promise<ReadScope> {
  if (env.PUBLIC_PORTAL) return ALL_UNITS;
  return (await readAccess(slug))?.scope ?? subtreeScope([]);
}

/**
 * Pages that read `slug`'s figures: anyone when the public portal is on; otherwise a person with
 * `read` on the unit or above it. Unknown unit: 404. Returns the scope to read the data with.
 */
export async function requireReadPage(slug: string): Promise<ReadScope> {
  if (env.PUBLIC_PORTAL) return ALL_UNITS;
  const viewer = await requireViewer();
  const access = await readAccess(slug);
  if (!access) notFound();
  if (!can(viewer, "read", access.unit)) await refuse(viewer, `page ${await currentPath()}`);
  return access.scope;
}

/**
 * Pages that compare `slug` with the other units under its parent: `read` on the parent is needed.
 * Unknown unit, or one without a parent (nothing to compare with): 404, before any access question.
 */
export async function requireReadParentPage(slug: string): Promise<ReadScope> {
  if (env.PUBLIC_PORTAL) return ALL_UNITS;
  const viewer = await requireViewer();
  const access = await readAccess(slug);
  if (!access || access.unit.path.length < 2) notFound();
  const path = access.unit.path.slice(0, -1);
  if (!can(viewer, "read", { id: path[path.length - 1], path })) await refuse(viewer, `page ${await currentPath()}`);
  return access.scope;
}

/** Pages that need `action` on `slug` whatever the portal setting (e.g. district comparisons). */
export async function requirePage(action: Action, slug: string): Promise<Viewer> {
  const viewer = await requireViewer();
  const unit = await getUnitScope(slug);
  if (!unit || !can(viewer, action, unit)) await refuse(viewer, `page ${await currentPath()} (${action})`);
  return viewer;
}

/** The units (with those below) the reader may see, for pages not about one unit (the home page). */
export async function readScope(viewer: Viewer | null): Promise<ReadScope> {
  if (env.PUBLIC_PORTAL) return ALL_UNITS;
  return subtreeScope(unitsWith(viewer, "read"));
}

export type ApiCaller =
  { kind: "public" } | { kind: "session"; viewer: Viewer } | { kind: "token"; tokenId: number; orgUnitId: number };

/** The unit an API address names, as `readApiRequest` reads it. */
export type ApiUnit = {
  id: number;
  path: number[];
  slug: string;
  name: string;
  level: OrgLevel;
  /** formed from former units (org_unit_succession): its history includes theirs */
  hasPredecessors: boolean;
};

/** What every API request reads first, in one statement (`readApiRequest`). */
export type ApiRequestRead = {
  session: SessionRow | null;
  token: ApiTokenRow | null;
  /** the unit of the address's slug (null: none, or no slug asked) */
  unit: ApiUnit | null;
  /** the permanent redirect when the slug is a unit's former slug */
  moved: Response | null;
};

/**
 * One statement for what an API request needs before its data: the session of its cookie with the
 * person and their grants, the API token of its Authorization header, the unit its address names
 * (`slug`) and whether that slug is a unit's former one, and the catalogue's and progress versions
 * (primed for this request: `catalogueVersion`, `progressVersion`; the values kept under them need no
 * statement of their own). Nothing is cached across requests: a session ended, a token
 * revoked or a grant removed is seen by the next request. The checks on these rows are
 * `apiCaller` and `apiUnitScope`.
 */
export async function readApiRequest(request: Request, slug: string | null): Promise<ApiRequestRead> {
  const sessionToken = await signedSessionToken(request.headers);
  const [row] = await rows<{
    catalogueVersion: string | null;
    progressVersion: string | null;
    session: SessionRow | null;
    token: ApiTokenRow | null;
    unit: ApiUnit | null;
    movedTo: string | null;
  }>(Prisma.sql`
    SELECT ${catalogueVersionSql} AS "catalogueVersion", ${progressVersionSql} AS "progressVersion",
           (SELECT ${sessionJsonSql} FROM session s JOIN app_user u ON u.id = s.user_id
             WHERE s.token = ${sessionToken === null ? null : storedSessionToken(sessionToken)}) AS session,
           (SELECT ${apiTokenJsonSql} FROM api_token t WHERE t.token_hash = ${bearerTokenHash(request.headers)}) AS token,
           (SELECT json_build_object('id', o.id, 'path', o.path, 'slug', o.slug, 'name', o.name, 'level', o.level,
                     'hasPredecessors', EXISTS (SELECT 1 FROM org_unit_succession os WHERE os.successor_id = o.id))
              FROM org_unit o WHERE o.slug = ${slug}) AS unit,
           (SELECT m.slug FROM org_unit_former_slug f JOIN org_unit m ON m.id = f.org_unit_id WHERE f.slug = ${slug})
             AS "movedTo"`);
  catalogueVersion.prime(row.catalogueVersion ?? "none");
  progressVersion.prime(row.progressVersion ?? "none");
  let moved: Response | null = null;
  const url = new URL(request.url);
  const at = row.movedTo ? slugInPath(url.pathname) : null;
  if (at && row.movedTo && (request.method === "GET" || request.method === "HEAD")) {
    url.pathname = at.withSlug(row.movedTo);
    moved = new Response(null, { status: 308, headers: { Location: url.toString() } });
  }
  return { session: row.session, token: row.token, unit: row.unit, moved };
}

/**
 * The caller of a JSON API request, or the refusal to send: with the portal off, a session or an
 * API token is needed (401).
 */
export async function authorizeApi(request: Request): Promise<{ caller: ApiCaller } | { refusal: Response }> {
  return apiCaller(request, await readApiRequest(request, null));
}

/** The caller of an API request from the rows `readApiRequest` read (a live token first, then the session). */
export async function apiCaller(
  request: Request,
  read: ApiRequestRead,
): Promise<{ caller: ApiCaller } | { refusal: Response }> {
  const token = await liveApiToken(read.token);
  if (token) return { caller: { kind: "token", tokenId: token.id, orgUnitId: token.orgUnitId } };
  const viewer = await viewerFromSession(read.session);
  if (viewer && !viewer.mustChangePassword) return { caller: { kind: "session", viewer } };
  if (env.PUBLIC_PORTAL) return { caller: { kind: "public" } };
  // a person (who must change their password first) is logged; anonymous callers are only counted
  if (viewer)
    await logAccess({
      event: "REFUSED",
      userId: viewer.userId,
      target: apiTarget(request),
      detail: "no session or token",
    });
  else
    await countAnonymousRefusal({ address: clientAddress(request.headers), kind: "api", target: apiTarget(request) });
  return { refusal: jsonError(401, "unauthorized", "Cần đăng nhập hoặc mã truy cập API.") };
}

/**
 * The scope an API caller reads the unit `readApiRequest` found with (as `apiReadScope`), or 403
 * (logged) when the unit is outside it; an unknown unit gets a scope, and its handler answers 404.
 */
export async function apiUnitScope(
  request: Request,
  caller: ApiCaller,
  unit: UnitScope | null,
): Promise<{ scope: ReadScope } | { refusal: Response }> {
  if (caller.kind === "public" || env.PUBLIC_PORTAL) return { scope: ALL_UNITS };
  if (!unit) return { scope: subtreeScope([]) };
  const roots = caller.kind === "token" ? [caller.orgUnitId] : unitsWith(caller.viewer, "read");
  const allowed = caller.kind === "token" ? unit.path.includes(caller.orgUnitId) : can(caller.viewer, "read", unit);
  if (allowed) return { scope: subtreeScope(roots) };
  await logAccess({
    event: "REFUSED",
    userId: caller.kind === "session" ? caller.viewer.userId : null,
    target: apiTarget(request),
    detail: caller.kind === "token" ? `token ${caller.tokenId}` : null,
  });
  return { refusal: jsonError(403, "forbidden", "Không có quyền xem đơn vị này.") };
}

/**
 * The scope an API caller reads `slug` with (a token: its unit and those below; a person: their
 * readable units), or 403 when `slug` is outside it. An unknown unit gets a scope: the handler's
 * data read finds nothing and answers 404.
 */
export async function apiReadScope(
  request: Request,
  caller: ApiCaller,
  slug: string,
): Promise<{ scope: ReadScope } | { refusal: Response }> {
  // on the public portal a session or a token never reads less than an anonymous visitor
  if (caller.kind === "public" || env.PUBLIC_PORTAL) return { scope: ALL_UNITS };
  return apiUnitScope(request, caller, await getUnitScope(slug));
}

/**
 * Everything an API caller may read, for requests not about one unit (the /compare picker's search):
 * a token its unit and those below, a person their readable units, the public portal all.
 */
export function apiCallerScope(caller: ApiCaller): ReadScope {
  if (caller.kind === "public" || env.PUBLIC_PORTAL) return ALL_UNITS;
  return subtreeScope(caller.kind === "token" ? [caller.orgUnitId] : unitsWith(caller.viewer, "read"));
}

const apiTarget = (request: Request) => `${request.method} ${new URL(request.url).pathname}`;

/** The administrator pages: a signed-in person who may manage accounts (else 403, logged). */
export async function requireAccountManagerPage(): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!canManageAccounts(viewer)) await refuse(viewer, `page ${await currentPath()}`);
  return viewer;
}

/**
 * The administrators' pages of org units: a person who manages units somewhere. Returns the units
 * they manage (with those below) and whether they may add a city at the top.
 */
export async function requireOrgUnitManagerPage(): Promise<{ viewer: Viewer; scope: ReadScope; mayAddCity: boolean }> {
  const viewer = await requireViewer();
  const roots = unitsWith(viewer, "manageOrgUnits");
  if (roots.length === 0) await refuse(viewer, `page ${await currentPath()}`);
  const top = await topLevelIds(roots);
  return { viewer, scope: subtreeScope(roots), mayAddCity: top.length > 0 };
}

/** May this person (or anyone, with the public portal) read `slug`? For hiding links, not for refusing. */
export async function mayRead(viewer: Viewer | null, slug: string): Promise<boolean> {
  if (env.PUBLIC_PORTAL) return true;
  if (!viewer || viewer.grants.length === 0) return false;
  const unit = await getUnitScope(slug);
  return !!unit && can(viewer, "read", unit);
}

/** May the signed-in person enter, approve or unlock `slug`'s figures? For showing the link to its entry hub. */
export async function mayUseEntryHub(slug: string): Promise<boolean> {
  const [viewer, unit] = await Promise.all([getViewer(), getUnitScope(slug)]);
  return !!viewer && !!unit && (["editValues", "approve", "unlockValues"] as const).some((a) => can(viewer, a, unit));
}

/**
 * The catalogue pages: a signed-in person who holds `manageCatalogue` somewhere (else 403, logged).
 * Returns the units where they hold it (with those below): the programmes they may edit are issued there.
 */
export async function requireCataloguePage(): Promise<{ viewer: Viewer; roots: number[]; issuerIds: number[] }> {
  const viewer = await requireViewer();
  const roots = unitsWith(viewer, "manageCatalogue");
  if (roots.length === 0) await refuse(viewer, `page ${await currentPath()}`);
  return { viewer, roots, issuerIds: await unitIdsWithin(roots) };
}
