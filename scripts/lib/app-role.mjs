// The app's own database role (`npm start` on a PostgreSQL server). Migrations and the seed run as the
// owner of the tables (DATABASE_URL); the web app connects as a login role that may only read and write
// rows: it cannot alter tables, disable triggers or set session_replication_role (superuser only), so
// the append-only triggers and the audit hash chain hold even if the app is subverted.
//
// appDatabaseUrl() creates or updates that role (default ctk_app; its password from APP_DB_PASSWORD, else
// generated once into $DATA_DIR/app-db-password), or takes APP_DATABASE_URL from the operator; grants
// it, on every start, SELECT/INSERT/UPDATE/DELETE on every table of the schema and USAGE on its
// sequences (so tables of later migrations are covered), minus what it must not do to the audit log
// and to the stored term figures (written only by the triggers on result);
// checks that it is really least-privileged and can sign in; and returns its connection URL. When that
// cannot be done it throws an AppRoleError whose one message says what the operator must run.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { databaseName, quoteIdent } from "./db-tools.mjs";

export class AppRoleError extends Error {}

const DEFAULT_ROLE = "ctk_app";
// Least privilege, also when an existing role of that name had more.
const ROLE_ATTRIBUTES = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT";

function redact(url) {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

function withCredentials(url, user, password) {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/** The Prisma schema of the URL (`?schema=`), else public. */
export function schemaOf(url) {
  return new URL(url).searchParams.get("schema") || "public";
}

/** The stored password, generated once (owner-only file), as AUTH_SECRET is. */
function storedPassword(dataRoot, log) {
  const file = path.join(dataRoot, "app-db-password");
  fs.mkdirSync(dataRoot, { recursive: true });
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, randomBytes(24).toString("base64url"), { mode: 0o600 });
    log?.(
      `Đã tạo mật khẩu vai trò cơ sở dữ liệu của ứng dụng tại ${file} (đặt APP_DB_PASSWORD để dùng mật khẩu riêng).`,
    );
  }
  return fs.readFileSync(file, "utf8").trim();
}

async function canSignIn(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return true;
  } catch (e) {
    if (e?.code === "28P01" || e?.code === "28000") return false; // wrong password / no pg_hba entry
    throw e;
  } finally {
    await client.end().catch(() => {});
  }
}

/** What the role could do that the app must not; empty when least-privileged. */
export async function excessPrivileges(client, role, schema) {
  const { rows } = await client.query(
    `SELECT r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolreplication,
            EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = $2 AND c.relkind IN ('r', 'p', 'S', 'v', 'm') AND pg_has_role(r.oid, c.relowner, 'MEMBER')) AS owns,
            has_table_privilege(r.oid, format('%I.audit_log', $2), 'UPDATE') OR has_table_privilege(r.oid, format('%I.audit_log', $2), 'DELETE')
              OR has_table_privilege(r.oid, format('%I.audit_log', $2), 'TRUNCATE') AS rewrites_audit,
            has_table_privilege(r.oid, format('%I.audit_chain_head', $2), 'UPDATE') AS moves_head,
            has_table_privilege(r.oid, format('%I.term_figure', $2), 'INSERT, UPDATE, DELETE, TRUNCATE') AS writes_term_figures
       FROM pg_roles r WHERE r.rolname = $1`,
    [role, schema],
  );
  const r = rows[0];
  if (!r) return ["không tồn tại"];
  const excess = [];
  if (r.rolsuper) excess.push("là superuser");
  if (r.rolbypassrls) excess.push("có BYPASSRLS");
  if (r.rolcreaterole) excess.push("có CREATEROLE");
  if (r.rolreplication) excess.push("có REPLICATION");
  if (r.owns) excess.push("là (hoặc là thành viên của) chủ các bảng, nên sửa được bảng và tắt được trigger");
  if (r.rewrites_audit) excess.push("có quyền UPDATE/DELETE/TRUNCATE trên audit_log");
  if (r.moves_head) excess.push("có quyền UPDATE trên audit_chain_head");
  if (r.writes_term_figures) excess.push("có quyền ghi trực tiếp term_figure (chỉ trigger của bảng result được ghi)");
  return excess;
}

/**
 * Sets up the app's role on the database of `adminUrl` (the owner's connection) and returns the URL the
 * web app must use. `env`: APP_DATABASE_URL, APP_DB_ROLE, APP_DB_PASSWORD. `dataRoot`: where a generated
 * password is kept.
 */
