import "server-only";
import crypto from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { type Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { markDbUnavailable } from "@/lib/db-errors";
import { env } from "@/lib/env";

// One client per server process; kept on globalThis so that dev-mode reloads do not open new pools.
const globalForDb = globalThis as unknown as { prisma?: PrismaClient; prismaPools?: WeakMap<object, pg.Pool> };

function createClient(): PrismaClient {
  if (!env.DATABASE_URL) {
    // `npm start` starts the embedded database and sets DATABASE_URL before the server starts.
    throw new Error("DATABASE_URL chưa được đặt: hãy chạy ứng dụng bằng `npm start`.");
  }
  // The pool is ours, so that the few statements every request sends can skip Prisma (`rows` below);
  // Prisma's queries go through the same connections.
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: env.DB_POOL_MAX });
  // an idle connection ended by the server (a restart, a dropped database) is replaced by the pool
  pool.on("error", (e) => console.error("database pool:", e.message));
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  // with the embedded database's single connection a transaction may wait for the pool a while
  const client = new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 20_000 } });
  // A query failing because the database is unreachable carries a digest the error pages recognise
  // ("tạm thời không kết nối được cơ sở dữ liệu", not the general error). The pool reconnects by
  // itself when the database is back: nothing here needs a restart.
  const marked = client.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (e) {
          throw markDbUnavailable(e);
        }
      },
    },
  });
  (globalForDb.prismaPools ??= new WeakMap()).set(marked, pool);
  return marked as unknown as PrismaClient;
}

export function db(): PrismaClient {
  globalForDb.prisma ??= createClient();
  return globalForDb.prisma;
}

const statementNames = new Map<string, string>();

/**
 * The rows of one statement (a `Prisma.sql` template: values are bind parameters), sent by the pg
 * driver itself as a named prepared statement on the pool Prisma uses: for the statements every
 * request sends (the request's preamble, a unit's values), where Prisma's own work per statement
 * (its query interpreter, result mapping) cost more CPU than PostgreSQL's. pg's own parsing of
 * values: int4 and arrays of it are numbers, numeric and int8 strings, json parsed; a statement
 * should send timestamps as text or epoch milliseconds (pg reads `timestamp` columns as local time).
 */
export async function rows<T>(statement: Prisma.Sql): Promise<T[]> {
  const client = db();
  const pool = globalForDb.prismaPools?.get(client);
  // a client made elsewhere, or after $disconnect ended our pool (Prisma then opens its own): Prisma's way
  if (!pool || pool.ended) return client.$queryRaw<T[]>(statement);
  const text = statement.text;
  let name = statementNames.get(text);
  if (!name) {
    name = `ctk_${crypto.createHash("sha1").update(text).digest("base64url").slice(0, 16)}`;
    if (statementNames.size < 500) statementNames.set(text, name);
  }
  try {
    return (await pool.query({ name, text, values: statement.values })).rows as T[];
  } catch (e) {
    throw markDbUnavailable(e);
  }
}
