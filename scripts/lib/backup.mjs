// Backups and restores (`npm run backup`, `npm run restore`, and the daily backups of `npm start`).
//
// Embedded database (PGlite in $DATA_DIR/pglite): a backup is PGlite's own dump of its data directory
// (`dumpDataDir`, a gzipped tarball), taken by the process that owns the PGlite instance, between two
// queries (under PGlite's query lock). Such a copy is what the disk would hold after a power cut at that
// instant: opening it runs PostgreSQL's crash recovery, which keeps every committed transaction and drops
// any that was still open. PGlite is single-process, so:
//   - while `npm start` runs, it owns the instance: it takes the daily backups itself and answers
//     `npm run backup` on a loopback HTTP port with a random token, both written (owner-only) to
//     $DATA_DIR/backup-control.json — only a local user who can read $DATA_DIR can ask;
//   - when it is stopped, `npm run backup` takes the data directory's lock and opens it itself.
// (The machine's pg_dump cannot read PGlite's PostgreSQL 17, and a ward's computer may have none.)
//
// PostgreSQL server (DATABASE_URL): `pg_dump --format=custom`; restore: `pg_restore` piped into
// `psql --single-transaction`, so that a failed restore leaves the database as it was.
//
// Every backup file has a `<file>.sha256` sidecar (`sha256sum -c` reads it); restore verifies it first.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { ROOT, databaseName, ensureDatabase, quoteIdent, withClient } from "./db-tools.mjs";

export const DEFAULT_KEEP = 14;
const CONTROL_FILE = "backup-control.json";
const LOCK_FILE = "pglite.lock";
const HOUR = 60 * 60 * 1000;
// ctk-pglite-20250102T030405Z.tar.gz, ctk-postgres-20250102T030405Z.dump (UTC; sorts by time)
const NAME = /^ctk-(pglite|postgres)-(\d{8}T\d{6}Z)(?:-(\d+))?\.(tar\.gz|dump)$/;

/** A message for the operator (Vietnamese), thrown by the CLI paths and printed without a stack. */
export class BackupError extends Error {}

// --- configuration ------------------------------------------------------------------------------

export function dataRoot(env = process.env) {
  return path.resolve(ROOT, env.DATA_DIR || ".data");
}

/** BACKUP_DIR (default $DATA_DIR/backups) and BACKUP_KEEP (default 14). */
export function backupConfig(env = process.env) {
  const dir = env.BACKUP_DIR ? path.resolve(ROOT, env.BACKUP_DIR) : path.join(dataRoot(env), "backups");
  const keep = env.BACKUP_KEEP ? Number(env.BACKUP_KEEP) : DEFAULT_KEEP;
  if (!Number.isInteger(keep) || keep < 1)
    throw new BackupError(`BACKUP_KEEP phải là số nguyên ≥ 1 (đang là "${env.BACKUP_KEEP}").`);
  return { dir, keep };
}

// --- files and checksums ------------------------------------------------------------------------

const stamp = (date) =>
  date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");

function backupName(dir, kind, date = new Date()) {
  const ext = kind === "pglite" ? "tar.gz" : "dump";
  for (let n = 1; ; n++) {
    const name = `ctk-${kind}-${stamp(date)}${n > 1 ? `-${n}` : ""}.${ext}`;
    if (!fs.existsSync(path.join(dir, name))) return name;
  }
}

/** Backups in `dir` (only names this tool writes, with their sidecar), oldest first. */
export function listBackups(dir) {
  let names;
  try {
    names = fs.readdirSync(dir);
  } catch (e) {
    if (e?.code === "ENOENT") return [];
    throw e;
  }
  const present = new Set(names);
  return names
    .map((name) => ({ name, m: NAME.exec(name) }))
    .filter(({ name, m }) => m && present.has(`${name}.sha256`))
    .map(({ name, m }) => {
      const [, kind, t, n] = m;
      const takenAt = new Date(
        `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(9, 11)}:${t.slice(11, 13)}:${t.slice(13, 15)}Z`,
      );
      return { name, file: path.join(dir, name), kind, takenAt, order: `${t}-${String(n ?? 1).padStart(6, "0")}` };
    })
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
}

/** Deletes all but the newest `keep` backups in `dir`; returns the deleted names. */
export function pruneBackups(dir, keep) {
  const all = listBackups(dir);
  const old = all.slice(0, Math.max(0, all.length - keep));
  for (const b of old) {
    fs.rmSync(b.file, { force: true });
    fs.rmSync(`${b.file}.sha256`, { force: true });
  }
  return old.map((b) => b.name);
}

