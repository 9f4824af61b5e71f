// Backups and restores (scripts/backup.mjs, scripts/restore.mjs, scripts/lib/backup.mjs), run as an
// operator runs them (`node scripts/backup.mjs` …): seed, enter and approve figures, back up, wipe,
// restore, and the database holds the same rows — figures, versions, audit log, accounts, sequences —
// on the embedded database (PGlite data directory; the backup taken by the running `npm start` and by
// the command line when it is stopped) and on a PostgreSQL server (pg_dump/pg_restore). A non-empty
// target is refused without --force; a corrupted file is refused by its checksum.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it, vi } from "vitest";
import { seed } from "@/prisma/seed";
import { ROOT, migrate, run, startEmbeddedPostgres, withClient, withDatabase } from "../../scripts/lib/db-tools.mjs";
import { verifyAuditChain } from "../../scripts/lib/audit-verify.mjs";
import { startEmbeddedBackups } from "../../scripts/lib/backup.mjs";
import { createMigratedDatabase, createPrismaClient, type TestDatabase } from "../setup/db";
import { ORIGIN, PASSWORD, type World, createReviewFixtures, signInCookie } from "./auth-fixtures";
import { request } from "./next-request";

const YEAR = 2019;
const temp: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "ctk-backup-test-"));
  temp.push(d);
  return d;
};
afterAll(() => {
  for (const d of temp) fs.rmSync(d, { recursive: true, force: true });
});

/** Runs `npm run backup|restore` (the script itself) with `env` on top of this process's environment. */
async function cli(
  script: "backup" | "restore",
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; output: string }> {
  const childEnv = { ...process.env, DATABASE_URL: "", DATA_DIR: "", BACKUP_DIR: "", BACKUP_KEEP: "", ...env };
  try {
    return {
      code: 0,
      output: await run(process.execPath, [path.join(ROOT, `scripts/${script}.mjs`), ...args], {
        env: childEnv,
        quiet: true,
      }),
    };
  } catch (e) {
    const err = e as Error & { code?: number };
    return { code: err.code ?? -1, output: err.message };
  }
}

const backupFiles = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => /^ctk-.*\.(tar\.gz|dump)$/.test(f))
    .sort();

/** Every row of every table (as JSON text, sorted) and every sequence's position, of the database at `url`. */
async function snapshot(url: string): Promise<Record<string, string[]>> {
  return withClient(url, async (c) => {
    const out: Record<string, string[]> = {};
    const tables = await c.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    );
    for (const { name } of tables.rows) {
      out[name] = (await c.query<{ r: string }>(`SELECT to_jsonb(t)::text AS r FROM "${name}" t ORDER BY 1`)).rows.map(
        (r) => r.r,
      );
    }
    const seqs = await c.query<{ name: string }>(
      "SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1",
    );
    for (const { name } of seqs.rows) {
      out[`sequence ${name}`] = (
        await c.query<{ r: string }>(`SELECT last_value || ' ' || is_called AS r FROM "${name}"`)
      ).rows.map((r) => r.r);
    }
    return out;
  });
}

/**
 * What a restored database must show: the same rows as before, and an audit chain that verifies
 * (every row chained, ending where the chain head says). Sequences never go back (no id is handed out twice); a PGlite copy may have them ahead:
 * PostgreSQL logs sequences 32 values in advance, and opening the copy runs crash recovery.
 */
async function expectRestored(
  url: string,
  before: Record<string, string[]>,
  sequences: "same" | "not-behind" = "same",
) {
  const after = await snapshot(url);
  expect(Object.keys(after)).toEqual(Object.keys(before));
  for (const key of Object.keys(before)) {
    if (key.startsWith("sequence ") && sequences === "not-behind") {
      const position = (v: string[]) => Number(v[0].split(" ")[0]);
      expect({ key, position: position(after[key]) >= position(before[key]) }).toEqual({ key, position: true });
    } else expect({ key, rows: after[key] }).toEqual({ key, rows: before[key] });
  }
  const chain = await withClient(url, (c) => verifyAuditChain(c));
  expect(chain.broken).toBeNull();
  expect(chain.count).toBe(before.audit_log.length);
  expect(chain.count).toBeGreaterThan(0);
}

/**
 * The report's seed, three accounts, and a ward's figures entered, sent and approved through the app's
 * own functions, in the database at `database.url`. Returns what the later checks look for.
 */
