import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { DEMO_PASSWORD } from "./auth-state";

// The database going away under a running server and coming back, on PostgreSQL: a server of its own
// (`node scripts/start.mjs`, the production build) on a throwaway database that the test makes refuse
// connections (ALLOW_CONNECTIONS false, open connections terminated) and then accept them again. The
// person sees a Vietnamese 503 page where they were (never the sign-in page), and the same server
// serves them again once the database is back: no restart.

const ADMIN_URL = process.env.E2E_PG_ADMIN_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const PORT = Number(process.env.E2E_PORT || 3100) + 100;
const BASE = `http://127.0.0.1:${PORT}`;
const DB_NAME = `ctk_e2e_outage_${crypto.randomBytes(4).toString("hex")}`;
const DB_MESSAGE = "Hệ thống tạm thời không kết nối được cơ sở dữ liệu";

let server: ChildProcess | null = null;
let dataDir = "";
let output = "";

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function databaseAway() {
  await admin(async (c) => {
    await c.query(`ALTER DATABASE "${DB_NAME}" ALLOW_CONNECTIONS false`);
    await c.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [DB_NAME],
    );
  });
}

const databaseBack = () => admin((c) => c.query(`ALTER DATABASE "${DB_NAME}" ALLOW_CONNECTIONS true`));

async function healthy(): Promise<boolean> {
  return fetch(`${BASE}/api/health`).then(
    (r) => r.ok,
    () => false,
  );
}

test.describe.configure({ mode: "serial" });
test.use({ storageState: { cookies: [], origins: [] }, baseURL: BASE });

test.beforeAll(async () => {
  test.setTimeout(10 * 60_000);
  await admin((c) => c.query(`CREATE DATABASE "${DB_NAME}"`));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ctk-e2e-outage-"));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  server = spawn(process.execPath, ["scripts/start.mjs"], {
    env: {
      ...process.env,
      PORT: String(PORT),
      DATABASE_URL: url.toString(),
      DATA_DIR: dataDir,
      SEED_DEMO: "1",
      PUBLIC_PORTAL: "0",
      DEMO_PASSWORD,
      DB_POOL_MAX: "4",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (d) => (output += d));
  server.stderr?.on("data", (d) => (output += d));
  // migrations and the seed on an empty database: a minute or two on a shared machine
  for (let i = 0; i < 480 && !(await healthy()); i++) {
    if (server.exitCode !== null) throw new Error(`the server stopped:\n${output}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  if (!(await healthy())) throw new Error(`the server did not become healthy:\n${output}`);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once("exit", r));
    server.kill("SIGTERM");
    await exited;
  }
  await databaseBack().catch(() => {});
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`)).catch(() => {});
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test("the database goes away: a Vietnamese 503 where the person was, not sign-in; back without a restart", async ({
  page,
  request,
}) => {
  await page.goto("/dang-nhap?next=%2Fngoc-thuy");
  await page.getByLabel("Tên đăng nhập hoặc e-mail").fill("demo.quan");
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(`${BASE}/ngoc-thuy`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ngọc Thụy");

  await databaseAway();
  try {
    const away = await page.goto("/ngoc-thuy");
    expect(away?.status()).toBe(503);
    await expect(page).toHaveURL(`${BASE}/ngoc-thuy`);
    await expect(page.getByRole("alert")).toContainText(DB_MESSAGE);
    // another page, and the API in its JSON shape
    expect((await page.goto("/ngoc-thuy/gpmb"))?.status()).toBe(503);
    await expect(page).toHaveURL(`${BASE}/ngoc-thuy/gpmb`);
    const api = await page.request.get("/api/v1/org-units/ngoc-thuy");
    expect(api.status()).toBe(503);
    expect((await api.json()).error.code).toBe("unavailable");
    expect((await request.get("/api/health")).status()).toBe(503);
    // signing in meanwhile: a Vietnamese page, not JSON
    const signIn = await request.post("/api/auth/sign-in", {
      headers: { origin: BASE },
      form: { identifier: "demo.phuong", password: DEMO_PASSWORD, next: "/" },
      maxRedirects: 0,
    });
    expect(signIn.status()).toBe(503);
    expect(signIn.headers()["content-type"]).toContain("text/html");
    expect(await signIn.text()).toContain(DB_MESSAGE);
  } finally {
    await databaseBack();
  }

  // the same server, the same session
  const back = await page.goto("/ngoc-thuy");
  expect(back?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ngọc Thụy");
  expect((await request.get("/api/health")).status()).toBe(200);
});
