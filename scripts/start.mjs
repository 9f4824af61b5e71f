#!/usr/bin/env node
// `npm start`: everything needed to serve the dashboard from a fresh clone after `npm install`.
//   1. database: DATABASE_URL if set (the database is created when missing); otherwise an embedded
//      PostgreSQL (PGlite, persisted in $DATA_DIR/pglite, default .data/pglite) on a free local port;
//   2. migrations (`prisma migrate deploy`);
//   3. seed when the database is empty (no row in "org_unit"; SEED_DEMO=0 loads the report alone);
//   4. `next build` when .next/BUILD_ID is missing or older than the sources;
//   5. the app on PORT (default 3000): scripts/server.mjs, Next.js's handler behind a server that sets
//      the client's address from the connection, its heap limited (SERVER_HEAP_MIB, default 384 MiB). SIGINT/SIGTERM stop it, then the embedded database.
// The embedded database is backed up at start and daily while running (scripts/lib/backup.mjs).
//      On a PostgreSQL server the app connects as its least-privileged role (scripts/lib/app-role.mjs),
//      set up after the migrations; migrations and seed run as DATABASE_URL's (the owner's) role.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { appDatabaseUrl } from "./lib/app-role.mjs";
import { startEmbeddedBackups } from "./lib/backup.mjs";
import { serverHeapArgs } from "./lib/server-heap.mjs";
import {
  ROOT,
  databaseName,
  ensureDatabase,
  migrate,
  postgresReachable,
  run,
  startEmbeddedPostgres,
  withClient,
} from "./lib/db-tools.mjs";

const started = Date.now();
const NEXT_CLI = path.join(ROOT, "node_modules/next/dist/bin/next");
const SERVER = path.join(ROOT, "scripts/server.mjs");
const TSX_CLI = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
const SEED_ENTRY = ["prisma/seed/run.ts", "prisma/seed/index.ts"].find((f) => fs.existsSync(path.join(ROOT, f)));

const display = (p) => (p.startsWith(ROOT + path.sep) ? path.relative(ROOT, p) : p);
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (message) => console.log(`[start] ${message}`);
const fail = (message) => console.error(`[start] LỖI: ${message}`);

// .env files, as `next start` reads them (variables already set win), so that DATABASE_URL in .env
// selects the external server here too.
createRequire(NEXT_CLI)("@next/env").loadEnvConfig(ROOT, false, { info() {}, error: console.error });

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
if (env.NODE_ENV !== "production") delete env.NODE_ENV; // next build/start set production themselves
const port = Number(env.PORT || 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  fail(`PORT không hợp lệ: ${env.PORT}`);
  process.exit(1);
}
env.PORT = String(port);
let serverNodeArgs; // the web server's heap limit (scripts/lib/server-heap.mjs), checked before any work
try {
  serverNodeArgs = serverHeapArgs(env);
} catch (e) {
  fail(e.message);
  process.exit(1);
}

// --- state for shutdown ---------------------------------------------------------------------------
let embedded = null; // { stop, url, ... } of the embedded database
let embeddedStarting = null; // promise while PGlite starts (initdb on an empty directory)
let backups = null; // the embedded database's daily backups (scripts/lib/backup.mjs)
let lockFile = null;
let child = null; // the running child process (migrate, seed, build or next start)
let stopping = false;

function removeLock() {
  if (lockFile) fs.rmSync(lockFile, { force: true });
  lockFile = null;
}
process.on("exit", removeLock);

async function shutdown(exitCode, reason) {
  if (stopping) return;
  stopping = true;
  if (reason) log(reason);
  if (child && child.exitCode === null && child.signalCode === null) {
    const current = child;
    const exited = new Promise((resolve) => current.once("exit", resolve));
    current.kill("SIGTERM");
    const timer = setTimeout(() => {
      log("Next.js chưa dừng sau 15 s: buộc dừng (SIGKILL).");
      current.kill("SIGKILL");
    }, 15_000);
    await exited;
    clearTimeout(timer);
  }
  if (!embedded && embeddedStarting) embedded = await embeddedStarting.catch(() => null);
  await backups?.stop(); // lets a running backup finish
  if (embedded) {
    log("Đang đóng cơ sở dữ liệu nhúng...");
    try {
      await embedded.stop();
      log("Đã đóng cơ sở dữ liệu nhúng.");
    } catch (e) {
      fail(`không đóng được cơ sở dữ liệu nhúng: ${e?.message ?? e}`);
      exitCode ||= 1;
    }
  }
  removeLock();
  log(`Đã dừng (mã thoát ${exitCode}).`);
  process.exit(exitCode);
}

for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
  ["SIGHUP", 129],
]) {
  process.on(signal, () => {
    if (stopping) return; // a second Ctrl-C while stopping: the timers above finish the job
    void shutdown(code, `Nhận ${signal}: đang dừng...`);
  });
}

// Orphaned (e.g. `npm start` killed, or its `sh -c` wrapper stopped without passing the signal on):
// stop too instead of holding the port and the database.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid && !stopping) void shutdown(1, "Tiến trình cha đã dừng: đang dừng...");
}, 1000).unref();