async function enterAndApprove(database: TestDatabase) {
  vi.stubEnv("DATABASE_URL", database.url);
  vi.resetModules();
  const g = globalThis as { prisma?: unknown; auth?: unknown };
  g.prisma = undefined;
  g.auth = undefined;
  const { prisma } = database;
  await seed(prisma, { demo: false });

  const unit = (slug: string) => prisma.orgUnit.findUniqueOrThrow({ where: { slug } });
  const district = await unit("long-bien");
  const ngocThuy = await unit("ngoc-thuy");
  const boDe = await unit("bo-de");
  const group = await prisma.orgUnit.findFirstOrThrow({
    where: { parentId: ngocThuy.id, level: "RESIDENTIAL_GROUP" },
    orderBy: { id: "asc" },
  });
  const { createAccount } = await import("@/lib/auth/accounts");
  const make = async (username: string, role: "WARD_OFFICIAL" | "WARD_PARTY_COMMITTEE", orgUnitId: number) => ({
    username,
    id: (await createAccount(prisma, { username, name: username, password: PASSWORD, roles: [{ role, orgUnitId }] }))
      .id,
  });
  const official = await make("can.bo.nt", "WARD_OFFICIAL", ngocThuy.id);
  const committee = await make("dang.uy.nt", "WARD_PARTY_COMMITTEE", ngocThuy.id);
  const world = {
    database,
    units: { city: district.parentId!, district: district.id, ngocThuy: ngocThuy.id, boDe: boDe.id, group: group.id },
    users: { official, committee, staff: official, admin: official, otherOfficial: official },
  } satisfies World;
  const fx = await createReviewFixtures(world);

  const save = await import("@/lib/data/entry-save");
  const actions = await import("@/lib/actions/review");
  const change = (indicatorId: number, orgUnitId: number, value: string) => ({
    indicatorId,
    orgUnitId,
    value,
    qualifier: "EXACT" as const,
    note: null,
    outlierConfirmed: false,
    baseVersion: 0,
  });
  const saved = await save.saveEntryValues(
    { userId: official.id, name: official.username },
    { wardId: ngocThuy.id, periodId: fx.periods[YEAR], programmeId: fx.programmeId },
    [
      change(fx.indicators.a, ngocThuy.id, "12"),
      change(fx.indicators.b, ngocThuy.id, "305000000"),
      change(fx.indicators.group, group.id, "1"),
    ],
  );
  expect(saved.ok).toBe(true);
  const act = async (username: string, fn: (prev: null, form: FormData) => Promise<unknown>) => {
    request.headers = new Headers({
      host: "ctk.test",
      origin: ORIGIN,
      "x-forwarded-for": "198.51.100.7",
      cookie: await signInCookie(username),
    });
    const sub = await prisma.submission.findUniqueOrThrow({
      where: {
        orgUnitId_periodId_programmeId: {
          orgUnitId: ngocThuy.id,
          periodId: fx.periods[YEAR],
          programmeId: fx.programmeId,
        },
      },
    });
    const form = new FormData();
    for (const [k, v] of Object.entries({
      ward: "ngoc-thuy",
      year: YEAR,
      programme: fx.programmeSlug,
      version: sub.version,
      comment: "",
    }))
      form.set(k, String(v));
    return fn(null, form);
  };
  expect(await act(official.username, actions.submitForReview)).toMatchObject({
    ok: true,
    data: { status: "SUBMITTED" },
  });
  expect(await act(committee.username, actions.approveSubmission)).toMatchObject({
    ok: true,
    data: { status: "APPROVED" },
  });

  const published = await prisma.result.findMany({
    where: { periodId: fx.periods[YEAR], indicatorId: { in: Object.values(fx.indicators) } },
    select: { value: true },
  });
  expect(published.map((r) => r.value.toFixed()).sort()).toEqual(["1", "12", "305000000"]);
  return { indicatorA: fx.indicators.a };
}

/** The facts a restored database must show besides being row-for-row equal: not an empty copy of an empty one. */
async function expectApprovedFigures(url: string, indicatorA: number) {
  await withClient(url, async (c) => {
    const a = await c.query(
      `SELECT trim_scale(r.value)::text AS value, s.kind::text AS source FROM result r JOIN source s ON s.id = r.source_id WHERE r.indicator_id = $1`,
      [indicatorA],
    );
    expect(a.rows).toEqual([{ value: "12", source: "ENTRY" }]);
    expect(
      Number(
        (
          await c.query(
            `SELECT count(*) AS n FROM audit_log WHERE entity = 'result' AND actor = (SELECT id FROM app_user WHERE username = 'dang.uy.nt')`,
          )
        ).rows[0].n,
      ),
    ).toBe(3);
    expect((await c.query(`SELECT username FROM app_user ORDER BY 1`)).rows.map((r) => r.username)).toEqual([
      "can.bo.nt",
      "dang.uy.nt",
    ]);
    expect((await c.query(`SELECT status::text AS status FROM submission`)).rows).toEqual([{ status: "APPROVED" }]);
  });
}

