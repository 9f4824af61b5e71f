import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { verifyAuditChain } from "../../scripts/lib/audit-verify.mjs";
import { quoteIdent, startEmbeddedPostgres, withClient, withDatabase } from "../../scripts/lib/db-tools.mjs";
import { createMigratedDatabase, type TestDatabase } from "../setup/db";

// The audit log as someone with full database rights would attack it (the superuser of the test
// server: it may disable triggers and set session_replication_role), and what `npm run audit:verify`
// then says. Each test has its own database: a broken chain stays broken.

const root = path.join(__dirname, "../..");
const runFile = promisify(execFile);
const MIGRATION = "20261202130000_audit_hash_chain";

const opened: TestDatabase[] = [];
afterAll(async () => {
  for (const db of opened) await db.drop();
});

async function databaseWithRows(n: number): Promise<TestDatabase> {
  const db = await createMigratedDatabase();
  opened.push(db);
  for (let i = 1; i <= n; i++) {
    await db.prisma.auditLog.create({
      data: {
        actor: `user-${i}`,
        action: "UPDATE",
        entity: "entry_value",
        entityId: `7:${i}:2020`,
        field: "value",
        oldValue: String(i),
        newValue: `${i}0`,
        context: { ward: "Ngọc Thụy", note: "số liệu “trên” 1.691" },
      },
    });
  }
  return db;
}

/** Runs SQL as the superuser with every trigger off (what a superuser can always do). */
function asSuperuserReplica(url: string, sql: string) {
  return withClient(url, async (c) => {
    await c.query("BEGIN");
    await c.query("SET LOCAL session_replication_role = replica");
    await c.query(sql);
    await c.query("COMMIT");
  });
}

const verify = (url: string) => withClient(url, verifyAuditChain);

async function cli(url: string) {
  try {
    const { stdout } = await runFile(process.execPath, [path.join(root, "scripts/audit-verify.mjs")], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
    });
    return { code: 0, output: stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, output: err.stdout + err.stderr };
  }
}

describe("audit log hash chain", () => {
  it("chains rows written by many concurrent transactions, and verify passes", async () => {
    const db = await createMigratedDatabase();
    opened.push(db);
    const writers = 24;
    // 8 connections, each transaction holding the chain between its two inserts
    const pool = new pg.Pool({ connectionString: db.url, max: 8 });
    try {
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          const c = await pool.connect();
          try {
            await c.query("BEGIN");
            await c.query(
              `INSERT INTO audit_log (actor, action, entity, entity_id, new_value) SELECT $1, 'CREATE', 'deadline', $2 || '-' || k, '2020-12-1' || k FROM generate_series(1, 3) k`,
              [`writer-${w}`, String(w)],
            );
            await c.query(
              `INSERT INTO audit_log (actor, action, entity, entity_id, field, new_value, context) VALUES ($1, 'UPDATE', 'result', $2, 'note', 'Đã duyệt ✓ 𝔸', $3)`,
              [`writer-${w}`, String(w), JSON.stringify({ n: w, nested: { a: [1, 2.5, null] } })],
            );
            await c.query("COMMIT");
          } finally {
            c.release();
          }
        }),
      );
    } finally {
      await pool.end();
    }
    const result = await verify(db.url);
    expect(result).toMatchObject({ ok: true, count: writers * 4, broken: null });
    // the chain's order is the id order, without gaps
    const ids = await withClient(db.url, async (c) =>
      (await c.query("SELECT id::int AS id FROM audit_log ORDER BY id")).rows.map((r) => r.id as number),
    );
    expect(ids).toEqual(Array.from({ length: writers * 4 }, (_, i) => i + 1));
    expect((await cli(db.url)).code).toBe(0);
  });

  it("reports a row changed with the triggers off (session_replication_role = replica)", async () => {
    const db = await databaseWithRows(6);
    expect((await verify(db.url)).ok).toBe(true);
    await asSuperuserReplica(db.url, "UPDATE audit_log SET new_value = '999' WHERE id = 4");
    const result = await verify(db.url);
    expect(result.ok).toBe(false);
    expect(result.broken).toMatchObject({
      id: "4",
      actor: "user-4",
      entity: "entry_value",
      entityId: "7:4:2020",
      field: "value",
    });
    expect(result.broken!.problem).toContain("đã bị sửa");
    expect(result.count).toBe(3);

    const { code, output } = await cli(db.url);
    expect(code).toBe(1);
    expect(output).toMatch(
      /chuỗi băm đứt ở dòng id 4 \(lúc \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\): UPDATE, entry_value 7:4:2020, trường value, người ghi user-4/,
    );
  });

  it("reports a row whose content and own hash were both rewritten (at the row after it)", async () => {
    const db = await databaseWithRows(5);
    await asSuperuserReplica(
      db.url,
      "UPDATE audit_log SET actor = 'someone-else' WHERE id = 2; UPDATE audit_log a SET hash = audit_log_hash(a) WHERE id = 2",
    );
    const result = await verify(db.url);
    expect(result.broken).toMatchObject({ id: "3" });
    expect(result.broken!.problem).toContain("id 2");
  });

  it("reports a deleted row, with the append-only trigger disabled", async () => {
    const db = await databaseWithRows(5);
    await withClient(db.url, async (c) => {
      await c.query('ALTER TABLE audit_log DISABLE TRIGGER "audit_log_append_only"');
      await c.query("DELETE FROM audit_log WHERE id = 3");
      await c.query('ALTER TABLE audit_log ENABLE TRIGGER "audit_log_append_only"');
    });
    const result = await verify(db.url);
    expect(result.broken).toMatchObject({ id: "4" });
    expect(result.broken!.problem).toContain("đã bị xóa");
  });

  it("reports deleted last rows (the chain head still names them)", async () => {
    const db = await databaseWithRows(5);
    await asSuperuserReplica(db.url, "DELETE FROM audit_log WHERE id >= 4");
    const result = await verify(db.url);
    expect(result.ok).toBe(false);
    expect(result.broken!.problem).toContain("id 5");
    expect(result.broken!.problem).toContain("các dòng cuối đã bị xóa");
  });

  it("reports a row slipped in with the triggers off", async () => {
    const db = await databaseWithRows(3);
    await asSuperuserReplica(
      db.url,
      `INSERT INTO audit_log (id, actor, action, entity, entity_id, prev_hash, hash)
       SELECT 4, 'forger', 'DELETE', 'result', '1', hash, repeat('a', 64) FROM audit_log WHERE id = 3`,
    );
    const result = await verify(db.url);
    expect(result.broken).toMatchObject({ id: "4", actor: "forger" });
  });

  it("the trigger chains a row whatever id and hashes the insert gave", async () => {
    const db = await databaseWithRows(2);
    await withClient(db.url, (c) =>
      c.query(
        `INSERT INTO audit_log (id, actor, action, entity, entity_id, prev_hash, hash) VALUES (100, 'x', 'CREATE', 'source', '1', 'forged', 'forged')`,
      ),
    );
    const rows = await withClient(
      db.url,
      async (c) => (await c.query("SELECT id::int AS id, prev_hash FROM audit_log ORDER BY id")).rows,
    );
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3]);
    expect((await verify(db.url)).ok).toBe(true);
  });
});

