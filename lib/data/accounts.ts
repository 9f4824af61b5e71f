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
      roles: {
        select: { id: true, role: true, orgUnit: { select: { slug: true, name: true } } },
        orderBy: { id: "asc" },
      },
    },
  });
  return users.map((u) => ({
    ...u,
    username: u.username ?? u.email,
    roles: u.roles.map((r) => ({ id: r.id, role: r.role, unit: r.orgUnit })),
  }));
}

export type AccessLogRow = {
  id: string;
  at: string;
  event: AccessEvent;
  who: string | null;
  identifier: string | null;
  address: string | null;
  target: string | null;
  detail: string | null;
};

export const ACCESS_LOG_PAGE_SIZE = 50;

export type AccessLogFilter = { who?: string; event?: AccessEvent; from?: string; to?: string; page?: number };
export type AccessLogPage = { rows: AccessLogRow[]; total: number; page: number; pages: number };

/** Hà Nội midnight of a YYYY-MM-DD day (UTC+7, no daylight saving), plus `days`. */
const hanoiDay = (day: string, days = 0) => new Date(Date.parse(`${day}T00:00:00+07:00`) + days * 86_400_000);

/**
 * One page of the access log, newest first, filtered in SQL: `who` matches the account's user name,
 * the name typed at sign-in or the address; `from`/`to` are days in Hà Nội time, inclusive.
 */
export async function listAccessLog(filter: AccessLogFilter = {}): Promise<AccessLogPage> {
  const who = filter.who?.trim();
  const userIds = who
    ? (
        await db().user.findMany({
          where: { username: { contains: who.toLowerCase() } },
          select: { id: true },
          take: 200,
        })
      ).map((u) => u.id)
    : [];
  const where = {
    ...(filter.event ? { event: filter.event } : {}),
    ...(filter.from || filter.to
      ? {
          at: {
            ...(filter.from ? { gte: hanoiDay(filter.from) } : {}),
            ...(filter.to ? { lt: hanoiDay(filter.to, 1) } : {}),
          },
        }
      : {}),
    ...(who
      ? {
          OR: [
            { identifier: { contains: who, mode: "insensitive" as const } },
            { address: who },
            ...(userIds.length ? [{ userId: { in: userIds } }] : []),
          ],
        }
      : {}),
  };
  const total = await db().accessLog.count({ where });
  const pages = Math.max(1, Math.ceil(total / ACCESS_LOG_PAGE_SIZE));
  const page = Math.min(Math.max(filter.page ?? 1, 1), pages);
  const rows = await db().accessLog.findMany({
    where,
    orderBy: { id: "desc" },
    skip: (page - 1) * ACCESS_LOG_PAGE_SIZE,
    take: ACCESS_LOG_PAGE_SIZE,
    select: {
      id: true,
      at: true,
      event: true,
      userId: true,
      identifier: true,
      address: true,
      target: true,
      detail: true,
    },
  });
  const ids = [...new Set(rows.map((r) => r.userId).filter((x): x is string => !!x))];
  const users = new Map(
    (await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, username: true } })).map((u) => [
      u.id,
      u.username,
    ]),
  );
  return {
    total,
    page,
    pages,
    rows: rows.map((r) => ({
      id: r.id.toString(),
      at: r.at.toISOString(),
      event: r.event,
      who: r.userId ? (users.get(r.userId) ?? r.userId) : null,
      identifier: r.identifier,
      address: r.address,
      target: r.target,
      detail: r.detail,
    })),
  };
}

export type AnonymousRefusalRow = {
  address: string;
  windowStart: string;
  kind: string;
  count: number;
  lastTarget: string | null;
  lastAt: string;
};

/** Anonymous refusals counted per address and hour (lib/auth/anonymous-refusal.ts) in the same days, most recent first. */
export async function listAnonymousRefusals(
  filter: Pick<AccessLogFilter, "from" | "to" | "who"> = {},
  limit = 50,
): Promise<AnonymousRefusalRow[]> {
  const rows = await db().anonymousRefusal.findMany({
    where: {
      ...(filter.from || filter.to
        ? {
            windowStart: {
              ...(filter.from ? { gte: new Date(hanoiDay(filter.from).getTime() - 3_600_000) } : {}),
              ...(filter.to ? { lt: hanoiDay(filter.to, 1) } : {}),
            },
          }
        : {}),
      ...(filter.who ? { address: filter.who.trim() } : {}),
    },
    orderBy: [{ windowStart: "desc" }, { count: "desc" }],
    take: limit,
    select: { address: true, windowStart: true, kind: true, count: true, lastTarget: true, lastAt: true },
  });
  return rows.map((r) => ({ ...r, windowStart: r.windowStart.toISOString(), lastAt: r.lastAt.toISOString() }));
}

export type ApiTokenRow = {
  id: number;
  name: string;
  unit: { slug: string; name: string };
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
};

/** API tokens (never the tokens themselves: only their hashes are stored). */
export async function listApiTokens(): Promise<ApiTokenRow[]> {
  const rows = await db().apiToken.findMany({
    orderBy: { id: "desc" },
    select: {
      id: true,
      name: true,
      createdAt: true,
      revokedAt: true,
      lastUsedAt: true,
      orgUnit: { select: { slug: true, name: true } },
      createdBy: { select: { username: true, email: true } },
    },
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