async function releaseApp() {
  const g = globalThis as { prisma?: { $disconnect(): Promise<void> }; auth?: unknown };
  await g.prisma?.$disconnect();
  g.prisma = undefined;
  g.auth = undefined;
  vi.unstubAllEnvs();
}

describe("embedded database (PGlite data directory)", () => {
  it("backs up while npm start runs and when it is stopped; wipe and restore give back every row; refusals", async () => {
    const root = tempDir();
    const env = { DATA_DIR: root };
    const dataDir = path.join(root, "pglite");

    // what `npm start` does: lock, PGlite served on a port, the backup service, migrations
    fs.writeFileSync(path.join(root, "pglite.lock"), String(process.pid));
    let embedded = await startEmbeddedPostgres({ dataDir });
    const backups = await startEmbeddedBackups({
      db: embedded.db,
      env: { ...env },
      log: () => {},
      fail: (m: string) => expect.fail(m),
    });
    expect(fs.existsSync(path.join(root, "backups")) ? backupFiles(path.join(root, "backups")) : []).toEqual([]); // nothing to keep before migrations
    await migrate(embedded.url, { quiet: true });
    const prisma = createPrismaClient(embedded.url);
    const { indicatorA } = await enterAndApprove({ url: embedded.url, prisma, drop: async () => {} });
    await releaseApp();
    await prisma.$disconnect();
    const before = await snapshot(embedded.url);

    // the daily backup (the hourly check), then `npm run backup` through the running server
    await backups.daily();
    expect(backupFiles(path.join(root, "backups"))).toHaveLength(1);
    await backups.daily(); // once a day
    expect(backupFiles(path.join(root, "backups"))).toHaveLength(1);
    const online = await cli("backup", [], env);
    expect(online).toMatchObject({ code: 0, output: expect.stringContaining("qua npm start đang chạy") });
    const [, onlineFile] = backupFiles(path.join(root, "backups")).map((f) => path.join(root, "backups", f));
    expect(fs.readFileSync(`${onlineFile}.sha256`, "utf8")).toMatch(
      new RegExp(`^[0-9a-f]{64}  ${path.basename(onlineFile)}\\n$`),
    );

    // restore is refused while npm start runs on the directory
    const running = await cli("restore", [onlineFile, "--force"], env);
    expect(running).toMatchObject({ code: 1, output: expect.stringContaining("đang chạy") });

    // npm start stops; `npm run backup` opens the directory itself
    await backups.stop();
    await embedded.stop();
    fs.rmSync(path.join(root, "pglite.lock"));
    expect(fs.existsSync(path.join(root, "backup-control.json"))).toBe(false);
    const offlineDir = tempDir();
    const offline = await cli("backup", ["--out", offlineDir], env);
    expect(offline).toMatchObject({ code: 0, output: expect.stringContaining("trực tiếp từ thư mục dữ liệu") });
    const [offlineFile] = backupFiles(offlineDir).map((f) => path.join(offlineDir, f));

    // the laptop dies: the data directory is gone; the backup taken while running restores every row
    fs.rmSync(dataDir, { recursive: true, force: true });
    const restored = await cli("restore", [onlineFile], env);
    expect(restored).toMatchObject({ code: 0, output: expect.stringContaining("Đã khôi phục") });
    embedded = await startEmbeddedPostgres({ dataDir });
    try {
      await expectRestored(embedded.url, before, "not-behind");
      await expectApprovedFigures(embedded.url, indicatorA);
    } finally {
      await embedded.stop();
    }

    // a data directory holding a database is not overwritten without --force; with it, the backup taken
    // while stopped replaces it (and the old directory is kept aside)
    const refused = await cli("restore", [offlineFile], env);
    expect(refused).toMatchObject({ code: 1, output: expect.stringContaining("đã có dữ liệu: không ghi đè") });
    expect(fs.readdirSync(root).filter((f) => f.startsWith("pglite.before-restore-"))).toEqual([]);
    const forced = await cli("restore", [offlineFile, "--force"], env);
    expect(forced).toMatchObject({ code: 0, output: expect.stringContaining("Dữ liệu cũ được giữ lại") });
    expect(fs.readdirSync(root).filter((f) => f.startsWith("pglite.before-restore-"))).toHaveLength(1);
    embedded = await startEmbeddedPostgres({ dataDir });
    try {
      await expectRestored(embedded.url, before, "not-behind");
      await expectApprovedFigures(embedded.url, indicatorA);
    } finally {
      await embedded.stop();
    }

    // a corrupted copy is refused by its checksum, and the empty target stays empty
    const corrupt = path.join(tempDir(), path.basename(offlineFile));
    const bytes = fs.readFileSync(offlineFile);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    fs.writeFileSync(corrupt, bytes);
    fs.copyFileSync(`${offlineFile}.sha256`, `${corrupt}.sha256`);
    const empty = tempDir();
    const bad = await cli("restore", [corrupt], { DATA_DIR: empty });
    expect(bad).toMatchObject({ code: 1, output: expect.stringContaining("bị hỏng hoặc đã bị sửa") });
    expect(fs.readdirSync(empty)).toEqual([]);
    // without its checksum file a backup is not restored either
    fs.rmSync(`${corrupt}.sha256`);
    expect(await cli("restore", [corrupt], { DATA_DIR: empty })).toMatchObject({
      code: 1,
      output: expect.stringContaining("thiếu tệp mã kiểm tra"),
    });
  }, 480_000); // PGlite's initdb, migrations and seed, and four PGlite processes: minutes on a busy machine
});

