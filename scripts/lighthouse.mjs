#!/usr/bin/env node
// `npm run lighthouse`: Lighthouse (mobile preset: simulated slow 4G and 4× CPU slowdown) on the pages
// people use, signed in as the role that uses each one. A measurement, not a test: never run by `npm test`.
//   npm run lighthouse                                  # starts the built app on a fresh embedded database
//   npm run lighthouse -- --url http://127.0.0.1:3000   # a running server (DEMO_PASSWORD of its demo accounts)
//   npm run lighthouse -- --json bench-results/lighthouse.json --only /so-sanh,/dang-nhap --details
//   npm run lighthouse -- --only "programme 03" --reports /tmp/lh   # each page's full report (JSON) to study
//   npm run lighthouse -- --runs 5 --only "sign-in,programme 03,/so-sanh"   # 5 rounds, then each page's median
// With --runs N every page is measured N times, in rounds over all the pages (so that the machine's drift
// falls on every page alike), and the median of each page's runs is printed and written.
// Prints the performance and accessibility scores per page (and, with --details or when accessibility is
// below 100, each failing accessibility audit with the first elements it names); --json FILE writes them.
// The browser is Debian's /usr/bin/chromium (CHROME_PATH to change), launched headless with background
// networking off: nothing is downloaded.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { ROOT } from "./lib/db-tools.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  return eq ? eq.slice(name.length + 3) : fallback;
};
const EXTERNAL = option("url");
const JSON_FILE = option("json");
const ONLY = option("only")?.split(",");
const DETAILS = args.includes("--details");
const REPORTS = option("reports");
// Scores spread by 10–20 points between runs on a shared 2-core machine: judge a page by its median
const RUNS = Math.max(1, Number(option("runs", 1)) || 1);
const CHROME = process.env.CHROME_PATH || "/usr/bin/chromium";
const PASSWORD = EXTERNAL ? process.env.DEMO_PASSWORD : `lighthouse-${crypto.randomBytes(12).toString("hex")}`;
const log = (m) => console.log(`[lighthouse] ${m}`);

// Each page with the account that uses it (README "Accounts"): null = signed out.
const PAGES = [
  { name: "sign-in", path: "/dang-nhap", account: null },
  { name: "home", path: "/", account: "demo.quan" },
  { name: "ward overview", path: "/ngoc-thuy", account: "demo.quan" },
  { name: "programme 01", path: "/ngoc-thuy/chuong-trinh/01-CT-QU", account: "demo.quan" },
  { name: "programme 02", path: "/ngoc-thuy/chuong-trinh/02-CTr-QU", account: "demo.quan" },
  { name: "programme 03", path: "/ngoc-thuy/chuong-trinh/03-CTr-QU", account: "demo.quan" },
  { name: "compare", path: "/so-sanh", account: "demo.quan" },
  { name: "compare ward", path: "/so-sanh/phuong?ward=ngoc-thuy", account: "demo.quan" },
  { name: "progress", path: "/tien-do", account: "demo.quan" },
  { name: "entry", path: "/ngoc-thuy/nhap-lieu/2020/03-CTr-QU", account: "demo.phuong" },
  { name: "review", path: "/ngoc-thuy/nhap-lieu/2020/03-CTr-QU", account: "demo.danguy" },
  { name: "brief", path: "/ngoc-thuy/ban-tom-tat", account: "demo.quan" },
].filter((p) => !ONLY || ONLY.includes(p.path) || ONLY.includes(p.name));

let server = null;
let dataDir = null;
let chrome = null;

async function cleanup() {
  try {
    chrome?.kill(); // chrome-launcher 1.2: synchronous
  } catch {
    // already gone
  }
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((r) => server.once("exit", r));
    server.kill("SIGTERM"); // start.mjs stops Next.js, then closes the embedded database
    await exited;
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => cleanup().finally(() => process.exit(130)));

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** `npm start` on a fresh embedded database with the demo data; resolves with the base URL once healthy. */
async function startServer() {
  const port = Number(option("port", 0)) || (await freePort());
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ctk-lighthouse-"));
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, SEED_DEMO: "1", PUBLIC_PORTAL: "0" };
  Object.assign(env, { DEMO_PASSWORD: PASSWORD, NEXT_TELEMETRY_DISABLED: "1" });
  delete env.DATABASE_URL;
  log(`starting scripts/start.mjs on port ${port} (embedded database in ${dataDir}; build when stale)`);
  server = spawn(process.execPath, [path.join(ROOT, "scripts/start.mjs")], { cwd: ROOT, env, stdio: "pipe" });
  const startLog = path.join(dataDir, "start.log");
  const out = fs.createWriteStream(startLog);
  server.stdout.pipe(out);
  server.stderr.pipe(out);
  const exited = new Promise((r) => server.once("exit", r));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15 * 60_000; // a build on 2 busy cores takes minutes
  while (Date.now() < deadline) {
    const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(3000) }).catch(() => null);
    if (res?.ok) return base;
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r(undefined), 300))]);
    if (code !== undefined) throw new Error(`start.mjs exited (code ${code}); see ${startLog}`);
  }
  throw new Error(`${base}/api/health did not answer within 15 minutes; see ${startLog}`);
}

