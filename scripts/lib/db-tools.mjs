// Database helpers shared by scripts/start.mjs and the test setup (tests/setup/):
// the embedded PostgreSQL (PGlite served over TCP by pglite-socket), reachability checks,
// creating databases and applying the project's migrations with the Prisma CLI.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const PRISMA_CLI = path.join(ROOT, "node_modules/prisma/build/index.js");

/**
 * Starts PGlite (persisted in `dataDir`, or in memory when it is undefined; `loadDataDir` restores a
 * dump made with `db.dumpDataDir()`) and serves it on 127.0.0.1:`port` (0 = any free port).
 * PGlite runs one query at a time; pglite-socket multiplexes up to `maxConnections` client
 * connections over it and refuses any further ones, so keep client pools smaller than that.
 * PGlite accepts any user, password and database name; the URL names postgres/postgres.
 */
export async function startEmbeddedPostgres({ dataDir, loadDataDir, port = 0, maxConnections = 10 } = {}) {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ? { dataDir, loadDataDir } : { loadDataDir });
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections });
  try {
    await server.start();
  } catch (e) {
    await db.close().catch(() => {});
    throw e;
  }
  const actualPort = Number(server.getServerConn().split(":").pop());
  const url = `postgresql://postgres:postgres@127.0.0.1:${actualPort}/postgres?sslmode=disable`;
  let stopped = false;
  return {
    db,
    url,
    port: actualPort,
    /** Closes the socket server (and its client connections), then shuts PGlite down cleanly. */
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop().catch(() => {});
      await db.close();
    },
  };
}

/** Resolves to true when a PostgreSQL server answers at `url` (any database error but "cannot connect" counts as up). */
export async function postgresReachable(url, timeoutMs = 2000) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    return true;
  } catch (e) {
    // The server answered, with "no such database" or an authentication error: it is reachable.
    return typeof e?.code === "string" && /^[0-9A-Z]{5}$/.test(e.code);
  } finally {
    await client.end().catch(() => {});
  }
}

/** `url` with another database name. */
export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

export function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres";
}

export function quoteIdent(name) {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Runs `fn(client)` with a connected pg client, then disconnects. */
export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates the database named in `url` when it does not exist (through the `postgres` database); true if created. */
export async function ensureDatabase(url) {
  try {
    await withClient(url, async () => {});
    return false;
  } catch (e) {
    if (e?.code !== "3D000") throw e;
  }
  await withClient(withDatabase(url, "postgres"), (c) => c.query(`CREATE DATABASE ${quoteIdent(databaseName(url))}`));
  return true;
}

/**
 * Runs a command without blocking the event loop (the embedded database may be served by this
 * very process). `quiet` captures the output and shows it only in the error.
 */
export function run(command, args, { env = process.env, quiet = false, onSpawn } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit" });
    onSpawn?.(child);
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve(output);
      else {
        const what = signal ? `signal ${signal}` : `exit code ${code}`;
        reject(
          Object.assign(
            new Error(
              `${path.basename(args[0] ?? command)} ${args.slice(1).join(" ")} failed (${what})${output ? `:\n${output}` : ""}`,
            ),
            { code, signal },
          ),
        );
      }
    });
  });
}

/** Applies prisma/migrations to the database at `url` (`prisma migrate deploy`; creates the database if needed). */
export function migrate(url, options = {}) {
  return run(process.execPath, [PRISMA_CLI, "migrate", "deploy"], {
    ...options,
    env: { ...(options.env ?? process.env), DATABASE_URL: url },
  });
}
