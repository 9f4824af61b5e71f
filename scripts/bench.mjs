#!/usr/bin/env node
// `npm run bench`: a repeatable performance snapshot of the production server.
//   node scripts/bench.mjs [--postgres] [--runs=50] [/path ...]
// 1. starts scripts/start.mjs (the same path as `npm start`) on a free port with a fresh temporary
//    DATA_DIR, timing "spawn → /api/health 200" and noting whether start.mjs ran `next build`;
// 2. per page: 5 warm-up GETs, then `--runs` sequential GETs (median, p95, body bytes);
// 3. per HTML page: one cold Chromium load (JS transferred, number of JS files, recharts or not);
// 4. RSS of start.mjs (which hosts PGlite) plus its descendants (next-server) at each stage;
// 5. prints a table and writes bench-results/latest.json. Exits non-zero only when the server does not start.
// Database: embedded PGlite by default; BENCH_DATABASE_URL=postgresql://… uses that server as is;
// --postgres creates a throwaway ctk_bench_<random> database (on BENCH_DATABASE_URL's server, else
// 127.0.0.1:5432) so the start is measured on an empty database, and drops it at the end.
import { spawn, execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { ROOT, quoteIdent, withClient, withDatabase } from "./lib/db-tools.mjs";

const DEFAULT_PAGES = [
  "/",
  "/ngoc-thuy",
  "/ngoc-thuy/chuong-trinh/03-CTr-QU",
  "/ngoc-thuy/chuong-trinh/01-CT-QU",
  "/ngoc-thuy/to-dan-pho",
  "/ngoc-thuy/to-dan-pho/22",
  "/so-sanh",
  "/api/v1/org-units/ngoc-thuy/values?term=2015-2020",
];
const WARMUP = 5;
const args = process.argv.slice(2);
const RUNS = Number(args.find((a) => a.startsWith("--runs="))?.slice(7) ?? 50);
const SIGN_INS = 20; // issue 4: sign-in time, median and p95 over 20
const PAGES = args.some((a) => a.startsWith("/")) ? args.filter((a) => a.startsWith("/")) : DEFAULT_PAGES;
const USE_THROWAWAY_PG = args.includes("--postgres");
// A marker that survives minification: recharts' own class-name string literals (every chart renders
// its `recharts-wrapper` div and `recharts-surface` svg). Checked against a Turbopack build of a page
// with a <LineChart>: both appear in its client chunk; the bare word "recharts" would also match
// unrelated text (e.g. a comment or a package name in a source map comment), so the class names are used.
const RECHARTS_MARKERS = ["recharts-wrapper", "recharts-surface"];
const OUT_DIR = path.join(ROOT, "bench-results");
const log = (m) => console.log(`[bench] ${m}`);
const benchStarted = performance.now();

// --- state for cleanup (also on Ctrl-C / errors) --------------------------------------------------
let server = null; // the start.mjs child
let browser = null;
let dataDir = null;
let throwawayDb = null; // { adminUrl, name } when --postgres created one

async function stopServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM"); // start.mjs stops Next.js first, then closes PGlite cleanly
  const timer = setTimeout(() => {
    log("start.mjs did not stop within 30 s: SIGKILL to it and its descendants");
    for (const pid of [...descendants(server.pid), server.pid])
      try {
        process.kill(pid, "SIGKILL");
      } catch {}
  }, 30_000);
  await exited;
  clearTimeout(timer);
}

let cleaning = null;
function cleanup() {
  cleaning ??= (async () => {
    await browser?.close().catch(() => {});
    await stopServer();
    if (throwawayDb) {
      await withClient(throwawayDb.adminUrl, (c) =>
        c.query(`DROP DATABASE IF EXISTS ${quoteIdent(throwawayDb.name)} WITH (FORCE)`),
      )
        .then(() => log(`dropped database ${throwawayDb.name}`))
        .catch((e) => log(`could not drop database ${throwawayDb.name}: ${e.message}`));
    }
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  })();
  return cleaning;
}
for (const [sig, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
]) {
  process.on(sig, () => {
    log(`${sig}: stopping the server...`);
    cleanup().finally(() => process.exit(code));
  });
}