describe("PostgreSQL server (pg_dump custom format)", () => {
  // needs the PostgreSQL server the integration run uses (pg_dump cannot read the embedded database)
  it.runIf(inject("testDb").mode === "server")(
    "backs up, restores into an empty database, refuses a non-empty one without --force, a corrupted file always",
    async () => {
      const database = await createMigratedDatabase();
      const { indicatorA } = await enterAndApprove(database);
      await releaseApp();
      const before = await snapshot(database.url);
      const dir = tempDir();
      const env = { DATABASE_URL: database.url, BACKUP_DIR: dir };

      const backedUp = await cli("backup", [], env);
      expect(backedUp).toMatchObject({ code: 0, output: expect.stringContaining("pg_dump") });
      const [file] = backupFiles(dir).map((f) => path.join(dir, f));
      expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe("PGDMP");

      // the server loses the database: restore creates it and fills it
      await database.drop();
      const restored = await cli("restore", [file], env);
      expect(restored).toMatchObject({ code: 0, output: expect.stringContaining("Đã khôi phục") });
      await expectRestored(database.url, before);
      await expectApprovedFigures(database.url, indicatorA);

      // non-empty: refused without --force; with it, replaced as a whole (not rows added twice)
      await withClient(database.url, (c) => c.query(`UPDATE app_user SET name = 'đổi sau sao lưu'`));
      const refused = await cli("restore", [file], env);
      expect(refused).toMatchObject({ code: 1, output: expect.stringContaining("đã có dữ liệu: không ghi đè") });
      expect((await withClient(database.url, (c) => c.query(`SELECT DISTINCT name FROM app_user`))).rows).toEqual([
        { name: "đổi sau sao lưu" },
      ]);
      expect(await cli("restore", [file, "--force"], env)).toMatchObject({ code: 0 });
      await expectRestored(database.url, before);

      // a restore that fails midway (a truncated dump, checksum made to match) leaves the database as it was
      const truncated = path.join(tempDir(), "ctk-postgres-20200101T000000Z.dump");
      fs.writeFileSync(truncated, fs.readFileSync(file).subarray(0, Math.floor(fs.statSync(file).size * 0.6)));
      const { sha256File } = await import("../../scripts/lib/backup.mjs");
      fs.writeFileSync(`${truncated}.sha256`, `${sha256File(truncated)}  ${path.basename(truncated)}\n`);
      await withClient(database.url, (c) => c.query(`UPDATE app_user SET name = 'đổi sau sao lưu'`));
      const partial = await cli("restore", [truncated, "--force"], env);
      expect(partial.code).toBe(1);
      expect((await withClient(database.url, (c) => c.query(`SELECT DISTINCT name FROM app_user`))).rows).toEqual([
        { name: "đổi sau sao lưu" },
      ]);

      // corrupted: refused by the checksum before anything is touched
      const corrupt = path.join(tempDir(), path.basename(file));
      const bytes = fs.readFileSync(file);
      bytes[bytes.length - 10] ^= 0xff;
      fs.writeFileSync(corrupt, bytes);
      fs.copyFileSync(`${file}.sha256`, `${corrupt}.sha256`);
      const emptyDb = withDatabase(database.url, `${new URL(database.url).pathname.slice(1)}_empty`);
      const bad = await cli("restore", [corrupt], { DATABASE_URL: emptyDb });
      expect(bad).toMatchObject({ code: 1, output: expect.stringContaining("bị hỏng hoặc đã bị sửa") });
      // the database named there was not even created
      const exists = await withClient(withDatabase(database.url, "postgres"), (c) =>
        c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [new URL(emptyDb).pathname.slice(1)]),
      );
      expect(exists.rowCount).toBe(0);
    },
    240_000,
  );
});