function fsyncPath(p) {
  let fd;
  try {
    fd = fs.openSync(p, "r");
    fs.fsyncSync(fd);
  } catch {
    // directories cannot be opened for fsync on Windows: best effort
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Writes `data` (a Buffer, or a file to move in) as `dir/name` and its `name.sha256` sidecar. Both go
 * through a temporary name and a rename, so that a backup with a sidecar is always complete.
 */
function storeBackup(dir, name, data) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 }); // backups hold password hashes
  const file = path.join(dir, name);
  const partial = `${file}.partial`;
  if (Buffer.isBuffer(data)) fs.writeFileSync(partial, data, { mode: 0o600 });
  else fs.renameSync(data, partial);
  fsyncPath(partial);
  const hash = sha256File(partial);
  fs.renameSync(partial, file);
  fs.writeFileSync(`${file}.sha256.partial`, `${hash}  ${name}\n`, { mode: 0o600 });
  fs.renameSync(`${file}.sha256.partial`, `${file}.sha256`);
  fsyncPath(dir);
  return { file, sha256: hash, bytes: fs.statSync(file).size };
}

export function sha256File(file) {
  const hash = crypto.createHash("sha256");
  const fd = fs.openSync(file, "r");
  try {
    const buf = Buffer.alloc(1 << 20);
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest("hex");
}

/** Refuses a file whose `.sha256` sidecar is missing or does not match its content. */
export function verifyChecksum(file) {
  if (!fs.existsSync(file)) throw new BackupError(`không có tệp ${file}.`);
  let expected;
  try {
    expected = fs.readFileSync(`${file}.sha256`, "utf8").trim().split(/\s+/)[0]?.toLowerCase();
  } catch {
    throw new BackupError(`thiếu tệp mã kiểm tra ${file}.sha256: không thể xác nhận bản sao lưu còn nguyên vẹn.`);
  }
  if (!/^[0-9a-f]{64}$/.test(expected ?? "")) throw new BackupError(`tệp ${file}.sha256 không chứa mã SHA-256 hợp lệ.`);
  const actual = sha256File(file);
  if (actual !== expected) {
    throw new BackupError(
      `bản sao lưu ${path.basename(file)} bị hỏng hoặc đã bị sửa: mã SHA-256 không khớp với ${path.basename(file)}.sha256. Không khôi phục.`,
    );
  }
  return actual;
}

function fileKind(file) {
  const fd = fs.openSync(file, "r");
  const head = Buffer.alloc(5);
  try {
    fs.readSync(fd, head, 0, 5, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.subarray(0, 5).toString("latin1") === "PGDMP") return "postgres";
  if (head[0] === 0x1f && head[1] === 0x8b) return "pglite";
  return null;
}

// --- the embedded database's lock ----------------------------------------------------------------

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e?.code === "EPERM";
  }
}

/** The pid of a live process holding $DATA_DIR/pglite.lock (the same lock scripts/start.mjs takes), or null. */
export function lockHolder(root) {
  try {
    const pid = Number(fs.readFileSync(path.join(root, LOCK_FILE), "utf8"));
    return pid && pid !== process.pid && alive(pid) ? pid : null;
  } catch {
    return null;
  }
}

