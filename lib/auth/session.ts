import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { db } from "@/lib/db";
import { isDbUnavailable, markDbUnavailable } from "@/lib/db-errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS, auth } from "./auth";
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
 * The signed-in person behind these request headers, or null. Ends (deletes) the session when it has
 * been idle for 30 minutes, is older than 12 hours, or its account is disabled.
 */
export async function viewerFromHeaders(requestHeaders: Headers, now = new Date()): Promise<Viewer | null> {
  const found = await auth()
    .api.getSession({ headers: requestHeaders, query: { disableCookieCache: true } })
    // a database that cannot be reached is an outage (503), not "signed out" (a redirect to sign-in)
    .catch((e: unknown) => (isDbUnavailable(e) ? Promise.reject(markDbUnavailable(e)) : null));
  if (!found) return null;
  const { session, user } = found;
  const idleMs = now.getTime() - new Date(session.updatedAt).getTime();
  const ageMs = now.getTime() - new Date(session.createdAt).getTime();
  if (user.disabled || idleMs > SESSION_IDLE_SECONDS * 1000 || ageMs > SESSION_ABSOLUTE_SECONDS * 1000) {
    await db().session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (idleMs > TOUCH_AFTER_MS) await db().session.updateMany({ where: { id: session.id }, data: { updatedAt: now } });
  const grants = await db().roleAssignment.findMany({
    where: { userId: user.id },
    select: { role: true, orgUnitId: true },
    orderBy: { id: "asc" },
  });
  return {
    userId: user.id,
    sessionId: session.id,
    username: (user as { username?: string | null }).username ?? user.email,
    name: user.name,
    mustChangePassword: !!user.mustChangePassword,
    grants,
  };
}

/** The signed-in person of the current request (once per request). */
export const getViewer = cache(async (): Promise<Viewer | null> => viewerFromHeaders(await headers()));
