import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";

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

/** The live token behind `Authorization: Bearer …`, or null. */
export async function apiTokenFromHeaders(requestHeaders: Headers): Promise<{ id: number; orgUnitId: number } | null> {
  const match = /^Bearer\s+(ctk_[A-Za-z0-9_-]{20,100})$/.exec(requestHeaders.get("authorization") ?? "");
  if (!match) return null;
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashToken(match[1]) },
    select: { id: true, orgUnitId: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) return null;
  // last use, at most once a minute
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { id: row.id, orgUnitId: row.orgUnitId };
}
