// Telling "the database cannot be reached right now" apart from every other error, so that pages,
// actions and routes answer it as a temporary outage (503, "thử lại") instead of as a bug (500) or as
// "not signed in". Plain code (no server-only): the error pages and the forms use the constants too.

/** The digest the error pages recognise (Next.js keeps an error's own digest in production). */
export const DB_UNAVAILABLE_DIGEST = "CTK_DB_UNAVAILABLE";

export const DB_UNAVAILABLE_MESSAGE =
  "Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút; không có gì bị mất.";

// SQLSTATEs of a server that is down, restarting, refusing this database or out of connections
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300", "3D000"]);
// Node socket errors
const UNAVAILABLE_SOCKET = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
// Prisma: can't reach, timed out, closed, pool timeout
const UNAVAILABLE_PRISMA = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// driver adapter error kinds (Prisma 7's @prisma/adapter-pg)
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "DatabaseDoesNotExist",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
const UNAVAILABLE_TEXT =
  /Connection terminated|timeout exceeded when trying to connect|Can't reach database server|not currently accepting connections|the database system is (starting up|shutting down)/i;

type Loose = {
  code?: unknown;
  errorCode?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: unknown;
  digest?: unknown;
};

/** Does this error (or one it wraps) say the database is unreachable, rather than that a query failed? */
export function isDbUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as Loose;
  if (e.digest === DB_UNAVAILABLE_DIGEST) return true;
  const code = typeof e.code === "string" ? e.code : typeof e.errorCode === "string" ? e.errorCode : "";
  if (UNAVAILABLE_PRISMA.has(code) || UNAVAILABLE_SOCKET.has(code)) return true;
  if (/^08/.test(code) || UNAVAILABLE_SQLSTATES.has(code)) return true;
  if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && UNAVAILABLE_TEXT.test(e.message)) return true;
  if (e.kind === "postgres") return false; // a query's own SQL error
  const adapter = (e.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
  return (
    isDbUnavailable(adapter, depth + 1) ||
    isDbUnavailable(e.cause, depth + 1) ||
    (Array.isArray((e as { errors?: unknown }).errors) &&
      (e as { errors: unknown[] }).errors.some((x) => isDbUnavailable(x, depth + 1)))
  );
}

/** Marks an unavailable-database error for the error pages (its digest) and returns it. */
export function markDbUnavailable<T>(error: T): T {
  if (error && typeof error === "object" && isDbUnavailable(error)) {
    try {
      (error as Loose).digest = DB_UNAVAILABLE_DIGEST;
    } catch {
      // a frozen error keeps its digest; the page then shows the general message
    }
  }
  return error;
}
