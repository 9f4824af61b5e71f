import "server-only";
import { pgAdapter } from "@/lib/db-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { markDbUnavailable } from "@/lib/db-errors";
import { env } from "@/lib/env";

// One client per server process; kept on globalThis so that dev-mode reloads do not open new pools.
const globalForDb = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  if (!env.DATABASE_URL) {
    // `npm start` starts the embedded database and sets DATABASE_URL before the server starts.
    throw new Error("DATABASE_URL chưa được đặt: hãy chạy ứng dụng bằng `npm start`.");
  }
  const adapter = pgAdapter({ connectionString: env.DATABASE_URL, max: env.DB_POOL_MAX });
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
  return marked as unknown as PrismaClient;
}

export function db(): PrismaClient {
  globalForDb.prisma ??= createClient();
  return globalForDb.prisma;
}
