import "server-only";
import crypto from "node:crypto";
import { db, rows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// Tokens look like "ctk_<43 base64url characters>" (256 random bits); only their SHA-256 is stored.
const PREFIX = "ctk_";

export const hashToken = (token: string): string => crypto.createHash("sha256").update(token).digest("hex");

/** Issues a token reading `orgUnitId` and the units below it; the token itself is shown once. */
export async function issueApiToken(input: {
  name: string;
  orgUnitId: number;
  createdById: string;
}): Promise<{ id: number; token: string }> {
  const token = PREFIX + crypto.randomBytes(32).toString("base64url");
  const row = await db().apiToken.create({ data: { ...input, tokenHash: hashToken(token) }, select: { id: true } });
  return { id: row.id, token };
}

/** Revokes a token: "revoked" now, "already" revoked before, or "missing" (no such token). */
export async function revokeApiToken(id: number): Promise<"revoked" | "already" | "missing"> {
  const { count } = await db().apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count > 0) return "revoked";
  return (await db().apiToken.findUnique({ where: { id }, select: { id: true } })) ? "already" : "missing";
}

/** The stored hash of the token in `Authorization: Bearer …` (when it has a token's form), or null. */
export function bearerTokenHash(requestHeaders: Headers): string | null {
  const match = /^Bearer\s+(ctk_[A-Za-z0-9_-]{20,100})$/.exec(requestHeaders.get("authorization") ?? "");
  return match ? hashToken(match[1]) : null;
}

/** A token row as `apiTokenJsonSql` gives it (last use in epoch milliseconds). */
export type ApiTokenRow = { id: number; orgUnitId: number; revoked: boolean; lastUsedAt: number | null };

/** SQL: the `api_token t` row as one JSON object (an `ApiTokenRow`). */
export const apiTokenJsonSql = Prisma.sql`json_build_object('id', t.id, 'orgUnitId', t.org_unit_id,
  'revoked', t.revoked_at IS NOT NULL, 'lastUsedAt', (extract(epoch FROM t.last_used_at) * 1000)::float8)`;

/** The live token of a row read for this request (null: none, or revoked); its last use written at most once a minute. */
export async function liveApiToken(row: ApiTokenRow | null): Promise<{ id: number; orgUnitId: number } | null> {
  if (!row || row.revoked) return null;
  if (row.lastUsedAt === null || Date.now() - row.lastUsedAt > 60_000) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { id: row.id, orgUnitId: row.orgUnitId };
}

/** The live token behind `Authorization: Bearer …`, or null. */
export async function apiTokenFromHeaders(requestHeaders: Headers): Promise<{ id: number; orgUnitId: number } | null> {
  const tokenHash = bearerTokenHash(requestHeaders);
  if (!tokenHash) return null;
  const found = await rows<{ token: ApiTokenRow }>(
    Prisma.sql`SELECT ${apiTokenJsonSql} AS token FROM api_token t WHERE t.token_hash = ${tokenHash}`,
  );
  return liveApiToken(found[0]?.token ?? null);
}
