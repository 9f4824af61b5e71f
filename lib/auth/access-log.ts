import "server-only";
import { db } from "@/lib/db";
import type { AccessEvent } from "@/lib/generated/prisma/enums";

export type AccessLogEntry = {
  event: AccessEvent;
  userId?: string | null;
  identifier?: string | null;
  address?: string | null;
  target?: string | null;
  detail?: string | null;
};

/** Records who did what and when about access. A failing log write never breaks the request. */
export async function logAccess(entry: AccessLogEntry): Promise<void> {
  try {
    await db().accessLog.create({
      data: { ...entry, target: entry.target?.slice(0, 300), detail: entry.detail?.slice(0, 500) },
    });
  } catch (e) {
    console.error("access log write failed:", e instanceof Error ? e.message : e);
  }
}