/** Runs a child process as the current step (it is stopped first on SIGINT/SIGTERM). */
function step(command, args, extraEnv = {}) {
  return run(command, args, { env: { ...env, ...extraEnv }, onSpawn: (c) => (child = c) }).finally(
    () => (child = null),
  );
}

// --- 1. database ---------------------------------------------------------------------------------
async function embeddedDatabase() {
  const dataRoot = path.resolve(ROOT, env.DATA_DIR || ".data");
  const dataDir = path.join(dataRoot, "pglite");
  fs.mkdirSync(dataRoot, { recursive: true });

  // PGlite is a single-process database: two servers on one directory would corrupt it.
  const lock = path.join(dataRoot, "pglite.lock");
  try {
    const pid = Number(fs.readFileSync(lock, "utf8"));
    if (pid && pid !== process.pid) {
      process.kill(pid, 0); // throws when no such process
      throw new Error(
        `thư mục ${dataDir} đang được tiến trình ${pid} sử dụng (xóa ${lock} nếu tiến trình đó không còn).`,
      );
    }
  } catch (e) {
    if (e?.code !== "ENOENT" && e?.code !== "ESRCH") throw e;
  }
  fs.writeFileSync(lock, String(process.pid));
  lockFile = lock;

  const fresh = !fs.existsSync(path.join(dataDir, "PG_VERSION"));
  log(
    `Không có DATABASE_URL: dùng PostgreSQL nhúng (PGlite) tại ${display(dataDir)}${fresh ? " (thư mục mới, khởi tạo lần đầu)" : ""}...`,
  );
  // One connection: pglite-socket queues each protocol message on its own and keeps a connection's
  // turn only inside a transaction, so two connections' Parse/Bind messages of unnamed statements can
  // interleave ("bind message supplies 3 parameters, but prepared statement "" requires 2" — or, when
  // the counts happen to match, one query run with another's parameters). PGlite runs one query at a
  // time anyway; the app's pool queues them instead.
  const poolMax = Number(env.DB_POOL_MAX || 1);
  env.DB_POOL_MAX = String(poolMax);
  embeddedStarting = startEmbeddedPostgres({
    dataDir,
    port: Number(env.PGLITE_PORT || 0),
    // the app's pool plus room for short-lived clients; pglite-socket refuses connections beyond this
    maxConnections: Math.max(10, poolMax * 2 + 2),
  });
  embedded = await embeddedStarting;
  env.DATABASE_URL = embedded.url;
  log(`PostgreSQL nhúng sẵn sàng tại 127.0.0.1:${embedded.port} (${elapsed()}).`);
}

async function externalDatabase() {
  const url = env.DATABASE_URL;
  const safe = new URL(url);
  if (safe.password) safe.password = "***";
  log(`Dùng PostgreSQL tại ${safe.host}, cơ sở dữ liệu "${databaseName(url)}".`);
  if (!(await postgresReachable(url, 5000))) throw new Error(`không kết nối được PostgreSQL tại ${safe.host}.`);
  if (await ensureDatabase(url)) log(`Đã tạo cơ sở dữ liệu "${databaseName(url)}".`);
}

// --- 4. build check ------------------------------------------------------------------------------
const SOURCE_DIRS = ["app", "components", "lib", "prisma", "public"];
const SKIP = new Set([path.join(ROOT, "lib/generated"), path.join(ROOT, "prisma/migrations")]);
const CONFIG_FILES = [
  "next.config.ts",
  "tsconfig.json",
  "postcss.config.mjs",
  "package.json",
  "package-lock.json",
  ".env",
  ".env.local",
  ".env.production",
  ".env.production.local",
];

/** The newest mtime (ms) among the build's inputs, or the first input newer than `than`. */
function newerSource(than) {
  const visit = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return null;
    }
    if (st.isDirectory()) {
      if (SKIP.has(p)) return null;
      for (const entry of fs.readdirSync(p)) {
        const found = visit(path.join(p, entry));
        if (found) return found;
      }
      return null;
    }
    return st.mtimeMs > than ? p : null;
  };
  for (const p of [...SOURCE_DIRS, ...CONFIG_FILES]) {
    const found = visit(path.join(ROOT, p));
    if (found) return path.relative(ROOT, found);
  }
  return null;
}

function buildReason() {
  let builtAt;
  try {
    builtAt = fs.statSync(path.join(ROOT, ".next/BUILD_ID")).mtimeMs;
  } catch {
    return "chưa có bản build (.next/BUILD_ID)";
  }
  const newer = newerSource(builtAt);
  return newer ? `${newer} mới hơn bản build` : null;
}