/** Takes the data directory's lock for this process (refused while a live process holds it). */
function takeLock(root) {
  const lock = path.join(root, LOCK_FILE);
  fs.mkdirSync(root, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (fs.readFileSync(lock, "utf8") === String(process.pid)) fs.rmSync(lock, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (e) {
      if (e?.code !== "EEXIST") throw e;
      const holder = lockHolder(root);
      if (holder)
        throw Object.assign(new BackupError(`thư mục dữ liệu ${root} đang được tiến trình ${holder} sử dụng.`), {
          holder,
        });
      fs.rmSync(lock, { force: true }); // left by a process that no longer runs
    }
  }
  throw new BackupError(`không lấy được khóa ${lock}.`);
}

async function openPGlite(options) {
  const { PGlite } = await import("@electric-sql/pglite");
  return PGlite.create(options);
}

// --- embedded: the service inside `npm start` ----------------------------------------------------

/**
 * Runs in scripts/start.mjs while it owns the embedded PGlite `db`: takes a backup at start and then
 * once a day (checked hourly), keeping the newest BACKUP_KEEP in BACKUP_DIR, and answers
 * `npm run backup` on a loopback port. Backups never stop the app: a failure is logged and retried
 * at the next check. `stop()` waits for a running backup and removes the control file.
 */
export async function startEmbeddedBackups({ db, env = process.env, log = console.log, fail = console.error }) {
  const root = dataRoot(env);
  const config = backupConfig(env);
  let running = Promise.resolve();
  // one dump at a time (each holds PGlite's query lock for a second or two)
  const serial = (fn) => {
    const next = running.then(fn, fn);
    running = next.catch(() => {});
    return next;
  };
  const dump = () => serial(async () => Buffer.from(await (await db.dumpDataDir("gzip")).arrayBuffer()));

  async function daily() {
    const today = new Date().toDateString(); // the computer's local day
    if (listBackups(config.dir).some((b) => b.kind === "pglite" && b.takenAt.toDateString() === today)) return;
    // a data directory not migrated yet holds nothing to keep; the next check takes the first one
    const migrated = (await db.query("SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS ok")).rows[0]?.ok;
    if (!migrated) return;
    try {
      const saved = storeBackup(config.dir, backupName(config.dir, "pglite"), await dump());
      const pruned = pruneBackups(config.dir, config.keep);
      log(
        `Đã sao lưu tự động: ${saved.file.startsWith(ROOT + path.sep) ? path.relative(ROOT, saved.file) : saved.file} (${(saved.bytes / 1e6).toFixed(1)} MB; giữ ${config.keep} bản mới nhất${pruned.length ? `, đã xóa ${pruned.length} bản cũ` : ""}).`,
      );
    } catch (e) {
      fail(`sao lưu tự động không thành công (thử lại sau 1 giờ): ${e?.message ?? e}`);
    }
  }

  const token = crypto.randomBytes(32).toString("base64url");
  const expected = Buffer.from(`Bearer ${token}`);
  const server = http.createServer((req, res) => {
    const given = Buffer.from(String(req.headers.authorization ?? ""));
    const authorised = given.length === expected.length && crypto.timingSafeEqual(given, expected);
    if (req.method !== "POST" || req.url !== "/backup" || !authorised) {
      res.writeHead(403).end();
      return;
    }
    dump().then(
      (buf) => {
        res.writeHead(200, {
          "content-type": "application/gzip",
          "content-length": buf.length,
          "x-sha256": crypto.createHash("sha256").update(buf).digest("hex"),
        });
        res.end(buf);
      },
      (e) => res.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end(String(e?.message ?? e)),
    );
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const control = path.join(root, CONTROL_FILE);
  fs.writeFileSync(control, JSON.stringify({ pid: process.pid, port: server.address().port, token }), { mode: 0o600 });

  await daily();
  const timer = setInterval(() => void daily(), HOUR);
  timer.unref();

  let stopped = false;
  return {
    /** for tests: take today's backup now if there is none */
    daily,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      fs.rmSync(control, { force: true });
      const closed = new Promise((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await running;
    },
  };
}

/** Asks the running `npm start` (pid `holder`) for a dump of its embedded database. */
async function dumpFromRunningServer(root, holder) {
  let control;
  try {
    control = JSON.parse(fs.readFileSync(path.join(root, CONTROL_FILE), "utf8"));
  } catch {
    control = null;
  }
  if (!control || control.pid !== holder) {
    throw new BackupError(
      `tiến trình ${holder} đang dùng cơ sở dữ liệu nhúng nhưng chưa nhận yêu cầu sao lưu (npm start đang khởi động?). Hãy thử lại sau ít phút.`,
    );
  }
  let res;
  try {
    res = await fetch(`http://127.0.0.1:${control.port}/backup`, {
      method: "POST",
      headers: { authorization: `Bearer ${control.token}` },
    });
  } catch (e) {
    throw new BackupError(
      `không liên lạc được với npm start (tiến trình ${holder}): ${e?.cause?.message ?? e?.message ?? e}`,
    );
  }
  if (!res.ok) throw new BackupError(`npm start không sao lưu được (HTTP ${res.status}): ${await res.text()}`);
  const buf = Buffer.from(await res.arrayBuffer());
  if (crypto.createHash("sha256").update(buf).digest("hex") !== res.headers.get("x-sha256")) {
    throw new BackupError("bản sao lưu nhận từ npm start không khớp mã kiểm tra: hãy thử lại.");
  }
  return buf;
}

// --- embedded: backup and restore from the command line ------------------------------------------

/** `npm run backup` on the embedded database: through the running `npm start`, else by opening the data directory. */
export async function backupEmbedded({ env = process.env, outDir } = {}) {
  const root = dataRoot(env);
  const dataDir = path.join(root, "pglite");
  let buf;
  let via;
  const holder = lockHolder(root);
  if (holder) {
    buf = await dumpFromRunningServer(root, holder);
    via = `qua npm start đang chạy (tiến trình ${holder})`;
  } else {
    if (!fs.existsSync(path.join(dataDir, "PG_VERSION")))
      throw new BackupError(
        `không có cơ sở dữ liệu nhúng tại ${dataDir} (đặt DATA_DIR, hoặc DATABASE_URL cho máy chủ PostgreSQL).`,
      );
    const release = takeLock(root);
    try {
      const db = await openPGlite({ dataDir });
      try {
        buf = Buffer.from(await (await db.dumpDataDir("gzip")).arrayBuffer());
      } finally {
        await db.close();
      }
    } finally {
      release();
    }
    via = "trực tiếp từ thư mục dữ liệu (npm start không chạy)";
  }
  return finish(env, outDir, "pglite", buf, via);
}

function finish(env, outDir, kind, data, via) {
  const config = backupConfig(env);
  const dir = outDir ? path.resolve(outDir) : config.dir;
  const saved = storeBackup(dir, backupName(dir, kind), data);
  // rotation applies to the backup folder only, never to a folder named with --out
  const pruned = outDir ? [] : pruneBackups(dir, config.keep);
  return { ...saved, via, pruned };
}

/**
 * `npm run restore FILE` on the embedded database: into $DATA_DIR/pglite when it is empty; a non-empty
 * one only with `force`, and then it is kept aside as pglite.before-restore-<time> (never deleted).
 * Refused while `npm start` runs on that directory.
 */
export async function restoreEmbedded(file, { env = process.env, force = false } = {}) {
  verifyChecksum(file);
  if (fileKind(file) !== "pglite")
    throw new BackupError(
      `${path.basename(file)} không phải bản sao lưu của cơ sở dữ liệu nhúng (PGlite): với bản pg_dump, đặt DATABASE_URL của máy chủ PostgreSQL.`,
    );
  const root = dataRoot(env);
  const dataDir = path.join(root, "pglite");
  const holder = lockHolder(root);
  if (holder)
    throw new BackupError(
      `npm start (tiến trình ${holder}) đang chạy trên ${dataDir}: hãy dừng nó trước khi khôi phục.`,
    );
  const release = takeLock(root);
  let keptAside = null;
  try {
    const existing = fs.existsSync(dataDir) ? fs.readdirSync(dataDir) : [];
    if (existing.length) {
      if (!force)
        throw new BackupError(
          `thư mục ${dataDir} đã có dữ liệu: không ghi đè. Dùng --force để thay thế (dữ liệu hiện có được giữ lại ở một thư mục bên cạnh).`,
        );
      keptAside = `${dataDir}.before-restore-${stamp(new Date())}`;
      fs.renameSync(dataDir, keptAside);
    }
    try {
      fs.mkdirSync(dataDir, { recursive: true });
      const db = await openPGlite({ dataDir, loadDataDir: new Blob([fs.readFileSync(file)]) });
      try {
        await db.query("SELECT count(*) FROM pg_class"); // opens (and crash-recovers) the copy
      } finally {
        await db.close();
      }
    } catch (e) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (keptAside) fs.renameSync(keptAside, dataDir);
      keptAside = null;
      throw new BackupError(
        `không khôi phục được từ ${path.basename(file)}: ${e?.message ?? e}. Thư mục dữ liệu giữ nguyên như trước.`,
      );
    }
  } finally {
    release();
  }
  return { dataDir, keptAside };
}

// --- PostgreSQL server ---------------------------------------------------------------------------

/** libpq's environment for `url`, the password passed as PGPASSWORD rather than on the command line. */
function libpq(url, env) {
  const u = new URL(url);
  const childEnv = { ...env };
  if (u.password) childEnv.PGPASSWORD = decodeURIComponent(u.password);
  u.password = "";
  // Prisma's own URL parameters, which libpq refuses ("invalid URI query parameter")
  for (const p of ["schema", "connection_limit", "pool_timeout", "pgbouncer", "statement_cache_size", "socket_timeout"])
    u.searchParams.delete(p);
  return { dbArg: u.toString(), env: childEnv };
}

function toolMissing(tool) {
  return new BackupError(
    `không tìm thấy ${tool}: hãy cài công cụ khách PostgreSQL (gói postgresql-client) cùng phiên bản với máy chủ hoặc mới hơn.`,
  );
}

/** Spawns a PostgreSQL client tool; `done` resolves with its stderr once it has exited and closed its output. */
function spawnTool(tool, args, { env, stdin = "ignore", stdout = "ignore" } = {}) {
  const child = spawn(tool, args, { env, stdio: [stdin, stdout, "pipe"] });
  const done = new Promise((resolve, reject) => {
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", (e) => reject(e?.code === "ENOENT" ? toolMissing(tool) : e));
    child.on("close", (code, signal) =>
      code === 0
        ? resolve(stderr)
        : reject(new BackupError(`${tool} không thành công (${signal ?? `mã ${code}`}): ${stderr.trim()}`)),
    );
  });
  return { child, done };
}

/** `npm run backup` with DATABASE_URL: `pg_dump --format=custom`. */
export async function backupServer({ env = process.env, outDir } = {}) {
  const { dbArg, env: childEnv } = libpq(env.DATABASE_URL, env);
  const config = backupConfig(env);
  const dir = outDir ? path.resolve(outDir) : config.dir;
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 }); // backups hold password hashes
  const tmp = path.join(dir, `.ctk-dump-${process.pid}-${Date.now()}.partial`);
  try {
    await spawnTool("pg_dump", ["--format=custom", "--file", tmp, "--dbname", dbArg], { env: childEnv }).done;
    return finish(env, outDir, "postgres", tmp, `pg_dump của cơ sở dữ liệu "${databaseName(env.DATABASE_URL)}"`);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

const USER_SCHEMAS =
  "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'";

/**
 * `npm run restore FILE` with DATABASE_URL: into an empty database (created when missing); a non-empty
 * one only with `force`, its schemas dropped in the same transaction as the restore (all or nothing).
 * Stop the app first: its connections would see the database change under them.
 */
export async function restoreServer(file, { env = process.env, force = false } = {}) {
  verifyChecksum(file);
  if (fileKind(file) !== "postgres")
    throw new BackupError(
      `${path.basename(file)} không phải bản pg_dump (định dạng custom): bản sao lưu của cơ sở dữ liệu nhúng được khôi phục khi không đặt DATABASE_URL.`,
    );
  const url = env.DATABASE_URL;
  await ensureDatabase(url);
  const { schemas, relations } = await withClient(url, async (c) => ({
    schemas: (await c.query(USER_SCHEMAS)).rows.map((r) => r.nspname),
    relations: Number(
      (
        await c.query(
          `SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN (${USER_SCHEMAS})`,
        )
      ).rows[0].n,
    ),
  }));
  const nonEmpty = relations > 0 || schemas.some((s) => s !== "public");
  if (nonEmpty && !force)
    throw new BackupError(
      `cơ sở dữ liệu "${databaseName(url)}" đã có dữ liệu: không ghi đè. Dùng --force để thay thế toàn bộ.`,
    );
  // PostgreSQL 15's own public schema (owner pg_database_owner, USAGE for everyone), as pg_dump expects
  const wipe = nonEmpty
    ? `${schemas.map((s) => `DROP SCHEMA ${quoteIdent(s)} CASCADE;`).join("\n")}\nCREATE SCHEMA public AUTHORIZATION pg_database_owner;\nGRANT USAGE ON SCHEMA public TO PUBLIC;\nCOMMENT ON SCHEMA public IS 'standard public schema';\n`
    : "";
  const { dbArg, env: childEnv } = libpq(url, env);
  // One transaction, committed only once pg_restore has written its whole script: if pg_restore fails,
  // psql reaches the end of its input without COMMIT and the server rolls everything back.
  const psql = spawnTool("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", "-", "--dbname", dbArg], {
    env: childEnv,
    stdin: "pipe",
  });
  const pgRestore = spawnTool("pg_restore", ["--file", "-", file], { env: childEnv, stdout: "pipe" });
  const input = psql.child.stdin;
  input.on("error", () => {}); // psql stopped early: its own error says why
  input.write(`BEGIN;\n${wipe}`);
  pgRestore.child.stdout?.pipe(input, { end: false });
  // psql stopping on an error would leave pg_restore blocked on a full pipe
  psql.done.catch(() => pgRestore.child.kill());
  const restored = await pgRestore.done.then(
    () => null,
    (e) => e,
  );
  input.end(restored ? undefined : "COMMIT;\n");
  const loaded = await psql.done.then(
    () => null,
    (e) => e,
  );
  if (loaded) throw loaded;
  if (restored) throw restored;
  return { database: databaseName(url), replaced: nonEmpty };
}
