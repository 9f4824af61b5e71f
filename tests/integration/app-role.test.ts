import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { AppRoleError, appDatabaseUrl } from "../../scripts/lib/app-role.mjs";
import { verifyAuditChain } from "../../scripts/lib/audit-verify.mjs";
import { quoteIdent, withClient } from "../../scripts/lib/db-tools.mjs";
import { createMigratedDatabase, type TestDatabase } from "../setup/db";

// What the web app's database role (set up by `npm start` on a PostgreSQL server through
// scripts/lib/app-role.mjs) can and cannot do, tried as an attacker who runs SQL through the app would.

const ctx = inject("testDb");
const suffix = crypto.randomBytes(4).toString("hex");
const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "ctk-app-role-"));

/** Runs `sql` on `url`; the SQLSTATE it fails with, or "ok". */
async function attempt(url: string, sql: string): Promise<string> {
  try {
    await withClient(url, (c) => c.query(sql));
    return "ok";
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

function asUser(url: string, user: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = "";
  return u.toString();
}

if (ctx.mode === "server") {
  describe("the app's database role (PostgreSQL server)", () => {
    const role = `ctk_test_app_${suffix}`;
    const created: string[] = [role];
    let db: TestDatabase;
    let appUrl: string;

    beforeAll(async () => {
      db = await createMigratedDatabase();
      await db.prisma.auditLog.create({
        data: { actor: "seed", action: "CREATE", entity: "result", entityId: "1", newValue: "1.691" },
      });
      ({ url: appUrl } = await appDatabaseUrl({ adminUrl: db.url, env: { APP_DB_ROLE: role }, dataRoot }));
    });

    afterAll(async () => {
      await db?.drop();
      await withClient(ctx.adminUrl, async (c) => {
        for (const r of created) await c.query(`DROP ROLE IF EXISTS ${quoteIdent(r)}`);
      });
      fs.rmSync(dataRoot, { recursive: true, force: true });
    });

    it("is a plain login role that reads and writes rows", async () => {
      expect(new URL(appUrl).username).toBe(role);
      const id = await withClient(appUrl, async (c) => {
        const me = (
          await c.query("SELECT current_user AS u, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS s")
        ).rows[0];
        expect(me).toEqual({ u: role, s: false });
        const { rows } = await c.query(
          `INSERT INTO source (key, kind, title) VALUES ('test:${suffix}', 'ENTRY', 'Thử') RETURNING id`,
        );
        await c.query("UPDATE source SET title = 'Thử lại' WHERE id = $1", [rows[0].id]);
        await c.query(
          "INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ('app', 'CREATE', 'source', $1)",
          [String(rows[0].id)],
        );
        return rows[0].id as number;
      });
      expect(await attempt(appUrl, `DELETE FROM source WHERE id = ${id}`)).toBe("ok");
      // its audit rows are chained by the trigger (which runs as the owner)
      expect(await withClient(appUrl, verifyAuditChain)).toMatchObject({ ok: true, count: 2 });
    });

    it.each([
      ["alter a table", "ALTER TABLE audit_log ADD COLUMN x integer"],
      ["set session_replication_role = replica", "SET session_replication_role = replica"],
      ["disable the append-only trigger", 'ALTER TABLE audit_log DISABLE TRIGGER "audit_log_append_only"'],
      ["disable the chain trigger", 'ALTER TABLE audit_log DISABLE TRIGGER "audit_log_chain"'],
      ["drop the chain trigger", 'DROP TRIGGER "audit_log_chain" ON audit_log'],
      [
        "replace the hashing function",
        "CREATE OR REPLACE FUNCTION audit_log_hash(r audit_log) RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$",
      ],
      ["update an audit row", "UPDATE audit_log SET new_value = '999' WHERE id = 1"],
      ["delete an audit row", "DELETE FROM audit_log WHERE id = 1"],
      ["truncate the audit log", "TRUNCATE audit_log"],
      ["move the chain head", "UPDATE audit_chain_head SET last_id = 1"],
      ["rewrite the migration history", "DELETE FROM _prisma_migrations"],
      ["create a table", "CREATE TABLE public.t (x integer)"],
      ["make itself superuser", `ALTER ROLE ${quoteIdent(role)} SUPERUSER`],
      // stored term figures: only the triggers on result write them
      [
        "insert a stored term figure",
        "INSERT INTO term_figure (indicator_id, term_id, org_unit_id, basis, value, qualifier, demo) VALUES (1, 1, 1, 'reported', 1, 'EXACT', false)",
      ],
      ["change stored term figures", "UPDATE term_figure SET value = value + 1"],
      ["delete stored term figures", "DELETE FROM term_figure"],
      ["truncate the stored term figures", "TRUNCATE term_figure"],
      ["recompute stored term figures itself", "SELECT term_figure_refresh(ARRAY[1], ARRAY[1], ARRAY[1])"],
      [
        "replace the term figures' refresh",
        "CREATE OR REPLACE FUNCTION term_figure_refresh(int[], int[], int[]) RETURNS void LANGUAGE sql AS ''",
      ],
    ])("cannot %s", async (_what, sql) => {
      expect(await attempt(appUrl, sql)).toBe("42501"); // insufficient_privilege
    });

    it("cannot make the audit chain's trigger use a temporary table of its own", async () => {
      // a SECURITY DEFINER function searches pg_temp first unless its search_path names it last
      const error = await withClient(appUrl, async (c) => {
        await c.query("CREATE TEMP TABLE audit_chain_head (id integer, last_id bigint, last_hash text)");
        await c.query("INSERT INTO audit_chain_head VALUES (1, 1000, 'forged')");
        await c.query(
          "INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ('app', 'CREATE', 'source', 'temp')",
        );
      }).catch((e: unknown) => e);
      expect(error).toBeUndefined();
      // the row went to the real chain, after the rows above: the chain still verifies
      expect(await withClient(db.url, verifyAuditChain)).toMatchObject({ ok: true, count: 3 });
    });

    it("leaves the audit log intact after all that", async () => {
      expect(await withClient(db.url, verifyAuditChain)).toMatchObject({ ok: true, count: 3 });
    });

    it("covers tables of later migrations (default privileges, and grants again on each start)", async () => {
      await withClient(db.url, (c) => c.query("CREATE TABLE later_table (x integer)"));
      expect(await attempt(appUrl, "INSERT INTO later_table VALUES (1)")).toBe("ok");
      await withClient(db.url, (c) => c.query(`REVOKE ALL ON later_table FROM ${quoteIdent(role)}`));
      expect(await attempt(appUrl, "INSERT INTO later_table VALUES (2)")).toBe("42501");
      await appDatabaseUrl({ adminUrl: db.url, env: { APP_DB_ROLE: role }, dataRoot });
      expect(await attempt(appUrl, "INSERT INTO later_table VALUES (3)")).toBe("ok");
      expect(await attempt(appUrl, "ALTER TABLE later_table ADD COLUMN y integer")).toBe("42501");
    });

    it("refuses an APP_DATABASE_URL whose role is a superuser", async () => {
      const su = `ctk_test_su_${suffix}`;
      created.push(su);
      await withClient(ctx.adminUrl, (c) => c.query(`CREATE ROLE ${quoteIdent(su)} SUPERUSER LOGIN`));
      const promise = appDatabaseUrl({ adminUrl: db.url, env: { APP_DATABASE_URL: asUser(db.url, su) }, dataRoot });
      await expect(promise).rejects.toThrow(AppRoleError);
      await expect(promise).rejects.toThrow(/là superuser/);
    });

    it("without the right to create the role, says in one message what the operator must run", async () => {
      const owner = `ctk_test_owner_${suffix}`;
      created.push(owner);
      await withClient(ctx.adminUrl, (c) => c.query(`CREATE ROLE ${quoteIdent(owner)} LOGIN`));
      const error = await appDatabaseUrl({
        adminUrl: asUser(db.url, owner),
        env: { APP_DB_ROLE: `ctk_test_missing_${suffix}` },
        dataRoot,
      }).catch((e) => e);
      expect(error).toBeInstanceOf(AppRoleError);
      expect(error.message).toContain(`CREATE ROLE "ctk_test_missing_${suffix}" LOGIN NOSUPERUSER`);
      expect(error.message).toContain(`APP_DATABASE_URL=postgresql://ctk_test_missing_${suffix}:<mật khẩu>@`);
      // and no such role was made
      const exists = await withClient(
        ctx.adminUrl,
        async (c) =>
          (await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [`ctk_test_missing_${suffix}`])).rowCount,
      );
      expect(exists).toBe(0);
    });
  });
} else {
  // Without a server the integration tests run on PGlite, the embedded default, which `npm start`
  // serves without a separate role: it is single-user, whatever user a connection names.
  describe("the embedded database (PGlite)", () => {
    it("is single-user: a connection naming another user is still the superuser", async () => {
      const url = asUser(ctx.url, `ctk_app_${suffix}`);
      const me = await withClient(
        url,
        async (c) =>
          (await c.query("SELECT current_user AS u, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS s"))
            .rows[0],
      );
      expect(me).toEqual({ u: "postgres", s: true });
    });
  });
}
