import "server-only";
import { db } from "@/lib/db";

/** true when the database answers a trivial query within `timeoutMs` (which also covers the client's cold start: its first query loads the query compiler, seconds on a busy 2-core machine). */
export async function databaseIsUp(timeoutMs = 5000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([db().$queryRaw`SELECT 1`.then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