describe(`migration ${MIGRATION}`, () => {
  it("chains the rows that existed before it, in id order", async () => {
    const ctx = inject("testDb");
    let url: string;
    let cleanup: () => Promise<void>;
    if (ctx.mode === "server") {
      const name = `${ctx.prefix}_bf_${crypto.randomBytes(3).toString("hex")}`;
      await withClient(ctx.adminUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
      url = withDatabase(ctx.adminUrl, name);
      cleanup = () =>
        withClient(ctx.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)).then(
          () => {},
        );
    } else {
      const embedded = await startEmbeddedPostgres();
      url = embedded.url;
      cleanup = embedded.stop;
    }
    try {
      const dir = path.join(root, "prisma/migrations");
      const migrations = fs
        .readdirSync(dir)
        .filter((d) => fs.existsSync(path.join(dir, d, "migration.sql")))
        .sort();
      await withClient(url, async (c) => {
        for (const m of migrations.filter((m) => m < MIGRATION))
          await c.query(fs.readFileSync(path.join(dir, m, "migration.sql"), "utf8"));
        // rows as the app wrote them before: ids with a gap, NULLs, Vietnamese text, JSON
        await c.query(`INSERT INTO audit_log (id, at, actor, action, entity, entity_id, field, old_value, new_value, context) VALUES
          (1, '2020-01-02 03:04:05.678', 'seed', 'CREATE', 'result', '1', NULL, NULL, '1.691', '{"nguồn": "Báo cáo", "n": 1}'),
          (2, '2020-01-02 03:04:06', 'u1', 'UPDATE', 'result', '1', 'value', '1.691', '1.700', NULL),
          (5, '2021-05-06 07:08:09.010', 'u2', 'DELETE', 'achievement', '9', 'title', 'Tổ dân phố số 1', NULL, '[]')`);
        await c.query(fs.readFileSync(path.join(dir, MIGRATION, "migration.sql"), "utf8"));
      });
      expect(await verify(url)).toMatchObject({ ok: true, count: 3, lastId: "5" });
      // and the chain goes on from there
      await withClient(url, (c) =>
        c.query(`INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ('u3', 'CREATE', 'source', '2')`),
      );
      expect(await verify(url)).toMatchObject({ ok: true, count: 4, lastId: "6" });
    } finally {
      await cleanup();
    }
  });
});
