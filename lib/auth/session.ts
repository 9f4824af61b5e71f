import "server-only";
import crypto from "node:crypto";
import { headers } from "next/headers";
import { cache } from "react";
import { catalogueVersion, catalogueVersionSql, progressVersion, progressVersionSql } from "@/lib/data/catalogue-cache";
import { db, rows } from "@/lib/db";
import { setRenderPreamble } from "@/lib/request-memo";
import { isDbUnavailable, markDbUnavailable } from "@/lib/db-errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS, auth } from "./auth";
import { storedSessionToken } from "./session-token-store";
import type { Principal } from "./permissions";

export type Viewer = Principal & {
  userId: string;
  sessionId: string;
  username: string;
  name: string;
  mustChangePassword: boolean;
  grants: { role: Role; orgUnitId: number }[];
};

// The last-activity time is written at most this often, not on every request.
const TOUCH_AFTER_MS = 60_000;

/**
 * The session token of the request's signed cookie (better-auth's: `token.signature`, HMAC-SHA256
 * with the auth secret, as better-call signs it), or null when absent or not signed by us.
 */
export async function signedSessionToken(requestHeaders: Headers): Promise<string | null> {
  const context = await auth().$context;
  const cookieName = context.authCookies.sessionToken.name;
  const raw = (requestHeaders.get("cookie") ?? "")
    .split(";")
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${cookieName}=`));
  if (!raw) return null;
  let value = raw.slice(cookieName.length + 1);
  if (value.startsWith('"')) value = value.slice(1, -1);
  try {
    value = decodeURIComponent(value);
  } catch {
    return null;
  }
  const dot = value.lastIndexOf(".");
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(crypto.createHmac("sha256", context.secret).update(token).digest("base64"));
  return signature.length === expected.length && crypto.timingSafeEqual(signature, expected) ? token : null;
}

/** A session row with its person and grants, as `sessionJsonSql` gives it (times in epoch milliseconds). */
export type SessionRow = {
  sessionId: string;
  createdAt: number;
  updatedAt: number;
  expiresAt: number;
  userId: string;
  name: string;
  username: string | null;
  email: string;
  disabled: boolean;
  mustChangePassword: boolean;
  grants: { role: Role; orgUnitId: number }[];
};

const epochMs = (column: string) => Prisma.raw(`(extract(epoch FROM ${column}) * 1000)::float8`);

/**
 * SQL: the session row `s`, its person `u` and their grants as one JSON object (a `SessionRow`), for
 * a statement that joins `session s JOIN app_user u ON u.id = s.user_id`. Times as epoch milliseconds
 * (the columns are UTC timestamps without a zone, which a JSON text or the pg driver would read as
 * local time).
 */
export const sessionJsonSql = Prisma.sql`json_build_object(
  'sessionId', s.id, 'createdAt', ${epochMs("s.created_at")}, 'updatedAt', ${epochMs("s.updated_at")},
  'expiresAt', ${epochMs("s.expires_at")}, 'userId', u.id, 'name', u.name, 'username', u.username, 'email', u.email,
  'disabled', u.disabled, 'mustChangePassword', u.must_change_password,
  'grants', coalesce((SELECT json_agg(json_build_object('role', g.role, 'orgUnitId', g.org_unit_id) ORDER BY g.id)
                        FROM role_assignment g WHERE g.user_id = u.id), '[]'::json))`;

/**
 * The session row, its person and their grants in one statement (better-auth's getSession reads the
 * session and the user in two, and the grants were a third): every request still reads the row, so a
 * session revoked, reset or of a disabled account ends at the next request, as before. The same
 * statement reads the catalogue's and the progress versions, which nearly every page needs next (the
 * header's unit checks and late wards, the terms and programmes): a statement fewer each per page.
 */
async function readSession(token: string): Promise<SessionRow | null> {
  const read = rows<{ catalogueVersion: string | null; progressVersion: string | null; session: SessionRow | null }>(
    Prisma.sql`
    SELECT ${catalogueVersionSql} AS "catalogueVersion", ${progressVersionSql} AS "progressVersion",
           (SELECT ${sessionJsonSql} FROM session s JOIN app_user u ON u.id = s.user_id
             WHERE s.token = ${storedSessionToken(token)}) AS session`,
  );
  // primed before the answer: a catalogue read the page starts meanwhile waits for this statement
  catalogueVersion.prime(read.then(([row]) => row.catalogueVersion ?? "none"));
  // the header of district staff asks which districts have late wards, kept under this version
  progressVersion.prime(read.then(([row]) => row.progressVersion ?? "none"));
  return (await read)[0].session;
}

/**
 * The signed-in person behind these request headers, or null. Ends (deletes) the session when it has
 * been idle for 30 minutes, is older than 12 hours (or past better-auth's expiry), or its account is
 * disabled.
 */
export async function viewerFromHeaders(requestHeaders: Headers, now = new Date()): Promise<Viewer | null> {
  const token = await signedSessionToken(requestHeaders);
  if (!token) return null;
  const found = await readSession(token)
    // a database that cannot be reached is an outage (503), not "signed out" (a redirect to sign-in)
    .catch((e: unknown) => (isDbUnavailable(e) ? Promise.reject(markDbUnavailable(e)) : null));
  return viewerFromSession(found, now);
}

/**
 * The person of a session row read for this request (null: no such session), after the checks of
 * every request: a session idle for 30 minutes, older than 12 hours, past better-auth's expiry or of a
 * disabled account is ended (deleted) and gives null; the last activity is written at most once a
 * minute.
 */
export async function viewerFromSession(found: SessionRow | null, now = new Date()): Promise<Viewer | null> {
  if (!found) return null;
  const idleMs = now.getTime() - found.updatedAt;
  const ageMs = now.getTime() - found.createdAt;
  if (
    found.disabled ||
    idleMs > SESSION_IDLE_SECONDS * 1000 ||
    ageMs > SESSION_ABSOLUTE_SECONDS * 1000 ||
    found.expiresAt < now.getTime()
  ) {
    await db().session.deleteMany({ where: { id: found.sessionId } });
    return null;
  }
  if (idleMs > TOUCH_AFTER_MS)
    await db().session.updateMany({ where: { id: found.sessionId }, data: { updatedAt: now } });
  return {
    userId: found.userId,
    sessionId: found.sessionId,
    username: found.username ?? found.email,
    name: found.name,
    mustChangePassword: found.mustChangePassword,
    grants: found.grants,
  };
}

/** The signed-in person of the current request (once per request). */
export const getViewer = cache(async (): Promise<Viewer | null> => viewerFromHeaders(await headers()));

// a page's catalogue reads wait for the session's statement, which reads the catalogue's version
setRenderPreamble(getViewer);
