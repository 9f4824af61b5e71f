import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT || 3100);
// E2E_BASE_URL runs the tests against a server that is already running (e.g. a dev server) instead.
const EXTERNAL_URL = process.env.E2E_BASE_URL;
const BASE_URL = EXTERNAL_URL ?? `http://127.0.0.1:${PORT}`;

// The server starts on an empty data directory, so that every e2e run also proves that `npm start`
// goes from nothing (initdb, migrations, seed) to a healthy /api/health on the embedded database.
// The config is loaded again in each worker process: they inherit the directory through the env.
if (!process.env.CTK_E2E_DATA_DIR) {
  // first load, in the main process: by the time it exits, the web server has been stopped
  const created = fs.mkdtempSync(path.join(os.tmpdir(), "ctk-e2e-"));
  process.env.CTK_E2E_DATA_DIR = created;
  process.on("exit", () => fs.rmSync(created, { recursive: true, force: true }));
}
const dataDir = process.env.CTK_E2E_DATA_DIR;
delete process.env.DATABASE_URL;
// The demo accounts' password on the test server; the setup project signs in as district staff
// (reads every ward of Long Biên) and the other tests start from that session (tests/e2e/auth-state.ts).
process.env.DEMO_PASSWORD ||= "mat-khau-minh-hoa-e2e";
process.env.CTK_E2E_STORAGE_STATE = path.join(dataDir, "storage-demo-quan.json");

// The browser the tests run in, with the session the setup project saved.
const CHROMIUM = {
  ...devices["Desktop Chrome"],
  storageState: process.env.CTK_E2E_STORAGE_STATE,
  // Debian's chromium: Playwright never downloads browsers on these machines.
  launchOptions: {
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  },
};
// Specs whose data other specs would see (they share one database) run after all the others, in
// projects listed last (one worker runs projects in order): org units add wards (so do the questions on
// a group's figure, on a ward of their own), the page access matrix adds accounts; the catalogue adds
// terms, which become every page's default, so it runs last of all.
const AFTER_OTHERS = /(org-units|group-questions|page-access|catalogue|term-story)\.spec\.ts/;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]] : "list",
  use: {
    baseURL: BASE_URL,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "setup",
      testMatch: /auth\.setup\.ts/,
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] },
      },
    },
    {
      name: "chromium",
      dependencies: ["setup"],
      testIgnore: AFTER_OTHERS,
      use: CHROMIUM,
    },
    {
      // specs that add units which other specs would count (org units): listed last, so that with one
      // worker they run after every other spec (not a dependency on "chromium": that would run its
      // every test whenever one of these is run alone)
      name: "after-others",
      dependencies: ["setup"],
      testMatch: /(org-units|group-questions|page-access)\.spec\.ts/,
      use: CHROMIUM,
    },
    {
      // issue 12's whole story (term-story.spec.ts) creates the terms 2020–2025 and 2025–2030
      name: "catalogue",
      dependencies: ["setup"],
      testMatch: /(catalogue|term-story)\.spec\.ts/,
      use: CHROMIUM,
    },
  ],
  webServer: EXTERNAL_URL
    ? undefined
    : {
        command: "node scripts/start.mjs",
        url: `${BASE_URL}/api/health`,
        // embedded database on a fresh directory (an empty DATABASE_URL counts as unset)
        env: {
          PORT: String(PORT),
          DATA_DIR: dataDir,
          DATABASE_URL: "",
          SEED_DEMO: "1",
          PUBLIC_PORTAL: "0",
          DEMO_PASSWORD: process.env.DEMO_PASSWORD,
        },
        reuseExistingServer: false,
        // initdb + migrations + seed, and `next build` when .next is stale: minutes on 2 cores
        timeout: 10 * 60_000,
        stdout: "pipe",
        stderr: "pipe",
        gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
      },
});