// --- helpers --------------------------------------------------------------------------------------
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** PIDs of all descendants of `root`, from the ppid field of /proc/<pid>/stat (no `ps` needed). */
function descendants(root) {
  const parentOf = new Map();
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      parentOf.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1])); // comm may contain spaces
    } catch {} // the process ended meanwhile
  }
  const found = [];
  for (let frontier = [root]; frontier.length;) {
    const next = [...parentOf].filter(([, ppid]) => frontier.includes(ppid)).map(([pid]) => pid);
    found.push(...next);
    frontier = next;
  }
  return found;
}

/** Summed VmRSS and VmHWM (peak) in MiB of start.mjs (hosting PGlite) and its descendants (next-server). */
function memory() {
  const procs = [];
  for (const pid of [server.pid, ...descendants(server.pid)]) {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = (key) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, "m"))?.[1] ?? 0);
      // Name is "node" for start.mjs and "next-server (v1…" for Next (it sets process.title)
      procs.push({
        pid,
        name: status.match(/^Name:\s+(.*)$/m)[1],
        rssMiB: kb("VmRSS") / 1024,
        peakMiB: kb("VmHWM") / 1024,
      });
    } catch {}
  }
  const sum = (k) => +procs.reduce((s, p) => s + p[k], 0).toFixed(1);
  return {
    rssMiB: sum("rssMiB"),
    peakMiB: sum("peakMiB"),
    processes: procs.map((p) => ({ ...p, rssMiB: +p.rssMiB.toFixed(1), peakMiB: +p.peakMiB.toFixed(1) })),
  };
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
const ms = (v) => (v == null ? "" : `${v.toFixed(1)} ms`);
const kib = (v) => (v == null ? "" : `${(v / 1024).toFixed(1)} KiB`);

// --- 1. start the server ---------------------------------------------------------------------------
async function startServer(port) {
  const env = { ...process.env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL; // only BENCH_DATABASE_URL / --postgres select an external database
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ctk-bench-"));
  env.DATA_DIR = dataDir; // fresh, so the start includes PGlite's initdb, migrations and the seed
  // Pages need a session (PUBLIC_PORTAL is off by default): the demo seed's accounts get a known password.
  env.SEED_DEMO = "1";
  env.DEMO_PASSWORD = BENCH_PASSWORD;
  let dbLabel = "embedded PGlite";
  if (USE_THROWAWAY_PG) {
    const base = process.env.BENCH_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
    throwawayDb = {
      adminUrl: withDatabase(base, "postgres"),
      name: `ctk_bench_${crypto.randomBytes(4).toString("hex")}`,
    };
    env.DATABASE_URL = withDatabase(base, throwawayDb.name); // start.mjs creates it (ensureDatabase)
    dbLabel = `PostgreSQL ${new URL(base).host}/${throwawayDb.name} (throwaway)`;
  } else if (process.env.BENCH_DATABASE_URL) {
    env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
    dbLabel = `PostgreSQL ${new URL(env.DATABASE_URL).host}${new URL(env.DATABASE_URL).pathname} (as is: may be non-empty)`;
  }
  log(`starting scripts/start.mjs on port ${port}, ${dbLabel}, DATA_DIR=${dataDir}`);

  const t0 = performance.now();
  // Not through npm: start.mjs must be our direct child so SIGTERM reaches it and its PID roots the tree.
  server = spawn(process.execPath, [path.join(ROOT, "scripts/start.mjs")], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const startLog = fs.createWriteStream(path.join(OUT_DIR, "start.log"));
  const steps = []; // start.mjs's own "[start] …" lines with the time they arrived: the phase breakdown
  let buildRan = null;
  let pending = "";
  server.stdout.on("data", (chunk) => {
    startLog.write(chunk);
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop();
    for (const line of lines.filter((l) => l.startsWith("[start]"))) {
      const at = (performance.now() - t0) / 1000;
      steps.push({ at: +at.toFixed(2), line });
      console.log(`  ${at.toFixed(1).padStart(6)} s  ${line}`);
      // start.mjs says either "Build (next build) vì <reason>" or "Bản build .next còn mới: bỏ qua next build."
      if (/Build \(next build\) vì/.test(line)) buildRan = true;
      if (/bỏ qua next build/.test(line)) buildRan = false;
    }
  });
  server.stderr.on("data", (chunk) => startLog.write(chunk)); // build and Next output: in bench-results/start.log
  const exited = new Promise((r) => server.once("exit", (code) => r(code)));

  const health = `http://127.0.0.1:${port}/api/health`;
  const deadline = Date.now() + 15 * 60_000; // a build on 2 cores can take minutes
  while (Date.now() < deadline) {
    const res = await fetch(health, { signal: AbortSignal.timeout(3000) }).catch(() => null);
    if (res?.ok) return { ms: performance.now() - t0, buildRan, steps, database: dbLabel };
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r(undefined), 200))]);
    if (code !== undefined)
      throw new Error(`start.mjs exited (code ${code}) before ${health} answered 200; see bench-results/start.log`);
  }
  throw new Error(`${health} did not answer 200 within 15 minutes; see bench-results/start.log`);
}

