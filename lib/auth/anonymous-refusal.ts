import "server-only";
import { db } from "@/lib/db";

// An anonymous refusal (no session, no token; a cross-site request) costs the refused client nothing,
// so it is counted — one row per address, hour and kind, upserted — instead of logged row by row.
// Windows older than RETENTION_DAYS are dropped when a new one starts.

export type RefusalKind = "api" | "cross-site";
export const WINDOW_MS = 60 * 60_000;
const RETENTION_DAYS = 90;

export const windowStartOf = (at: Date): Date => new Date(Math.floor(at.getTime() / WINDOW_MS) * WINDOW_MS);

/** Counts one anonymous refusal. A failing write never breaks the request. */
export async function countAnonymousRefusal(
  input: { address: string; kind: RefusalKind; target: string },
  now = new Date(),
): Promise<void> {
  try {
    const [row] = await db().$queryRaw<{ inserted: boolean }[]>`
      INSERT INTO "anonymous_refusal" ("address", "window_start", "kind", "count", "last_target", "last_at")
      VALUES (${input.address}, ${windowStartOf(now)}, ${input.kind}, 1, ${input.target.slice(0, 300)}, ${now})
      ON CONFLICT ("address", "window_start", "kind")
      DO UPDATE SET "count" = "anonymous_refusal"."count" + 1, "last_target" = EXCLUDED."last_target", "last_at" = EXCLUDED."last_at"
      RETURNING (xmax = 0) AS "inserted"`;
    if (row?.inserted) {
      await db().anonymousRefusal.deleteMany({
        where: { windowStart: { lt: new Date(now.getTime() - RETENTION_DAYS * 86_400_000) } },
      });
    }
  } catch (e) {
    console.error("refusal count write failed:", e instanceof Error ? e.message : e);
  }
}
