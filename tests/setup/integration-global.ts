// globalSetup of the `integration` project: a fresh, migrated database for the run.
// - A PostgreSQL server (TEST_DATABASE_URL, else DATABASE_URL, else 127.0.0.1:5432 as postgres) when
//   one answers: database ctk_test_<random>, copied from a migrated template ctk_test_<random>_template;
//   every ctk_test_<random>* database is dropped on teardown.
// - Otherwise (or with TEST_DB=pglite): an in-memory PGlite served on a local port by pglite-socket.
// The URL reaches the tests through inject("testDb") and process.env.DATABASE_URL (integration-env.ts).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import {
  migrate,
  postgresReachable,
  quoteIdent,
  startEmbeddedPostgres,
  withClient,
  withDatabase,
} from "../../scripts/lib/db-tools.mjs";
import type { TestDbContext } from "./context";

const DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

export default async function setup(project: TestProject) {
  const started = Date.now();
  const base = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || DEFAULT_SERVER;
  const adminUrl = withDatabase(base, "postgres");
  const useServer = process.env.TEST_DB !== "pglite" && (await postgresReachable(adminUrl));

  let context: TestDbContext;
  let teardown: () => Promise<void>;

  if (useServer) {
    const prefix = `ctk_test_${crypto.randomBytes(5).toString("hex")}`;
    const template = `${prefix}_template`;
    await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(template)}`));
    teardown = async () => {
      await withClient(adminUrl, async (c) => {
        const { rows } = await c.query<{ datname: string }>(
          "SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2",
          [prefix, `${prefix}\\_%`],
        );
        for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
      });
    };
    try {
      await migrate(withDatabase(adminUrl, template), { quiet: true });
      await withClient(adminUrl, (c) =>
        c.query(`CREATE DATABASE ${quoteIdent(prefix)} TEMPLATE ${quoteIdent(template)}`),
      );
    } catch (e) {
      await teardown();
      throw e;
    }
    context = { mode: "server", url: withDatabase(adminUrl, prefix), adminUrl, template, prefix };
    console.log(`[integration] database ${prefix} on ${new URL(adminUrl).host} (${Date.now() - started} ms)`);
  } else {
    const embedded = await startEmbeddedPostgres({ maxConnections: 30 });
    const templateDump = path.join(os.tmpdir(), `ctk_test_${crypto.randomBytes(5).toString("hex")}.tar`);
    teardown = async () => {
      await embedded.stop();
      fs.rmSync(templateDump, { force: true });
    };
    try {
      await migrate(embedded.url, { quiet: true });
      const dump = await embedded.db.dumpDataDir("none");
      fs.writeFileSync(templateDump, Buffer.from(await dump.arrayBuffer()));
    } catch (e) {
      await teardown();
      throw e;
    }
    context = { mode: "pglite", url: embedded.url, templateDump };
    console.log(
      `[integration] no PostgreSQL server reachable: embedded PGlite at ${new URL(embedded.url).host} (${Date.now() - started} ms)`,
    );
  }

  project.provide("testDb", context);
  process.env.DATABASE_URL = context.url;
  return teardown;
}