/** The session cookie of `account` (the sign-in form's own endpoint). */
async function signIn(base, account) {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ identifier: account, password: PASSWORD, next: "/" }),
  });
  await res.arrayBuffer();
  if (res.status !== 303) throw new Error(`sign-in as ${account} answered HTTP ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** The failing accessibility audits of a report: id, title and the first elements each names. */
function accessibilityFindings(lhr) {
  return lhr.categories.accessibility.auditRefs
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative")
    .map((a) => ({
      id: a.id,
      title: a.title,
      nodes: (a.details?.items ?? []).slice(0, 5).map((i) => ({
        selector: i.node?.selector,
        snippet: i.node?.snippet,
        explanation: i.node?.explanation,
      })),
    }));
}

/** Where the page's time goes (with --details): main-thread work by kind, the costliest scripts, long tasks. */
function whereTimeGoes(lhr) {
  const a = lhr.audits;
  const items = (id) => a[id]?.details?.items ?? [];
  const ms = (v) => Math.round(v ?? 0);
  const short = (u) => (typeof u === "string" ? u.replace(/^https?:\/\/[^/]+/, "") : String(u));
  const scripts = items("network-requests").filter((r) => r.resourceType === "Script");
  return {
    fcpMs: ms(a["first-contentful-paint"]?.numericValue),
    speedIndexMs: ms(a["speed-index"]?.numericValue),
    mainThreadMs: ms(a["mainthread-work-breakdown"]?.numericValue),
    requests: items("network-requests").length,
    transferKiB: ms(a["total-byte-weight"]?.numericValue / 1024),
    scriptKiB: ms(scripts.reduce((s, r) => s + (r.transferSize ?? 0), 0) / 1024),
    mainThread: items("mainthread-work-breakdown")
      .slice(0, 6)
      .map((i) => ({ group: i.groupLabel ?? i.group, ms: ms(i.duration) })),
    scripts: items("bootup-time")
      .slice(0, 6)
      .map((i) => ({ url: short(i.url), ms: ms(i.total), scriptingMs: ms(i.scripting) })),
    longTasks: items("long-tasks")
      .slice(0, 8)
      .map((t) => ({ url: short(t.url), startMs: ms(t.startTime), ms: ms(t.duration) })),
  };
}

/** One run's line (and with --details, where the main thread's time went). */
function printRun(result, d) {
  console.log(
    `${result.name.padEnd(14)} ${result.path.padEnd(38)} performance ${String(result.performance).padStart(3)}  accessibility ${String(result.accessibility).padStart(3)}  (LCP ${Math.round(result.lcpMs)} ms, TBT ${Math.round(result.tbtMs)} ms, benchmark index ${Math.round(result.benchmarkIndex ?? 0)})`,
  );
  if (DETAILS) {
    console.log(
      `    load average ${os.loadavg()[0].toFixed(1)}; FCP ${d.fcpMs} ms, speed index ${d.speedIndexMs} ms, main thread ${d.mainThreadMs} ms, JS ${d.scriptKiB} KiB (${d.requests} requests, ${d.transferKiB} KiB)`,
    );
    console.log(`    main thread: ${d.mainThread.map((m) => `${m.group} ${m.ms} ms`).join(", ")}`);
    for (const s of d.scripts) console.log(`    script ${s.url}: ${s.ms} ms (${s.scriptingMs} ms running)`);
    for (const t of d.longTasks) console.log(`    long task ${t.startMs}+${t.ms} ms ${t.url}`);
  }
  if (DETAILS || result.accessibility < 100)
    for (const f of result.findings) {
      console.log(`    ✗ ${f.id}: ${f.title}`);
      for (const n of f.nodes) console.log(`        ${n.selector}  ${n.snippet?.slice(0, 140) ?? ""}`);
    }
}

/** One Lighthouse run of one page, printed as it ends. */
async function measure({ base, page, cookies, round }) {
  const url = base + page.path;
  const extraHeaders = page.account ? { Cookie: cookies[page.account] } : undefined;
  // one warm-up load, so that the first page's score does not include compiling the route's server code
  await fetch(url, { headers: extraHeaders ?? {} }).then((r) => r.arrayBuffer());
  const audit = () =>
    lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"],
      extraHeaders,
      locale: "en",
    }).then((run) => run.lhr);
  let lhr = await audit();
  // on a busy machine the trace is sometimes lost (NO_NAVSTART, NO_FCP): one more try
  if (lhr.runtimeError) {
    log(`${page.path}: ${lhr.runtimeError.code}; trying again`);
    lhr = await audit();
    if (lhr.runtimeError) log(`${page.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  }
  if (REPORTS) {
    fs.mkdirSync(REPORTS, { recursive: true });
    fs.writeFileSync(
      path.join(REPORTS, `${page.name.replace(/\W+/g, "-")}${RUNS > 1 ? `-${round}` : ""}.json`),
      JSON.stringify(lhr),
    );
  }
  const score = (c) => (lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100));
  const findings = accessibilityFindings(lhr);
  const metric = (id) => lhr.audits[id]?.numericValue ?? null;
  const performanceDetails = whereTimeGoes(lhr);
  const result = {
    name: page.name,
    path: page.path,
    account: page.account,
    performance: score("performance"),
    accessibility: score("accessibility"),
    lcpMs: metric("largest-contentful-paint"),
    tbtMs: metric("total-blocking-time"),
    cls: metric("cumulative-layout-shift"),
    loadAverage: os.loadavg()[0],
    // Lighthouse's own measure of how fast this machine ran just before the page (higher is faster): on a
    // shared machine it falls with the other work, and the page's simulated times rise with it
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
    findings,
    ...(DETAILS ? { performanceDetails } : {}),
  };
  printRun(result, performanceDetails);
  return result;
}

