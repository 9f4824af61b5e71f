// Database helpers for integration tests.
//   testDatabaseUrl()          the run's migrated database (also process.env.DATABASE_URL)
//   createPrismaClient(url?)   a PrismaClient on it (or on `url`); $disconnect() it when done
//   createMigratedDatabase()   one more fresh, migrated and empty database, for tests that need their
//                              own (e.g. "seeding twice is a no-op"); drop() it in afterAll
import crypto from "node:crypto";
import fs from "node:fs";
import { pgAdapter } from "@/lib/db-adapter";
import { inject } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { quoteIdent, startEmbeddedPostgres, withClient, withDatabase } from "../../scripts/lib/db-tools.mjs";
import "./context";

export type TestDatabase = {
  /** postgresql:// URL of the database */
  url: string;
  /** a client on it, disconnected by drop() */
  prisma: PrismaClient;
  /** disconnects `prisma` and deletes the database */
  drop: () => Promise<void>;
};

export function testDatabaseUrl(): string {
  return inject("testDb").url;
}

export function createPrismaClient(url: string = testDatabaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: pgAdapter({ connectionString: url, max: 4 }) });
}

export async function createMigratedDatabase(): Promise<TestDatabase> {
  const ctx = inject("testDb");
  if (ctx.mode === "server") {
    const name = `${ctx.prefix}_${crypto.randomBytes(4).toString("hex")}`;
    await withClient(ctx.adminUrl, (c) =>
      c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(ctx.template)}`),
    );
    const url = withDatabase(ctx.adminUrl, name);
    const prisma = createPrismaClient(url);
    let dropped = false;
    return {
      url,
      prisma,
      drop: async () => {
        if (dropped) return;
        dropped = true;
        await prisma.$disconnect();
        await withClient(ctx.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
      },
    };
  }
  const dump = fs.readFileSync(ctx.templateDump);
  const embedded = await startEmbeddedPostgres({ loadDataDir: new Blob([dump]), maxConnections: 30 });
  const prisma = createPrismaClient(embedded.url);
  let dropped = false;
  return {
    url: embedded.url,
    prisma,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await prisma.$disconnect();
      await embedded.stop();
    },
  };
}
