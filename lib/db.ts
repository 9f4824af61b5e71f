import "server-only";
import crypto from "node:crypto";
import pg from "pg";
import { capturingPool } from "@/lib/bench-sql-log";
import { pgAdapter } from "@/lib/db-adapter";
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
  const config = { connectionString: env.DATABASE_URL, max: env.DB_POOL_MAX };
  // BENCH_SQL_LOG (bench:scale only): the same pool, able to record its statements (lib/bench-sql-log.ts)
  const pool = env.BENCH_SQL_LOG ? capturingPool(config, env.BENCH_SQL_LOG) : new pg.Pool(config);
  // an idle connection ended by the server (a restart, a dropped database) is replaced by the pool
  pool.on("error", (e) => console.error("database pool:", e.message));
  // transactions send one statement at a time (lib/db-adapter.ts)
  const adapter = pgAdapter(pool, { disposeExternalPool: true });
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
/** False once the database said a session is shared (below): statements are then sent unnamed. */
let namedStatements = true;

/**
 * The rows of one statement (a `Prisma.sql` template: values are bind parameters), sent by the pg
 * driver itself as a named prepared statement on the pool Prisma uses: for the statements every
 * request sends (the request's preamble, a unit's values), where Prisma's own work per statement
 * (its query interpreter, result mapping) cost more CPU than PostgreSQL's. pg's own parsing of
 * values: int4 and arrays of it are numbers, numeric and int8 strings, json parsed; a statement
 * should send timestamps as text or epoch milliseconds (pg reads `timestamp` columns as local time).
 */
export async function rows<T>(statement: Prisma.Sql, options: { replan?: boolean } = {}): Promise<T[]> {
  const client = db();
  const pool = globalForDb.prismaPools?.get(client);
  // a client made elsewhere, or after $disconnect ended our pool (Prisma then opens its own): Prisma's way
  if (!pool || pool.ended) return client.$queryRaw<T[]>(statement);
  const text = statement.text;
  const values = statement.values;
  // replan: sent unnamed, planned at every execution for its parameters. For statements whose best plan
  // depends on them (a parent of 14 children or of 3.321): PostgreSQL switches a named statement to a
  // generic plan after five executions, and the comparisons' generic plan took 3,5 s instead of 20 ms.
  let name = options.replan ? undefined : statementNames.get(text);
  if (!name && namedStatements && !options.replan) {
    name = `ctk_${crypto.createHash("sha1").update(text).digest("base64url").slice(0, 16)}`;
    if (statementNames.size < 500) statementNames.set(text, name);
  }
  try {
    if (name && namedStatements) return (await pool.query({ name, text, values })).rows as T[];
    return (await pool.query({ text, values })).rows as T[];
  } catch (e) {
    // 42P05 "prepared statement already exists": the connection's session is shared with another client
    // (the embedded database's pglite-socket runs every connection, of every process, in its one
    // session; a transaction-mode pooler does the same). Names are the text's hash, so the statement
    // there is this one: from now on this process sends its statements unnamed.
    if (name && (e as { code?: unknown }).code === "42P05") {
      namedStatements = false;
      return rows<T>(statement);
    }
    throw markDbUnavailable(e);
  }
}
