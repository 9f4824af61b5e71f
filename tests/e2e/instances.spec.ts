// Several app instances on one PostgreSQL database (README "Several instances"): two `npm start`
// servers with one AUTH_SECRET on a throwaway database of the PostgreSQL server. A session made on
// one is valid on the other (and ends on both when signed out on one), and sign-in failures are
// counted in the database, so the limit holds across instances instead of per process.
// Ports: E2E_PORT + 10 and + 20 (3121 and 3131 beside the usual test server on 3111), or
// E2E_INSTANCE_PORTS=a,b. The database server: E2E_POSTGRES_URL, else 127.0.0.1:5432 as postgres.
import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";

const ROOT = process.cwd(); // playwright runs from the repository root
const ADMIN_URL = process.env.E2E_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const basePort = Number(process.env.E2E_PORT || 3100);
const PORTS = (process.env.E2E_INSTANCE_PORTS || `${basePort + 10},${basePort + 20}`).split(",").map(Number);
const PASSWORD = "mat-khau-hai-may-chu-e2e";
const suffix = crypto.randomBytes(4).toString("hex");
const DATABASE = `ctk_e2e_instances_${suffix}`;
const ROLE = `ctk_e2e_app_${suffix}`;

const [A, B] = PORTS.map((p) => `http://127.0.0.1:${p}`);
const servers: ChildProcess[] = [];
const dirs: string[] = [];

const databaseUrl = (name: string) => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
};
async function admin(sql: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** One instance as a deployment runs it: same database, same AUTH_SECRET and app role, its own DATA_DIR. */
async function startInstance(port: number, secret: string, appPassword: string): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ctk-e2e-instance-"));
  dirs.push(dataDir);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: databaseUrl(DATABASE),
    AUTH_SECRET: secret,
    APP_DB_ROLE: ROLE,
    APP_DB_PASSWORD: appPassword,
    DB_POOL_MAX: "4",
    DATA_DIR: dataDir,
    DEMO_PASSWORD: PASSWORD,
    SEED_DEMO: "1",
    PUBLIC_PORTAL: "0",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.APP_DATABASE_URL;
  const child = spawn(process.execPath, [path.join(ROOT, "scripts/start.mjs")], { cwd: ROOT, env, stdio: "pipe" });
  servers.push(child);
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const deadline = Date.now() + 10 * 60_000; // a stale .next is rebuilt first
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`instance on ${port} stopped:\n${output}`);
    const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
    if (res?.ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`instance on ${port} did not become healthy:\n${output}`);
}

async function signIn(base: string, identifier: string, password: string) {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ identifier, password, next: "/ngoc-thuy" }),
  });
  await res.arrayBuffer();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { status: res.status, location: res.headers.get("location") ?? "", cookie };
}

const get = (url: string, cookie = "") => fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {} });

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(15 * 60_000);
  await admin(`CREATE DATABASE ${DATABASE}`);
  const secret = crypto.randomBytes(32).toString("base64url");
  const appPassword = crypto.randomBytes(18).toString("base64url");
  // one after the other: the first migrates and seeds the empty database, the second finds it ready
  await startInstance(PORTS[0], secret, appPassword);
  await startInstance(PORTS[1], secret, appPassword);
});

test.afterAll(async () => {
  await Promise.all(
    servers.map(
      (s) =>
        new Promise<void>((resolve) => {
          if (s.exitCode !== null) return resolve();
          s.once("exit", () => resolve());
          s.kill("SIGTERM");
        }),
    ),
  );
  await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin(`DROP ROLE IF EXISTS ${ROLE}`);
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

test("a session made on one instance is valid on the other, and signing out on one ends it on both", async () => {
  const session = await signIn(A, "demo.quan", PASSWORD);
  expect(session.status).toBe(303);
  expect(session.cookie).not.toBe("");

  // without the cookie the other instance sends the person to sign in; with it, it serves them
  expect((await get(`${B}/ngoc-thuy`)).status).toBeGreaterThanOrEqual(300);
  const page = await get(`${B}/ngoc-thuy`, session.cookie);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain("Ngọc Thụy");
  expect((await get(`${B}/api/v1/org-units/ngoc-thuy/values?term=2015-2020`)).status).toBe(401);
  expect((await get(`${B}/api/v1/org-units/ngoc-thuy/values?term=2015-2020`, session.cookie)).status).toBe(200);
  expect((await get(`${A}/api/v1/org-units/ngoc-thuy/values?term=2015-2020`, session.cookie)).status).toBe(200);

  const out = await fetch(`${B}/api/auth/sign-out`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: B, cookie: session.cookie },
  });
  expect(out.status).toBe(303);
  expect((await get(`${A}/api/v1/org-units/ngoc-thuy/values?term=2015-2020`, session.cookie)).status).toBe(401);
});

test("the sign-in limit is shared: failures on either instance count together", async () => {
  // 10 failures on one account (5 on each instance; the limit is 10), then the right password
  for (let i = 0; i < 10; i++) {
    const wrong = await signIn(i % 2 === 0 ? A : B, "demo.phuong", `sai-${i}`);
    expect(wrong.status, `attempt ${i + 1}`).toBe(303);
    expect(wrong.location).toContain("loi=sai");
  }
  // per-process counting would have let this in on either instance (5 failures each)
  expect((await signIn(A, "demo.phuong", PASSWORD)).status).toBe(429);
  expect((await signIn(B, "demo.phuong", PASSWORD)).status).toBe(429);
  // another account is not affected
  expect((await signIn(B, "demo.danguy", PASSWORD)).status).toBe(303);
});