// --- e-mail --------------------------------------------------------------------------------------
// With SMTP_URL and MAIL_FROM the web process runs a worker of the mail queue (instrumentation.ts).
// pg-boss needs a PostgreSQL server: on the embedded database, whose socket server can interleave
// the messages of concurrent connections, the queue would need connections of its own, so e-mail
// stays off there and notices stay in the app.
async function prepareMail(appRole) {
  if (!env.SMTP_URL || !env.MAIL_FROM) {
    if (env.SMTP_URL || env.MAIL_FROM)
      log("Chú ý: cần cả SMTP_URL và MAIL_FROM để gửi thư; thông báo chỉ hiện trong ứng dụng.");
    return;
  }
  if (embedded) {
    log(
      "SMTP_URL bị bỏ qua: hàng đợi thư cần một máy chủ PostgreSQL (DATABASE_URL); thông báo chỉ hiện trong ứng dụng.",
    );
    delete env.SMTP_URL;
    return;
  }
  log("Chuẩn bị hàng đợi thư (pg-boss)...");
  await step(
    process.execPath,
    [TSX_CLI, "scripts/prepare-mail-queue.ts"],
    appRole ? { MAIL_QUEUE_APP_ROLE: appRole } : {},
  );
}

// --- main ----------------------------------------------------------------------------------------
async function waitHealthy(url) {
  const deadline = Date.now() + 120_000;
  while (!stopping && Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    if (!child) return false;
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

// The session cookie's signing secret: AUTH_SECRET, else one generated once and kept (owner-only) in
// $DATA_DIR/auth-secret, so that sessions survive restarts and no default secret ever exists.
function ensureAuthSecret() {
  if (env.AUTH_SECRET) return;
  const dataRoot = path.resolve(ROOT, env.DATA_DIR || ".data");
  const file = path.join(dataRoot, "auth-secret");
  fs.mkdirSync(dataRoot, { recursive: true });
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
    log(`Đã tạo khóa ký phiên đăng nhập tại ${display(file)} (đặt AUTH_SECRET để dùng khóa riêng).`);
  }
  env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}

async function main() {
  if (env.DATABASE_URL) await externalDatabase();
  else await embeddedDatabase();

  ensureAuthSecret();

  // the embedded database: a backup now (before the migrations) and daily; answers `npm run backup`
  if (embedded) backups = await startEmbeddedBackups({ db: embedded.db, env, log, fail });

  log("Áp dụng migration (prisma migrate deploy)...");
  await migrate(env.DATABASE_URL, { env, onSpawn: (c) => (child = c) }).finally(() => (child = null));

  // The web app's own role (before seed and build: a refusal should come before minutes of work).
  let appEnv = {};
  let appRole = null;
  if (embedded)
    log(
      "PGlite chỉ có một người dùng (superuser): ứng dụng chạy với quyền đầy đủ; nhật ký kiểm tra vẫn có chuỗi băm (npm run audit:verify).",
    );
  else {
    const app = await appDatabaseUrl({
      adminUrl: env.DATABASE_URL,
      env,
      dataRoot: path.resolve(ROOT, env.DATA_DIR || ".data"),
      log,
    });
    log(
      `Ứng dụng kết nối bằng vai trò "${app.role}" (chỉ đọc/ghi dữ liệu; migration và seed dùng vai trò của DATABASE_URL).`,
    );
    appEnv = { DATABASE_URL: app.url };
    appRole = app.role;
  }

  await prepareMail(appRole);

  const empty = await withClient(
    env.DATABASE_URL,
    async (c) => !(await c.query('SELECT EXISTS (SELECT 1 FROM "org_unit") AS "any"')).rows[0].any,
  );
  if (!empty) log("Cơ sở dữ liệu đã có dữ liệu: bỏ qua seed.");
  else if (!SEED_ENTRY) log("Cơ sở dữ liệu trống nhưng chưa có prisma/seed: bỏ qua seed.");
  else {
    const demo = !["0", "false"].includes(env.SEED_DEMO ?? "1");
    log(
      `Cơ sở dữ liệu trống: nạp dữ liệu (${SEED_ENTRY}, SEED_DEMO=${demo ? "1: kèm dữ liệu minh họa" : "0: chỉ số liệu báo cáo"})...`,
    );
    await step(process.execPath, [TSX_CLI, SEED_ENTRY]);
  }

  const reason = buildReason();
  if (reason) {
    log(`Build (next build) vì ${reason}; có thể mất vài phút...`);
    await step(process.execPath, [NEXT_CLI, "build"]);
  } else log("Bản build .next còn mới: bỏ qua next build.");

  if (stopping) return;
  log(`Khởi động Next.js trên cổng ${port} (${elapsed()} từ lúc bắt đầu)...`);
  const server = step(process.execPath, [...serverNodeArgs, SERVER], appEnv);
  const healthUrl = `http://127.0.0.1:${port}/api/health`;
  waitHealthy(healthUrl).then((ok) => {
    if (ok) log(`Sẵn sàng: http://localhost:${port} (kiểm tra ${healthUrl} đạt sau ${elapsed()}).`);
    else if (!stopping && child) log(`Chú ý: ${healthUrl} chưa trả lời 200 sau 2 phút.`);
  });
  try {
    await server;
    await shutdown(0, "Next.js đã dừng.");
  } catch (e) {
    if (!stopping)
      await shutdown(
        typeof e.code === "number" && e.code ? e.code : 1,
        `Next.js dừng bất thường (${e.signal ?? `mã ${e.code}`}).`,
      );
  }
}

main().catch(async (e) => {
  if (stopping) return; // a child stopped by our own shutdown
  fail(e?.message ?? String(e));
  await shutdown(1);
});