// --- 2. HTTP timings -------------------------------------------------------------------------------
const BENCH_PASSWORD = `bench-${crypto.randomBytes(12).toString("hex")}`;
const BENCH_ACCOUNT = "demo.quan"; // district staff: reads every ward of Long Biên
let sessionCookie = "";

/** Signs in SIGN_INS times as district staff (argon2id verification included); keeps the last session. */
async function timeSignIns(base) {
  const times = [];
  for (let i = 0; i < SIGN_INS; i++) {
    const t = performance.now();
    const res = await fetch(`${base}/api/auth/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ identifier: BENCH_ACCOUNT, password: BENCH_PASSWORD, next: "/" }),
    });
    await res.arrayBuffer();
    times.push(performance.now() - t);
    if (res.status !== 303) throw new Error(`sign-in answered HTTP ${res.status}`);
    sessionCookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
  }
  times.sort((a, b) => a - b);
  return { runs: SIGN_INS, medianMs: +quantile(times, 0.5).toFixed(2), p95Ms: +quantile(times, 0.95).toFixed(2) };
}

async function timePage(base, page) {
  const get = async () => {
    const t = performance.now();
    const res = await fetch(base + page, { redirect: "manual", headers: { cookie: sessionCookie } });
    const body = new Uint8Array(await res.arrayBuffer()); // time to the full body, not just headers
    return { ms: performance.now() - t, res, bytes: body.byteLength };
  };
  const first = await get();
  // Pages still being written answer 404: reported as "missing", not as a failure.
  if (first.res.status === 404) return { page, status: "missing" };
  if (first.res.status !== 200) return { page, status: `HTTP ${first.res.status}` };
  const type = first.res.headers.get("content-type") ?? "";
  for (let i = 1; i < WARMUP; i++) await get();
  const times = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const r = await get(); // sequential on purpose: latency of one request, not throughput
    times.push(r.ms);
    bytes = r.bytes;
  }
  times.sort((a, b) => a - b);
  return {
    page,
    status: "ok",
    html: type.includes("text/html"),
    contentType: type.split(";")[0],
    runs: RUNS,
    medianMs: +quantile(times, 0.5).toFixed(2),
    p95Ms: +quantile(times, 0.95).toFixed(2),
    minMs: +times[0].toFixed(2),
    maxMs: +times.at(-1).toFixed(2),
    bodyBytes: bytes, // decoded body (fetch un-gzips)
  };
}

// --- 3. JavaScript shipped to the browser ----------------------------------------------------------
async function jsFor(base, page) {
  const context = await browser.newContext(); // new context = empty HTTP cache
  await context.addCookies(
    sessionCookie
      .split("; ")
      .filter(Boolean)
      .map((c) => ({ name: c.slice(0, c.indexOf("=")), value: c.slice(c.indexOf("=") + 1), url: base })),
  );
  try {
    const tab = await context.newPage();
    const scripts = [];
    tab.on("response", (r) => {
      if (r.request().resourceType() === "script") scripts.push(r);
    });
    await tab.goto(base + page, { waitUntil: "networkidle", timeout: 60_000 }); // includes lazily loaded chunks
    let transferred = 0,
      decoded = 0,
      recharts = false;
    for (const r of scripts) {
      // sizes(): bytes on the wire (gzip-encoded body + headers), what a user actually downloads
      const s = await r.request().sizes();
      transferred += s.responseBodySize + s.responseHeadersSize;
      const body = await r.body().catch(() => Buffer.alloc(0));
      decoded += body.length;
      if (RECHARTS_MARKERS.some((m) => body.includes(m))) recharts = true;
    }
    return { jsFiles: scripts.length, jsTransferredBytes: transferred, jsDecodedBytes: decoded, recharts };
  } finally {
    await context.close();
  }
}

// --- 4. Saving a full programme form (issue 5) -----------------------------------------------------
const SAVES = 20;
const ENTRY_PAGE = "/ngoc-thuy/nhap-lieu/2019/03-CTr-QU";

/** "1.691" → 1691, "115,5" → 115.5 (the form's Vietnamese format). */
const viNumber = (s) => Number(s.replace(/\./g, "").replace(",", "."));
const viFormat = (n) => (Number.isInteger(n) ? n.toLocaleString("de-DE") : String(n).replace(".", ","));

/**
 * The ward official fills every figure of programme 03 for a year and presses "Lưu nháp": the time
 * from the click to "Đã lưu nháp" (validation, server action, transaction, answer, re-render).
 * Saves alternate between the figures as loaded and the same figures doubled (sums stay under their
 * totals, so the cross-field rules hold); percentages and yes/no answers are left as they are.
 */
async function timeEntrySaves(base) {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    await tab.goto(`${base}/dang-nhap?next=${encodeURIComponent(ENTRY_PAGE)}`);
    await tab.getByLabel("Tên đăng nhập hoặc e-mail").fill("demo.phuong");
    await tab.getByLabel("Mật khẩu").fill(BENCH_PASSWORD);
    await tab.getByRole("button", { name: "Đăng nhập" }).click();
    await tab.waitForURL(`**${ENTRY_PAGE}`);
    const inputs = tab.locator('input[inputmode="decimal"]:not([disabled])');
    await inputs.first().waitFor();
    const fields = [];
    for (const input of await inputs.all()) {
      const label = (await input.getAttribute("aria-label")) ?? "";
      const value = await input.inputValue();
      if (label.includes("(%)") || value.trim() === "" || !(viNumber(value) > 0)) continue;
      fields.push({ input, a: value, b: viFormat(viNumber(value) * 2) });
    }
    const times = [];
    const unsaved = tab.getByTestId("unsaved-count");
    for (let i = 0; i < SAVES; i++) {
      for (const f of fields) await f.input.fill(i % 2 === 0 ? f.b : f.a);
      await unsaved.filter({ hasText: "đã sửa, chưa lưu" }).waitFor();
      const t = performance.now();
      await tab.getByRole("button", { name: "Lưu nháp" }).click();
      // saved: no unsaved change left, and the status says so (a refusal keeps the changes)
      await unsaved.filter({ hasText: "Không có thay đổi chưa lưu" }).waitFor({ timeout: 30_000 });
      times.push(performance.now() - t);
      const said = await tab.getByTestId("save-status").textContent();
      if (!said?.includes("Đã lưu nháp")) throw new Error(`save ${i + 1} answered: ${said}`);
    }
    times.sort((x, y) => x - y);
    return {
      page: ENTRY_PAGE,
      values: fields.length,
      runs: SAVES,
      medianMs: +quantile(times, 0.5).toFixed(2),
      p95Ms: +quantile(times, 0.95).toFixed(2),
    };
  } finally {
    await context.close();
  }
}

// --- main -----------------------------------------------------------------------------------------
async function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let startup;
  try {
    startup = await startServer(port);
  } catch (e) {
    log(`server failed to start: ${e.message}`);
    await cleanup();
    process.exit(1);
  }
  log(
    `healthy after ${(startup.ms / 1000).toFixed(1)} s (build ${startup.buildRan ? "ran" : "skipped: .next was fresh"})`,
  );
  const mem = { afterStartup: memory() };

  let signIn = null;
  try {
    signIn = await timeSignIns(base);
    log(`sign-in ×${signIn.runs}: median ${ms(signIn.medianMs)}, p95 ${ms(signIn.p95Ms)}`);
  } catch (e) {
    log(`sign-in failed (${e.message}): pages are measured without a session`);
  }

  const pages = [];
  for (const page of PAGES) {
    if (cleaning) return; // interrupted: cleanup() is stopping the server
    const r = await timePage(base, page).catch((e) => ({ page, status: `error: ${e.message}` }));
    log(`${page}: ${r.status === "ok" ? `median ${ms(r.medianMs)}, p95 ${ms(r.p95Ms)}` : r.status}`);
    pages.push(r);
  }
  mem.afterRequests = memory();

  let browserError = null;
  let entrySaves = null;
  try {
    const { chromium } = await import("@playwright/test");
    browser = await chromium.launch({
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
    });
    for (const r of pages.filter((p) => p.html)) {
      if (cleaning) return;
      Object.assign(r, await jsFor(base, r.page).catch((e) => ({ jsError: e.message })));
    }
    if (cleaning) return;
    entrySaves = await timeEntrySaves(base).catch((e) => ({ error: e.message }));
    log(
      entrySaves.error
        ? `entry saves failed: ${entrySaves.error}`
        : `full-form save ×${entrySaves.runs} (${entrySaves.values} values): median ${ms(entrySaves.medianMs)}, p95 ${ms(entrySaves.p95Ms)}`,
    );
  } catch (e) {
    browserError = e.message; // the HTTP figures stay useful without a browser
    log(`browser measurements skipped: ${e.message}`);
  }
  mem.afterBrowser = memory();

  // --- report ---
  const rows = pages.map((r) => [
    r.page,
    r.status === "ok" ? "" : r.status,
    ms(r.medianMs),
    ms(r.p95Ms),
    kib(r.bodyBytes),
    r.jsError ? "error" : kib(r.jsTransferredBytes),
    r.jsFiles ?? "",
    r.recharts == null ? "" : r.recharts ? "yes" : "no",
  ]);
  const head = ["page", "status", "median", "p95", "body", "JS (wire)", "JS files", "recharts"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join("  ");
  console.log(
    `\nStart to healthy: ${(startup.ms / 1000).toFixed(1)} s on an empty ${startup.database}; next build ${startup.buildRan ? "RAN (included in the figure)" : "skipped (.next was fresh)"}`,
  );
  console.log(
    `HTTP: ${WARMUP} warm-up + ${RUNS} sequential GETs per page, time to full body; JS: one cold Chromium load\n`,
  );
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  rows.forEach((r) => console.log(line(r)));
  if (signIn)
    console.log(
      `\nSign-in (${BENCH_ACCOUNT}, ${signIn.runs} sequential POST /api/auth/sign-in): median ${ms(signIn.medianMs)}, p95 ${ms(signIn.p95Ms)}`,
    );
  if (entrySaves && !entrySaves.error)
    console.log(
      `\nSaving the full programme 03 form (${ENTRY_PAGE}, ${entrySaves.values} changed values, click → "Đã lưu nháp" in Chromium, ${entrySaves.runs} saves): median ${ms(entrySaves.medianMs)}, p95 ${ms(entrySaves.p95Ms)}`,
    );
  console.log(
    `\nRSS (start.mjs${throwawayDb || process.env.BENCH_DATABASE_URL ? "" : " hosting PGlite"} + next-server): after startup ${mem.afterStartup.rssMiB} MiB, after HTTP runs ${mem.afterRequests.rssMiB} MiB, after browser loads ${mem.afterBrowser.rssMiB} MiB (sum of per-process peaks ${mem.afterBrowser.peakMiB} MiB)`,
  );

  const git = (...a) => {
    try {
      return execFileSync("git", a, { cwd: ROOT, encoding: "utf8" }).trim();
    } catch {
      return null;
    }
  };
  const result = {
    signIn,
    date: new Date().toISOString(),
    git: { commit: git("rev-parse", "HEAD"), dirty: Boolean(git("status", "--porcelain")) },
    machine: { node: process.version, cpus: os.cpus().length, totalMemMiB: Math.round(os.totalmem() / 2 ** 20) },
    settings: { warmup: WARMUP, runs: RUNS, rechartsMarkers: RECHARTS_MARKERS },
    startup: {
      toHealthyMs: Math.round(startup.ms),
      buildRan: startup.buildRan,
      database: startup.database,
      steps: startup.steps,
    },
    pages,
    entrySaves,
    memory: mem,
    browserError,
    benchDurationS: +((performance.now() - benchStarted) / 1000).toFixed(1),
  };
  await cleanup();
  result.benchDurationS = +((performance.now() - benchStarted) / 1000).toFixed(1);
  fs.writeFileSync(path.join(OUT_DIR, "latest.json"), JSON.stringify(result, null, 2) + "\n");
  log(`wrote bench-results/latest.json; whole bench took ${result.benchDurationS} s`);
}

main().catch(async (e) => {
  log(`unexpected error: ${e.stack ?? e}`);
  await cleanup();
  process.exit(1); // a bug in the bench itself (measurement errors are caught and reported per page)
});
