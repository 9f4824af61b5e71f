import "server-only";
import { db } from "@/lib/db";
import type { AccessEvent, Role } from "@/lib/generated/prisma/enums";

export type AccountRow = {
  id: string;
  username: string;
  name: string;
  email: string;
  disabled: boolean;
  mustChangePassword: boolean;
  isDemo: boolean;
  roles: { id: number; role: Role; unit: { slug: string; name: string } }[];
};

/** Every account with its roles, for the administrator's page (callers check canManageAccounts). */
export async function listAccounts(): Promise<AccountRow[]> {
  const users = await db().user.findMany({
    orderBy: { username: "asc" },
    select: {
      id: true,
      username: true,
      name: true,
      email: true,
      disabled: true,
      mustChangePassword: true,
      isDemo: true,
      roles: { select: { id: true, role: true, orgUnit: { select: { slug: true, name: true } } }, orderBy: { id: "asc" } },
    },
  });
  return users.map((u) => ({ ...u, username: u.username ?? u.email, roles: u.roles.map((r) => ({ id: r.id, role: r.role, unit: r.orgUnit })) }));
}

export type AccessLogRow = { id: string; at: string; event: AccessEvent; who: string | null; identifier: string | null; address: string | null; target: string | null; detail: string | null };

/** The latest access-log entries, newest first. */
export async function listAccessLog(limit = 200): Promise<AccessLogRow[]> {
  const rows = await db().accessLog.findMany({ orderBy: { id: "desc" }, take: limit });
  const ids = [...new Set(rows.map((r) => r.userId).filter((x): x is string => !!x))];
  const users = new Map((await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, username: true } })).map((u) => [u.id, u.username]));
  return rows.map((r) => ({
    id: r.id.toString(),
    at: r.at.toISOString(),
    event: r.event,
    who: r.userId ? (users.get(r.userId) ?? r.userId) : null,
    identifier: r.identifier,
    address: r.address,
    target: r.target,
    detail: r.detail,
  }));
}

export type ApiTokenRow = { id: number; name: string; unit: { slug: string; name: string }; createdBy: string; createdAt: string; revokedAt: string | null; lastUsedAt: string | null };

/** API tokens (never the tokens themselves: only their hashes are stored). */
export async function listApiTokens(): Promise<ApiTokenRow[]> {
  const rows = await db().apiToken.findMany({
    orderBy: { id: "desc" },
    select: { id: true, name: true, createdAt: true, revokedAt: true, lastUsedAt: true, orgUnit: { select: { slug: true, name: true } }, createdBy: { select: { username: true, email: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    unit: r.orgUnit,
    createdBy: r.createdBy.username ?? r.createdBy.email,
    createdAt: r.createdAt.toISOString(),
    revokedAt: r.revokedAt?.toISOString() ?? null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  }));
}