const median = (values) => {
  const v = values.filter((x) => x != null).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

/** A page's result: its one run, or with several the median of each figure and every run kept. */
function summarise(page, runs) {
  if (runs.length === 1) return runs[0];
  const of = (key) => median(runs.map((r) => r[key]));
  return {
    name: page.name,
    path: page.path,
    account: page.account,
    performance: of("performance"),
    accessibility: Math.min(...runs.map((r) => r.accessibility ?? 0)),
    lcpMs: of("lcpMs"),
    tbtMs: of("tbtMs"),
    cls: of("cls"),
    benchmarkIndex: of("benchmarkIndex"),
    findings: runs.flatMap((r) => r.findings).filter((f, i, all) => all.findIndex((g) => g.id === f.id) === i),
    runs,
  };
}

async function main() {
  if (EXTERNAL && !PASSWORD) throw new Error("--url: set DEMO_PASSWORD to the demo accounts' password");
  const base = EXTERNAL ? EXTERNAL.replace(/\/$/, "") : await startServer();
  const cookies = {};
  for (const account of new Set(PAGES.map((p) => p.account).filter(Boolean)))
    cookies[account] = await signIn(base, account);

  chrome = await chromeLauncher.launch({
    chromePath: CHROME,
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-default-apps",
      "--disable-extensions",
      "--disable-quic",
      "--no-first-run",
    ],
  });
  const runsByPage = new Map(PAGES.map((p) => [p, []]));
  for (let round = 1; round <= RUNS; round++) {
    if (RUNS > 1) log(`round ${round} of ${RUNS}`);
    for (const page of PAGES) runsByPage.get(page).push(await measure({ base, page, cookies, round }));
  }
  const results = PAGES.map((page) => summarise(page, runsByPage.get(page)));
  if (RUNS > 1) {
    log(`median of ${RUNS} runs per page`);
    for (const r of results)
      console.log(
        `${r.name.padEnd(14)} performance ${String(r.performance).padStart(3)} (runs ${r.runs.map((x) => x.performance).join(", ")})  accessibility ${r.accessibility}  (LCP ${Math.round(r.lcpMs)} ms, TBT ${Math.round(r.tbtMs)} ms)`,
      );
  }
  if (JSON_FILE) {
    fs.mkdirSync(path.dirname(path.resolve(JSON_FILE)), { recursive: true });
    const out = {
      at: new Date().toISOString(),
      lighthouse: lighthouseVersion(),
      base,
      preset: "mobile",
      runs: RUNS,
      results,
    };
    fs.writeFileSync(JSON_FILE, JSON.stringify(out, null, 2) + "\n");
    log(`wrote ${JSON_FILE}`);
  }
}

function lighthouseVersion() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/lighthouse/package.json"), "utf8")).version;
}

main()
  .then(cleanup)
  .catch(async (e) => {
    console.error(`[lighthouse] ${e?.stack ?? e}`);
    await cleanup();
    process.exit(1);
  });