export async function appDatabaseUrl({ adminUrl, env = process.env, dataRoot, log }) {
  const schema = schemaOf(adminUrl);
  const given = env.APP_DATABASE_URL || null;
  const role = given ? decodeURIComponent(new URL(given).username) : env.APP_DB_ROLE || DEFAULT_ROLE;
  if (!role)
    throw new AppRoleError("APP_DATABASE_URL phải có tên người dùng (postgresql://vai_tro:mat_khau@máy/csdl).");
  const password = given ? null : env.APP_DB_PASSWORD || storedPassword(dataRoot, log);
  const url = given ?? withCredentials(adminUrl, role, password);
  const db = databaseName(adminUrl);
  const host = new URL(adminUrl).host;
  const operatorSql = (what) =>
    `Ứng dụng không chạy bằng vai trò chủ dữ liệu (vai trò đó tắt được trigger và viết lại được nhật ký kiểm tra). ` +
    `${what} Hãy để quản trị PostgreSQL chạy (psql -h ${new URL(adminUrl).hostname} -d ${db}):\n` +
    `  CREATE ROLE ${quoteIdent(role)} ${ROLE_ATTRIBUTES} PASSWORD '<mật khẩu>';\n` +
    `rồi đặt APP_DATABASE_URL=postgresql://${encodeURIComponent(role)}:<mật khẩu>@${host}/${encodeURIComponent(db)} và chạy lại npm start ` +
    `(npm start tự cấp quyền đọc/ghi dữ liệu cho vai trò đó).`;

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { name: me, super: isSuper } = (
      await admin.query(
        "SELECT current_user AS name, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS super",
      )
    ).rows[0];
    if (me === role) {
      throw new AppRoleError(
        `DATABASE_URL và vai trò của ứng dụng cùng là ${quoteIdent(role)}. ` +
          operatorSql("DATABASE_URL phải là vai trò chủ (chạy migration), ứng dụng cần một vai trò khác."),
      );
    }
    const exists = (await admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role])).rowCount > 0;
    if (given && !exists)
      throw new AppRoleError(`Vai trò ${quoteIdent(role)} của APP_DATABASE_URL chưa có. ` + operatorSql(""));

    // Our own role: created, or brought back to least privilege and to our password.
    if (!given) {
      try {
        if (!exists) {
          await admin
            .query(`CREATE ROLE ${quoteIdent(role)} ${ROLE_ATTRIBUTES} PASSWORD ${admin.escapeLiteral(password)}`)
            .catch((e) => {
              if (e?.code !== "42710") throw e; // created meanwhile by another start
            });
          log?.(`Đã tạo vai trò ${quoteIdent(role)} cho ứng dụng (chỉ đọc/ghi dữ liệu).`);
        } else {
          // only a superuser may name SUPERUSER/REPLICATION/BYPASSRLS in ALTER ROLE (PostgreSQL 15);
          // otherwise the check below refuses a role that has more
          if (isSuper) await admin.query(`ALTER ROLE ${quoteIdent(role)} ${ROLE_ATTRIBUTES}`);
          if (!(await canSignIn(url))) {
            await admin.query(`ALTER ROLE ${quoteIdent(role)} PASSWORD ${admin.escapeLiteral(password)}`);
            log?.(
              `Đã đặt lại mật khẩu vai trò ${quoteIdent(role)} (một triển khai khác trên cùng máy chủ PostgreSQL cần APP_DB_ROLE riêng).`,
            );
          }
        }
      } catch (e) {
        if (e instanceof AppRoleError || e?.code !== "42501") throw e;
        throw new AppRoleError(
          `Vai trò ${quoteIdent(me)} của DATABASE_URL không ${exists ? "sửa" : "tạo"} được vai trò ${quoteIdent(role)} (cần quyền CREATEROLE). ` +
            operatorSql(""),
        );
      }
    }

    // Every start, so that tables of later migrations are covered. Append-only tables keep their
    // refusing triggers; the audit log and its chain head get no right to change rows at all.
    const s = quoteIdent(schema);
    const r = quoteIdent(role);
    try {
      await admin.query("BEGIN");
      await admin.query(`GRANT USAGE ON SCHEMA ${s} TO ${r}`);
      await admin.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${r}`);
      await admin.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${s} TO ${r}`);
      await admin.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${s}."audit_log" FROM ${r}`);
      await admin.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${s}."audit_chain_head" FROM ${r}`);
      await admin.query(`REVOKE ALL ON ${s}."_prisma_migrations" FROM ${r}`);
      // stored term figures: written only by the triggers on result, which run as the owner
      await admin.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${s}."term_figure" FROM ${r}`);
      // tables a later `prisma migrate deploy` creates, before the next start re-grants
      await admin.query(
        `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
      );
      await admin.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT USAGE ON SEQUENCES TO ${r}`);
      await admin.query("COMMIT");
    } catch (e) {
      await admin.query("ROLLBACK").catch(() => {});
      throw new AppRoleError(
        `Vai trò ${quoteIdent(me)} của DATABASE_URL không cấp được quyền trên lược đồ ${s} cho ${r} (${e?.message ?? e}). ` +
          `DATABASE_URL phải là vai trò chủ các bảng (vai trò đã chạy migration).`,
      );
    }

    const excess = await excessPrivileges(admin, role, schema);
    if (excess.length > 0) {
      throw new AppRoleError(
        `Vai trò ${quoteIdent(role)} của ứng dụng ${excess.join(", ")}. ` +
          (given ? `APP_DATABASE_URL phải là một vai trò chỉ đọc/ghi dữ liệu. ` : "") +
          operatorSql(given ? "" : `Hãy đặt APP_DB_ROLE là tên một vai trò mới.`),
      );
    }
  } finally {
    await admin.end().catch(() => {});
  }

  if (!(await canSignIn(url))) {
    throw new AppRoleError(
      `Không đăng nhập được PostgreSQL bằng ${redact(url)}: sai mật khẩu hoặc pg_hba.conf chưa cho vai trò ${quoteIdent(role)} kết nối.`,
    );
  }
  return { url, role };
}
