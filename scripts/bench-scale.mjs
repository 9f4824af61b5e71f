#!/usr/bin/env node
// `npm run bench:scale`: every page at city and national scale (issue 11).
//   npm run bench:scale -- [--sizes 126,1000,3321] [--json FILE] [--runs 20] [--budget 40] [--duration 10]
//   npm run bench:scale -- --pages "values API,/so-sanh/phuong"   (only the pages whose name contains one of these)
//   npm run bench:scale -- --report FILE   (the README's table of an earlier run's JSON)
//   npm run bench:scale -- --sizes 3321 --jobs --pages "values API"   (and the heaviest jobs: scripts/lib/bench-jobs.mjs)
// 1. creates a throwaway database ctk_scale_<random> on DATABASE_URL's server (else 127.0.0.1:5432)
//    and its own app role, and starts scripts/start.mjs on it (migrations, the seed with its demo
//    data, `next build` when stale, the production server);
// 2. for each size (ascending), grows Long Biên to that many wards with synthetic wards made in SQL
//    (generate_series, seconds): "Phường Minh họa N" (slug minh-hoa-N), 40 residential groups under
//    every tenth one, every ward-level indicator of the term for every year and the term, all from one
//    source of kind DEMO ("Dữ liệu minh họa – bench:scale"), so the app labels them as demo data;
//    and the worst case of a comparison, a second parent "Quận Minh họa (chỉ số liệu năm)" (slug
//    minh-hoa-nam) with as many wards that have yearly figures only (no term row: the term figure is
//    computed from the years), read by demo.quantri given a district staff grant on it; Long Biên's
//    due date of every year of the term, passed;
// 3. per page: warm-up, two captures of the statements the server runs for one GET (BENCH_SQL_LOG,
//    switched on and off by SIGUSR2; scripts/lib/sql-capture.mjs) with nothing kept by the server
//    (its versions moved on first: all the SQL the page needs to build what it shows), compared, and
//    one warm capture (warmStatements: what a request sends when nothing changed); then up to --runs
//    sequential GETs (fewer when a page is slow: at most --budget seconds a page, at least 5), each
//    followed by the replay of the captured statements (same text, parameters and order, as the app's
//    role) and by the hand-written data statements below (as the table owner), alternating so that all
//    see the same load: median and p95 of the page, median of each SQL (sqlMedian, dataSqlMedian),
//    the ratios, statements, HTML and gzip bytes;
// 4. throughput at 10 connections (autocannon, --duration seconds) of the values API and /so-sanh;
// 5. the server's resident memory (start.mjs + next-server, sampled every 500 ms): peak per size;
// 6. with --jobs, per size: the heaviest requests (whole-city CSVs, entry workbook, documents, the
//    import of a file at the limits) against the same server and its heap limit (scripts/lib/bench-jobs.mjs).
// Prints a table per size and writes the JSON (--json FILE, default bench-results/scale.json).
// Ngọc Thụy's own data never changes: the one-ward pages should not slow down as the city grows.
import { spawn, execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import zlib from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { ROOT, quoteIdent, withClient, withDatabase } from "./lib/db-tools.mjs";
import { runJobs } from "./lib/bench-jobs.mjs";
import { capturedWindow, compareCaptures, statementKind, statementLabel } from "./lib/sql-capture.mjs";

// --- arguments ------------------------------------------------------------------------------------
const argv = process.argv.slice(2);
function option(name, fallback) {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return fallback;
  return argv[i].includes("=") ? argv[i].slice(argv[i].indexOf("=") + 1) : argv[i + 1];
}
const SIZES = String(option("sizes", "126,1000,3321"))
  .split(",")
  .map(Number)
  .sort((a, b) => a - b);
if (SIZES.some((n) => !Number.isInteger(n) || n < 14 || n > 20000)) {
  console.error("--sizes: số phường từ 14 (Long Biên hiện có) đến 20000, cách nhau bằng dấu phẩy, ví dụ 126,1000,3321");
  process.exit(2);
}
const JSON_FILE = path.resolve(option("json", path.join(ROOT, "bench-results/scale.json")));
const RUNS = Number(option("runs", 20));
const BUDGET_MS = Number(option("budget", 40)) * 1000;
const DURATION_S = Number(option("duration", 10));
const PAGE_FILTER = option("pages", "")
  .split(",")
  .map((s) => s.trim().toLowerCase())
  .filter(Boolean);
const JOBS = argv.includes("--jobs");
const WARMUP = 2;
const MIN_RUNS = 5;
const TERM = "2015-2020";
const WARD = "ngoc-thuy";
const PARENT = "long-bien";
const PROGRAMME = "03-CTr-QU";
const YEAR = 2019;
const ACCOUNT = "demo.quan"; // district staff: reads every ward of Long Biên, the synthetic ones too
const YEARS_PARENT = "minh-hoa-nam"; // the second parent: wards with yearly figures only
const YEARS_ACCOUNT = "demo.quantri"; // given district staff on it (demo.quan's inbox stays as it was)
const WARD_ACCOUNT = "demo.phuong"; // Ngọc Thụy's official: the import of --jobs
const PASSWORD = `scale-${crypto.randomBytes(12).toString("hex")}`;
const log = (m) => console.log(`[bench:scale] ${m}`);

// --- cleanup ----------------------------------------------------------------------------------------
let server = null;
let dataDir = null;
let owner = null; // pg client as the tables' owner
let app = null; // pg client as the app's own role: replays the statements the server ran
let sqlLog = null; // BENCH_SQL_LOG: the file the server appends its statements to while capture is on
let throwaway = null; // { adminUrl, name, role }
let cleaning = null;
const heapErrors = []; // the server's "heap out of memory" (stderr), if it ever says so

function cleanup() {
  cleaning ??= (async () => {
    await owner?.end().catch(() => {});
    await app?.end().catch(() => {});
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server.once("exit", r));
      server.kill("SIGTERM");
      const timer = setTimeout(() => {
        for (const pid of [...descendants(server.pid), server.pid])
          try {
            process.kill(pid, "SIGKILL");
          } catch {}
      }, 30_000);
      await exited;
      clearTimeout(timer);
    }
    if (throwaway) {
      await withClient(throwaway.adminUrl, async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(throwaway.name)} WITH (FORCE)`);
        await c.query(`DROP ROLE IF EXISTS ${quoteIdent(throwaway.role)}`);
      })
        .then(() => log(`dropped database ${throwaway.name} and role ${throwaway.role}`))
        .catch((e) => log(`could not drop ${throwaway.name}/${throwaway.role}: ${e.message}`));
    }
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  })();
  return cleaning;
}
for (const [sig, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
])
  process.on(sig, () => cleanup().finally(() => process.exit(code)));

// --- process helpers ------------------------------------------------------------------------------
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function descendants(root) {
  const parentOf = new Map();
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      parentOf.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {}
  }
  const found = [];
  for (let frontier = [root]; frontier.length;) {
    const next = [...parentOf].filter(([, ppid]) => frontier.includes(ppid)).map(([pid]) => pid);
    found.push(...next);
    frontier = next;
  }
  return found;
}

/** Resident memory (MiB) of start.mjs and its descendants (next-server): the app's whole footprint. */
let pids = null;
let pidsAt = 0;
function rssMiB() {
  // the process tree is walked every 10 s only: reading all of /proc at each sample would load the machine
  if (!pids || Date.now() - pidsAt > 10_000) {
    pids = [server.pid, ...descendants(server.pid)];
    pidsAt = Date.now();
  }
  let kb = 0;
  for (const pid of pids) {
    try {
      kb += Number(fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m)?.[1] ?? 0);
    } catch {}
  }
  return kb / 1024;
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
const round = (v, d = 1) => (v == null ? null : +v.toFixed(d));

// --- 1. database and server -----------------------------------------------------------------------
async function start(port) {
  const base = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  const suffix = crypto.randomBytes(4).toString("hex");
  throwaway = {
    adminUrl: withDatabase(base, "postgres"),
    name: `ctk_scale_${suffix}`,
    role: `ctk_scale_app_${suffix}`,
  };
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ctk-scale-"));
  const env = {
    ...process.env,
    PORT: String(port),
    NEXT_TELEMETRY_DISABLED: "1",
    DATA_DIR: dataDir,
    DATABASE_URL: withDatabase(base, throwaway.name), // start.mjs creates, migrates and seeds it
    APP_DB_ROLE: throwaway.role, // its own role: never resets the password of another deployment's
    SEED_DEMO: "1",
    DEMO_PASSWORD: PASSWORD,
    PUBLIC_PORTAL: "0",
    // the statements the server runs, recorded only while the bench switches capture on (SIGUSR2)
    BENCH_SQL_LOG: (sqlLog = path.join(dataDir, "sql.jsonl")),
  };
  delete env.APP_DATABASE_URL;
  log(`starting scripts/start.mjs on port ${port}, database ${new URL(base).host}/${throwaway.name} (throwaway)`);
  const t0 = performance.now();
  server = spawn(process.execPath, [path.join(ROOT, "scripts/start.mjs")], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  fs.mkdirSync(path.dirname(JSON_FILE), { recursive: true });
  const startLog = fs.createWriteStream(path.join(os.tmpdir(), `ctk-scale-start-${suffix}.log`));
  server.stdout.on("data", (c) => {
    startLog.write(c);
    for (const line of String(c)
      .split("\n")
      .filter((l) => l.startsWith("[start]")))
      console.log(`  ${line}`);
  });
  server.stderr.on("data", (c) => {
    startLog.write(c);
    if (/heap out of memory|JavaScript heap|FATAL ERROR/i.test(String(c)))
      heapErrors.push(String(c).trim().slice(0, 300));
  });
  const exited = new Promise((r) => server.once("exit", r));
  const health = `http://127.0.0.1:${port}/api/health`;
  const deadline = Date.now() + 20 * 60_000; // a build on 2 busy cores can take minutes
  while (Date.now() < deadline) {
    const res = await fetch(health, { signal: AbortSignal.timeout(3000) }).catch(() => null);
    if (res?.ok) {
      // the app's role and the password start.mjs generated for it (scripts/lib/app-role.mjs)
      const appUrl = new URL(env.DATABASE_URL);
      appUrl.username = encodeURIComponent(throwaway.role);
      appUrl.password = encodeURIComponent(fs.readFileSync(path.join(dataDir, "app-db-password"), "utf8").trim());
      return { ms: performance.now() - t0, ownerUrl: env.DATABASE_URL, appUrl: appUrl.toString() };
    }
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r(undefined), 300))]);
    if (code !== undefined) throw new Error(`start.mjs exited (code ${code}); see ${startLog.path}`);
  }
  throw new Error(`${health} did not answer within 20 minutes; see ${startLog.path}`);
}

async function signIn(base, account = ACCOUNT) {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ identifier: account, password: PASSWORD, next: "/" }),
  });
  await res.arrayBuffer();
  if (res.status !== 303) throw new Error(`sign-in answered HTTP ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

// --- 2. the synthetic city ------------------------------------------------------------------------
/** Ids the pages and their SQL are about. */
async function facts() {
  const one = async (sql, params = []) => (await owner.query(sql, params)).rows[0];
  const term = await one(`SELECT id FROM term WHERE slug = $1`, [TERM]);
  const ward = await one(`SELECT id, parent_id, path FROM org_unit WHERE slug = $1`, [WARD]);
  const programme = await one(`SELECT id FROM programme WHERE slug = $1 AND term_id = $2`, [PROGRAMME, term.id]);
  // the compared indicator: a ward-level count of programme 03 summed over the term
  const indicator = await one(
    `SELECT id, code FROM indicator WHERE programme_id = $1 AND collection_level = 'WARD' AND parent_id IS NULL
       AND value_type = 'COUNT' AND aggregation = 'SUM' ORDER BY sort_order, id LIMIT 1`,
    [programme.id],
  );
  const termPeriod = await one(`SELECT id FROM period WHERE term_id = $1 AND kind = 'TERM'`, [term.id]);
  const yearPeriod = await one(`SELECT id FROM period WHERE term_id = $1 AND kind = 'YEAR' AND year = $2`, [
    term.id,
    YEAR,
  ]);
  // the home page's "Tình hình số liệu năm …": the latest term's year nearest today (its last, here)
  const standing = await one(
    `SELECT p.id, p.year, p.term_id FROM period p JOIN term t ON t.id = p.term_id
      WHERE p.kind = 'YEAR' ORDER BY t.start_year DESC, p.year DESC LIMIT 1`,
  );
  // the second parent, under the same city, and demo.quantri's grant on it (made once)
  const city = await one(`SELECT parent_id FROM org_unit WHERE id = $1`, [ward.parent_id]);
  await owner.query(
    `INSERT INTO org_unit (slug, name, short_name, level, parent_id, sort_order, valid_from, updated_at)
     VALUES ($1, 'Quận Minh họa (chỉ số liệu năm)', 'Minh họa (năm)', 'DISTRICT', $2, 1000, DATE '2015-01-01', now())
     ON CONFLICT (slug) DO NOTHING`,
    [YEARS_PARENT, city.parent_id],
  );
  const yearsParent = await one(`SELECT id FROM org_unit WHERE slug = $1`, [YEARS_PARENT]);
  // Long Biên's due dates of every year of the term, passed (as its staff set them in service): the
  // progress pages and demo.quan's inbox ("late wards", on every page's header) count against them
  await owner.query(
    `INSERT INTO deadline (district_id, period_id, due_on, set_by_id, updated_at)
     SELECT $1, p.id, make_date(p.year + 1, 3, 31), 'bench:scale', now() FROM period p
      WHERE p.term_id = $2 AND p.kind = 'YEAR'
     ON CONFLICT (district_id, period_id) DO NOTHING`,
    [ward.parent_id, term.id],
  );
  // a programme applies only at or below its issuer (issue 12): the term's programmes are issued by the
  // city here, so that the second parent's wards follow them as Long Biên's do
  await owner.query(`UPDATE programme SET issuer_id = $1 WHERE term_id = $2 AND issuer_id <> $1`, [
    city.parent_id,
    term.id,
  ]);
  await owner.query(
    `INSERT INTO role_assignment (user_id, role, org_unit_id)
     SELECT id, 'DISTRICT_STAFF', $2 FROM app_user WHERE username = $1 ON CONFLICT DO NOTHING`,
    [YEARS_ACCOUNT, yearsParent.id],
  );
  return {
    yearsParent: yearsParent.id,
    term: term.id,
    ward: ward.id,
    parent: ward.parent_id,
    roots: [ward.parent_id],
    programme: programme.id,
    indicator,
    termPeriod: termPeriod.id,
    yearPeriod: yearPeriod.id,
    standing,
  };
}

/** Grows the parent to `size` wards; returns the number of rows added and the seconds it took. */
async function grow(size, f) {
  const t0 = performance.now();
  const { rows } = await owner.query(
    `SELECT count(*)::int AS wards, count(*) FILTER (WHERE slug LIKE 'minh-hoa-%')::int AS synthetic
       FROM org_unit WHERE parent_id = $1 AND level = 'WARD'`,
    [f.parent],
  );
  const from = rows[0].synthetic + 1;
  const to = rows[0].synthetic + (size - rows[0].wards);
  if (to < from) return { added: 0, seconds: 0, results: 0 };
  await owner.query("BEGIN");
  const source = await owner.query(
    `INSERT INTO source (key, kind, title, note) VALUES ('demo:bench-scale', 'DEMO', 'Dữ liệu minh họa – bench:scale',
       'Phường, tổ dân phố và số liệu tổng hợp để đo tốc độ (npm run bench:scale); không phải số liệu thật.')
     ON CONFLICT (key) DO UPDATE SET title = EXCLUDED.title RETURNING id`,
  );
  const wards = await owner.query(
    `INSERT INTO org_unit (slug, name, short_name, level, parent_id, sort_order, valid_from, population, households, updated_at)
     SELECT format('minh-hoa-%s', g), format('Phường Minh họa %s', g), format('Minh họa %s', g), 'WARD', $1, 1000 + g,
            DATE '2015-01-01', 8000 + (g * 7919) % 30000, 2000 + (g * 3571) % 8000, now()
       FROM generate_series($2::int, $3::int) g
     RETURNING id, substring(slug FROM 10)::int AS n`,
    [f.parent, from, to],
  );
  await owner.query(
    `INSERT INTO org_unit (slug, name, short_name, level, parent_id, sort_order, valid_from, updated_at)
     SELECT format('minh-hoa-%s-to-%s', w.n, t), format('Tổ dân phố %s', t), format('Tổ %s', t), 'RESIDENTIAL_GROUP',
            w.id, t, DATE '2015-01-01', now()
       FROM unnest($1::int[], $2::int[]) AS w(id, n), generate_series(1, 40) t
      WHERE w.n % 10 = 0`,
    [wards.rows.map((w) => w.id), wards.rows.map((w) => w.n)],
  );
  const results = await owner.query(
    `INSERT INTO result (indicator_id, org_unit_id, period_id, value, source_id, recorded_by)
     SELECT i.id, w.id, p.id,
            CASE i.value_type
              WHEN 'PERCENT' THEN round((random() * 100)::numeric, 1)
              WHEN 'BOOLEAN' THEN (random() < 0.7)::int
              WHEN 'MONEY' THEN round((random() * 2e9)::numeric, -3)
              WHEN 'DECIMAL' THEN round((random() * 5000)::numeric, 2)
              ELSE floor(random() * (CASE WHEN p.kind = 'TERM' THEN 3000 ELSE 600 END))
            END,
            $2, 'bench:scale'
       FROM unnest($1::int[]) AS w(id)
       CROSS JOIN indicator i
       JOIN programme pr ON pr.id = i.programme_id AND pr.term_id = $3
       JOIN period p ON p.term_id = $3
      WHERE i.collection_level = 'WARD'`,
    [wards.rows.map((w) => w.id), source.rows[0].id, f.term],
  );
  // the second parent: as many wards, yearly figures only (no TERM period row)
  const yearsFrom = (
    await owner.query(`SELECT count(*)::int + 1 AS n FROM org_unit WHERE parent_id = $1 AND level = 'WARD'`, [
      f.yearsParent,
    ])
  ).rows[0].n;
  const yearsWards = await owner.query(
    `INSERT INTO org_unit (slug, name, short_name, level, parent_id, sort_order, valid_from, population, households, updated_at)
     SELECT format('minh-hoa-nam-%s', g), format('Phường Minh họa năm %s', g), format('Minh họa năm %s', g), 'WARD', $1, g,
            DATE '2015-01-01', 8000 + (g * 7919) % 30000, 2000 + (g * 3571) % 8000, now()
       FROM generate_series($2::int, $3::int) g
     RETURNING id`,
    [f.yearsParent, yearsFrom, size],
  );
  const yearResults = await owner.query(
    `INSERT INTO result (indicator_id, org_unit_id, period_id, value, source_id, recorded_by)
     SELECT i.id, w.id, p.id,
            CASE i.value_type
              WHEN 'PERCENT' THEN round((random() * 100)::numeric, 1)
              WHEN 'BOOLEAN' THEN (random() < 0.7)::int
              WHEN 'MONEY' THEN round((random() * 2e9)::numeric, -3)
              WHEN 'DECIMAL' THEN round((random() * 5000)::numeric, 2)
              ELSE floor(random() * 600)
            END,
            $2, 'bench:scale'
       FROM unnest($1::int[]) AS w(id)
       CROSS JOIN indicator i
       JOIN programme pr ON pr.id = i.programme_id AND pr.term_id = $3
       JOIN period p ON p.term_id = $3 AND p.kind = 'YEAR'
      WHERE i.collection_level = 'WARD'`,
    [yearsWards.rows.map((w) => w.id), source.rows[0].id, f.term],
  );
  await owner.query("COMMIT");
  // VACUUM, not only ANALYZE: it marks the new pages all-visible, as autovacuum does soon after a bulk
  // insert, so the comparisons' index-only scans (result_figure_idx) work as they would in service
  await owner.query("VACUUM ANALYZE org_unit");
  await owner.query("VACUUM ANALYZE result");
  await owner.query("VACUUM ANALYZE term_figure");
  return {
    added: wards.rowCount + yearsWards.rowCount,
    results: results.rowCount + yearResults.rowCount,
    seconds: round((performance.now() - t0) / 1000, 2),
  };
}

// --- 3. pages and the SQL each needs ---------------------------------------------------------------
// The hand-written data SQL (dataSqlMedian): what a page must read at the least, scoped like the app
// (`path && roots`): the ratio page ÷ data SQL says how much the app adds (session, header, rendering,
// React payload, round trips) on top. The captured statements (sqlMedian) are all the page really runs.
const resultCols = `r.value, r.qualifier, r.note, r.version, r.recorded_at, i.code, i.name, i.unit, i.value_type,
  p.kind, p.year, s.key, s.title, s.kind AS source_kind`;
const resultJoins = `JOIN indicator i ON i.id = r.indicator_id JOIN period p ON p.id = r.period_id JOIN source s ON s.id = r.source_id
  JOIN org_unit o ON o.id = r.org_unit_id`;
// The programme rule of lib/data/programmes.ts (appliesToRowsSql) as text, on the joined programme `g`
// and unit `w`: the pages count only the (ward, programme) cells whose programme applies to the ward.
const appliesSql = (g, w) => `(
  (${g}.issuer_id = ANY(${w}.path)
    OR EXISTS (SELECT 1 FROM org_unit_former_parent afp JOIN org_unit afu ON afu.id = afp.parent_id
                WHERE afp.org_unit_id = ANY(${w}.path) AND ${g}.issuer_id = ANY(afu.path))
    OR EXISTS (SELECT 1 FROM org_unit_succession aps JOIN org_unit apr ON apr.id = aps.predecessor_id
                WHERE aps.successor_id = ${w}.id AND (${g}.issuer_id = ANY(apr.path) OR EXISTS (
                  SELECT 1 FROM org_unit_former_parent apf JOIN org_unit apa ON apa.id = apf.parent_id
                   WHERE apf.org_unit_id = apr.id AND ${g}.issuer_id = ANY(apa.path)))))
  AND (NOT EXISTS (SELECT 1 FROM programme_unit apu WHERE apu.programme_id = ${g}.id)
    OR EXISTS (SELECT 1 FROM programme_unit apu JOIN org_unit alu ON alu.id = apu.org_unit_id
                WHERE apu.programme_id = ${g}.id AND (alu.id = ANY(${w}.path) OR ${w}.id = ANY(alu.path)))))`;
const existing = (o, year) =>
  `${o}.valid_from <= make_date(${year}, 12, 31) AND (${o}.valid_to IS NULL OR ${o}.valid_to >= make_date(${year}, 1, 1))`;
/** (ward parent, programme, state) counts of the wards under $1 readable by $2 for period $3 of term $4, year $5 */
const stateCountsSql = `SELECT w.parent_id, g.id AS programme, coalesce(s.status::text, 'NOT_STARTED') AS state, count(*)::int AS cells
    FROM org_unit w
    JOIN programme g ON g.term_id = $4 AND ${appliesSql("g", "w")}
    LEFT JOIN submission s ON s.org_unit_id = w.id AND s.period_id = $3 AND s.programme_id = g.id
   WHERE w.parent_id = ANY($1::int[]) AND w.level = 'WARD' AND w.path && $2::int[] AND ${existing("w", "$5::int")}
   GROUP BY 1, 2, 3`;
/** A page of wards under $1 (readable by $2) × the programmes of term $4 that apply, for period $3 (year $5): state, counts, owed */
const pageCellsSql = `WITH w AS (
      SELECT o.id, o.slug, o.short_name, o.path FROM org_unit o
       WHERE o.parent_id = $1 AND o.level = 'WARD' AND o.path && $2::int[] AND ${existing("o", "$5::int")}
       ORDER BY o.sort_order, o.name LIMIT 25),
    per AS (
      SELECT w.id AS ward, g.id AS programme, s.status, s.version, i.id AS indicator, i.code, i.name,
             count(u.id) AS expected,
             count(u.id) FILTER (WHERE ev.value IS NOT NULL OR (ev.id IS NULL AND r.id IS NOT NULL)) AS entered,
             count(u.id) FILTER (WHERE ev.id IS NULL AND r.id IS NOT NULL) AS unconfirmed
        FROM w JOIN programme g ON g.term_id = $4 AND ${appliesSql("g", "w")}
        LEFT JOIN submission s ON s.org_unit_id = w.id AND s.period_id = $3 AND s.programme_id = g.id
        LEFT JOIN indicator i ON i.programme_id = g.id
        LEFT JOIN LATERAL (
          SELECT w.id WHERE i.collection_level <> 'RESIDENTIAL_GROUP'
          UNION ALL
          SELECT u.id FROM org_unit u
           WHERE i.collection_level = 'RESIDENTIAL_GROUP' AND u.parent_id = w.id AND u.level = 'RESIDENTIAL_GROUP'
             AND u.path && $2::int[] AND ${existing("u", "$5::int")}) u ON true
        LEFT JOIN entry_value ev ON ev.submission_id = s.id AND ev.indicator_id = i.id AND ev.org_unit_id = u.id
        LEFT JOIN result r ON r.indicator_id = i.id AND r.period_id = $3 AND r.org_unit_id = u.id
       GROUP BY 1, 2, 3, 4, 5, 6, 7)
  SELECT ward, programme, status, version, sum(expected) AS expected, sum(entered) AS entered, sum(unconfirmed) AS unconfirmed,
         json_agg(json_build_object('code', code, 'name', name, 'missing', expected - entered)) FILTER (WHERE entered < expected) AS owed
    FROM per GROUP BY 1, 2, 3, 4`;
function pages(f) {
  const compare = (period) =>
    `/so-sanh?parent=${PARENT}&indicator=${encodeURIComponent(f.indicator.code)}&period=${period}`;
  const compareSql = (periodId) => [
    `SELECT o.slug, o.short_name, o.population, r.value, r.qualifier,
            rank() OVER (ORDER BY r.value DESC NULLS LAST) AS rank, avg(r.value) OVER () AS mean, sum(r.value) OVER () AS total
       FROM org_unit o LEFT JOIN result r ON r.org_unit_id = o.id AND r.indicator_id = $2 AND r.period_id = $3
      WHERE o.parent_id = $1 AND o.level = 'WARD' AND o.path && $4::int[] ORDER BY rank LIMIT 40`,
    [f.parent, f.indicator.id, periodId, f.roots],
  ];
  // every page's header for district staff: which due dates have a late ward (stops at the first one)
  const inboxHeader = [
    `SELECT dist.slug, p.year, d.due_on FROM deadline d JOIN period p ON p.id = d.period_id
         JOIN org_unit dist ON dist.id = d.district_id
        CROSS JOIN LATERAL (SELECT 1 FROM org_unit w WHERE w.parent_id = dist.id AND w.level = 'WARD'
              AND w.path && $1::int[] AND ${existing("w", "p.year")}
              AND EXISTS (SELECT 1 FROM programme g
                    LEFT JOIN submission s ON s.org_unit_id = w.id AND s.period_id = p.id AND s.programme_id = g.id
                   WHERE g.term_id = p.term_id AND (s.status IS NULL OR s.status IN ('DRAFT', 'RETURNED'))
                     AND ${appliesSql("g", "w")}) LIMIT 1) late
        WHERE d.due_on < current_date ORDER BY d.due_on, dist.name LIMIT 50`,
    [f.roots],
  ];
  return [
    {
      name: "/ (home)",
      url: "/",
      // what the page reads for district staff: their own units, the year's standing of their district
      // (cells counted by state per district row, not per ward), one page of the wards with their
      // figure counts, and the inbox's late wards
      sql: [
        [
          `SELECT o.id, o.slug, o.name, o.short_name, o.level, p.name AS parent FROM org_unit o
             LEFT JOIN org_unit p ON p.id = o.parent_id WHERE o.id = ANY($1::int[])`,
          [f.roots],
        ],
        [
          `WITH c AS (${stateCountsSql})
           SELECT c.*, (SELECT count(*) FROM org_unit w WHERE w.parent_id = c.parent_id AND w.level = 'WARD'
                          AND w.path && $2::int[] AND ${existing("w", "$5::int")}) AS wards FROM c`,
          [f.roots, f.roots, f.standing.id, f.standing.term_id, f.standing.year],
        ],
        [
          `SELECT w.*, (SELECT count(*) FROM result r WHERE r.org_unit_id = w.id) AS results,
                  (SELECT count(*) FROM result r JOIN source s ON s.id = r.source_id WHERE r.org_unit_id = w.id AND s.kind = 'REPORT') AS reported
             FROM (SELECT o.id, o.slug, o.name, d.name AS district, o.sort_order FROM org_unit o LEFT JOIN org_unit d ON d.id = o.parent_id
                    WHERE o.level = 'WARD' AND o.path && $1::int[] AND NOT (o.id = ANY($1::int[]))
                    ORDER BY d.name, o.sort_order, o.slug LIMIT 48) w`,
          [f.roots],
        ],
        [`SELECT count(*) FROM org_unit o WHERE o.level = 'WARD' AND o.path && $1::int[]`, [f.roots]],
        [
          `SELECT dist.slug, p.year, d.due_on, count(*) AS late
             FROM org_unit w JOIN org_unit dist ON dist.id = w.parent_id JOIN deadline d ON d.district_id = dist.id
             JOIN period p ON p.id = d.period_id
            WHERE w.level = 'WARD' AND w.path && $1::int[] AND d.due_on < current_date AND ${existing("w", "p.year")}
              AND EXISTS (SELECT 1 FROM programme g
                    LEFT JOIN submission s ON s.org_unit_id = w.id AND s.period_id = p.id AND s.programme_id = g.id
                   WHERE g.term_id = p.term_id AND (s.status IS NULL OR s.status IN ('DRAFT', 'RETURNED'))
                     AND ${appliesSql("g", "w")})
            GROUP BY 1, 2, 3 LIMIT 50`,
          [f.roots],
        ],
        inboxHeader,
      ],
    },
    {
      name: "/tien-do",
      url: `/tien-do?district=${PARENT}&year=${YEAR}`,
      // the year's counts by state over every ward, and one page of wards with their cells and what they owe
      sql: [
        inboxHeader,
        [stateCountsSql, [[f.parent], f.roots, f.yearPeriod, f.term, YEAR]],
        [pageCellsSql, [f.parent, f.roots, f.yearPeriod, f.term, YEAR]],
      ],
    },
    {
      name: "ward overview",
      url: `/${WARD}`,
      sql: [
        `SELECT ${resultCols} FROM result r ${resultJoins}
          WHERE r.org_unit_id IN (SELECT id FROM org_unit WHERE id = $1 OR parent_id = $1) AND p.term_id = $2 AND o.path && $3::int[]`,
        [f.ward, f.term, f.roots],
      ],
    },
    {
      name: "programme 03 dashboard",
      url: `/${WARD}/chuong-trinh/${PROGRAMME}`,
      sql: [
        `SELECT ${resultCols} FROM result r ${resultJoins}
          WHERE r.org_unit_id IN (SELECT id FROM org_unit WHERE id = $1 OR parent_id = $1) AND p.term_id = $2 AND i.programme_id = $3 AND o.path && $4::int[]`,
        [f.ward, f.term, f.programme, f.roots],
      ],
    },
    {
      name: "residential groups",
      url: `/${WARD}/to-dan-pho`,
      sql: [
        `SELECT o.slug, o.short_name, ${resultCols} FROM result r ${resultJoins}
          WHERE o.parent_id = $1 AND p.term_id = $2 AND o.path && $3::int[]`,
        [f.ward, f.term, f.roots],
      ],
    },
    { name: "/so-sanh term", url: compare("term"), sql: compareSql(f.termPeriod), throughput: true },
    { name: `/so-sanh ${YEAR}`, url: compare(String(YEAR)), sql: compareSql(f.yearPeriod) },
    {
      name: "/so-sanh/phuong",
      url: `/so-sanh/phuong?ward=${WARD}&programme=${PROGRAMME}&period=term`,
      sql: [
        `SELECT i.code, max(r.value) FILTER (WHERE r.org_unit_id = $1) AS own,
                avg(r.value) FILTER (WHERE r.org_unit_id <> $1) AS others, count(r.value) AS reported
           FROM indicator i
           LEFT JOIN result r ON r.indicator_id = i.id AND r.period_id = $3
                AND r.org_unit_id IN (SELECT id FROM org_unit WHERE parent_id = $2 AND level = 'WARD' AND path && $5::int[])
          WHERE i.programme_id = $4 AND i.collection_level = 'WARD'
          GROUP BY i.id, i.code`,
        [f.ward, f.parent, f.termPeriod, f.programme, f.roots],
      ],
    },
    {
      // the worst case: no ward has a term row, every term figure is computed from the years
      name: "/so-sanh term, years only",
      url: `/so-sanh?parent=${YEARS_PARENT}&indicator=${encodeURIComponent(f.indicator.code)}&period=term`,
      account: "years",
      sql: [
        // the term figures computed from the years are stored (term_figure, kept by triggers on result)
        `SELECT o.slug, o.short_name, o.population, t.value,
                rank() OVER (ORDER BY t.value DESC NULLS LAST) AS rank, avg(t.value) OVER () AS mean, sum(t.value) OVER () AS total
           FROM org_unit o
           LEFT JOIN term_figure t ON t.org_unit_id = o.id AND t.indicator_id = $2 AND t.term_id = $3 AND t.parent_id = $1
          WHERE o.parent_id = $1 AND o.level = 'WARD' AND o.path && $4::int[] ORDER BY rank LIMIT 40`,
        [f.yearsParent, f.indicator.id, f.term, [f.yearsParent]],
      ],
    },
    {
      name: "/so-sanh/phuong, years only",
      url: `/so-sanh/phuong?ward=${YEARS_PARENT}-1&programme=${PROGRAMME}&period=term`,
      account: "years",
      sql: [
        // the term figures computed from the years are stored (term_figure, kept by triggers on result)
        `SELECT i.code, max(t.value) FILTER (WHERE t.org_unit_id = w.id) AS own,
                avg(t.value) FILTER (WHERE t.org_unit_id <> w.id) AS others, count(t.value) AS reported
           FROM indicator i
           CROSS JOIN (SELECT id FROM org_unit WHERE slug = $5) w
           LEFT JOIN term_figure t ON t.indicator_id = i.id AND t.term_id = $3 AND t.parent_id = $2
                AND t.org_unit_id IN (SELECT id FROM org_unit WHERE parent_id = $2 AND level = 'WARD' AND path && $1::int[])
          WHERE i.programme_id = $4 AND i.collection_level = 'WARD'
          GROUP BY i.id, i.code`,
        [[f.yearsParent], f.yearsParent, f.term, f.programme, `${YEARS_PARENT}-1`],
      ],
    },
    {
      name: "values API",
      url: `/api/v1/org-units/${WARD}/values?term=${TERM}`,
      sql: [
        `SELECT ${resultCols} FROM result r ${resultJoins}
          WHERE r.org_unit_id = $1 AND p.term_id = $2 AND o.path && $3::int[]`,
        [f.ward, f.term, f.roots],
      ],
      throughput: true,
    },
  ];
}

// --- capture of the statements a page runs (BENCH_SQL_LOG, scripts/lib/sql-capture.mjs) -------------
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const fileSize = (file) => {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
};

/** The process that runs scripts/server.mjs (the app): SIGUSR2 switches its capture on and off. */
function webServerPid() {
  for (const pid of descendants(server.pid)) {
    try {
      // scripts/server.mjs sets its title, which replaces its command line
      if (/next-server \(ctk\)|scripts\/server\.mjs/.test(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8"))) return pid;
    } catch {}
  }
  throw new Error("no scripts/server.mjs process under start.mjs");
}

/**
 * Empties what the server keeps between requests (lib/data/catalogue-cache.ts: the catalogue, the
 * comparisons, the late wards; the units' paths): its versions move on, as after a change of the
 * catalogue and of the figures, so the next request reads everything its page shows.
 */
async function forgetKept() {
  await owner.query(`UPDATE catalogue_version SET version = version + 1, txid = NULL WHERE id = 1`);
  await owner.query(`UPDATE progress_version SET version = version + 1, txid = NULL WHERE id = 1`);
}

/**
 * The statements the server runs for one GET of the page, with nothing else running: capture on
 * (marker seen in the log), the request, then until no statement came for 300 ms (work done after the
 * response, such as an access log row), capture off (marker seen). `cold`: with nothing kept
 * (forgetKept): all the SQL the page needs to build what it shows.
 */
async function captureOnce(base, cookie, page, { cold = false } = {}) {
  if (cold) await forgetKept();
  const from = fileSize(sqlLog);
  const pid = webServerPid();
  const newText = () => (fileSize(sqlLog) > from ? fs.readFileSync(sqlLog).subarray(from).toString("utf8") : "");
  const waitFor = async (test, what) => {
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; await sleep(20)) {
      const found = test(newText());
      if (found) return found;
    }
    throw new Error(`capture: ${what} not written by the server within 10 s`);
  };
  process.kill(pid, "SIGUSR2");
  let res;
  try {
    await waitFor((t) => t.includes('"capture":"on"'), "the 'on' marker");
    res = await fetch(base + page.url, { redirect: "manual", headers: { cookie } });
    await res.arrayBuffer();
    let size = fileSize(sqlLog);
    for (let quiet = performance.now(); performance.now() - quiet < 300;) {
      await sleep(25);
      const now = fileSize(sqlLog);
      if (now !== size) [size, quiet] = [now, performance.now()];
    }
  } finally {
    process.kill(pid, "SIGUSR2"); // off again, whatever happened: the next capture starts from "off"
  }
  const statements = await waitFor((t) => capturedWindow(t), "the 'off' marker");
  return { status: res.status, statements };
}

/** What the captured statements are: how many of each kind, and the writes by name. */
function describeCapture(statements) {
  const kinds = { read: 0, write: 0, tx: 0 };
  for (const st of statements) kinds[statementKind(st.sql)]++;
  return {
    statements: statements.length,
    statementKinds: kinds,
    connections: new Set(statements.map((st) => st.conn)).size,
    writes: statements.filter((st) => statementKind(st.sql) === "write").map((st) => statementLabel(st.sql)),
  };
}

/** The three statements of the replay with the highest median time: where the page's SQL time goes. */
function slowest(stmtTimes, captured) {
  return stmtTimes
    .map((ts, i) => ({
      ms: quantile(
        [...ts].sort((a, b) => a - b),
        0.5,
      ),
      sql: statementLabel(captured[i].sql, 100),
    }))
    .filter((x) => x.ms != null)
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3)
    .map((x) => ({ ...x, ms: round(x.ms, 2) }));
}

async function measure(base, cookies, page) {
  const cookie = cookies[page.account ?? "main"];
  const get = async () => {
    const t = performance.now();
    const res = await fetch(base + page.url, { redirect: "manual", headers: { cookie } });
    const body = Buffer.from(await res.arrayBuffer());
    return { ms: performance.now() - t, status: res.status, body };
  };
  // the hand-written data statements: one [text, params], or several run one after the other (summed)
  const dataStatements = Array.isArray(page.sql[0]) ? page.sql : [page.sql];
  const errors = {};
  const timed = async (which, client, list, toQuery, each) => {
    const t = performance.now();
    try {
      for (let i = 0; i < list.length; i++) {
        const ts = performance.now();
        await client.query(toQuery(list[i]));
        each?.(i, performance.now() - ts);
      }
      return performance.now() - t;
    } catch (e) {
      errors[which] ??= e.message; // the page's own figures still count
      await client.query("ROLLBACK").catch(() => {}); // out of a transaction the replay had begun
      return NaN;
    }
  };
  const dataSql = () => timed("dataSqlError", owner, dataStatements, ([text, values]) => ({ text, values }));
  const first = await get();
  if (first.status !== 200) return { url: page.url, status: first.status, firstMs: round(first.ms) };
  for (let i = 1; i < WARMUP; i++) await get();

  // the statements the page needs, captured twice with nothing kept by the server (cold): are they
  // the same every time? Then once as the page's readers mostly meet it (warm): what it still sends
  // when the catalogue and the figures have not changed since the last request.
  const captureA = await captureOnce(base, cookie, page, { cold: true });
  const captureB = await captureOnce(base, cookie, page, { cold: true });
  const captured = captureB.statements;
  const compared = compareCaptures(captureA.statements, captured);
  const warm = (await captureOnce(base, cookie, page)).statements;
  // replayed as the app's role, exactly: same text, parameters and order, on one connection (the
  // app's statements may overlap on several pool connections; here they run one after the other);
  // the writes (a session touch, an access log row, …) and BEGIN/COMMIT are replayed too
  const stmtTimes = captured.map(() => []);
  const sql = (record = true) =>
    timed(
      "sqlError",
      app,
      captured,
      (st) => ({ text: st.sql, values: st.params, ...(st.rowMode ? { rowMode: st.rowMode } : {}) }),
      record ? (i, ms) => stmtTimes[i].push(ms) : undefined,
    );
  await sql(false);
  await dataSql();
  const times = [];
  const sqlTimes = [];
  const dataTimes = [];
  let body = first.body;
  const t0 = performance.now();
  while (times.length < RUNS && (times.length < MIN_RUNS || performance.now() - t0 < BUDGET_MS)) {
    const r = await get();
    if (r.status !== 200) return { url: page.url, status: r.status };
    times.push(r.ms);
    body = r.body;
    sqlTimes.push(await sql());
    dataTimes.push(await dataSql());
  }
  times.sort((a, b) => a - b);
  sqlTimes.sort((a, b) => a - b);
  dataTimes.sort((a, b) => a - b);
  const median = quantile(times, 0.5);
  const sqlMedian = quantile(sqlTimes, 0.5);
  const dataSqlMedian = quantile(dataTimes, 0.5);
  return {
    url: page.url,
    status: 200,
    runs: times.length,
    firstMs: round(first.ms),
    median: round(median),
    p95: round(quantile(times, 0.95)),
    sqlMedian: round(sqlMedian, 2),
    ratio: round(median / sqlMedian, 1),
    dataSqlMedian: round(dataSqlMedian, 2),
    dataRatio: round(median / dataSqlMedian, 1),
    ...describeCapture(captured),
    warmStatements: warm.length,
    capturesSame: compared.same,
    captureOrderSame: compared.sameOrder,
    ...(compared.same
      ? {}
      : { captureDifferences: compared.differences, statementsFirstCapture: captureA.statements.length }),
    slowest: slowest(stmtTimes, captured),
    htmlBytes: body.byteLength,
    gzipBytes: zlib.gzipSync(body).byteLength,
    ...errors,
  };
}

/**
 * Waits until the server has finished what an earlier run left in flight (autocannon stops sending,
 * not the server working): two health checks in a row answered within 200 ms, at most 2 minutes.
 */
async function settle(base) {
  const deadline = Date.now() + 120_000;
  let quick = 0;
  while (quick < 2 && Date.now() < deadline) {
    const t = performance.now();
    await fetch(`${base}/api/health`).catch(() => null);
    quick = performance.now() - t < 200 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 500));
  }
}

const WARM_S = 3;

async function throughput(base, cookie, url) {
  await settle(base);
  // a warm-up at the same concurrency first (caches, JIT of the server's code, pool connections), then
  // a settle again, so that the measured seconds hold only steady-state requests
  await autocannon({ url: base + url, connections: 10, duration: WARM_S, headers: { cookie } });
  await settle(base);
  const result = await autocannon({
    url: base + url,
    connections: 10,
    duration: DURATION_S,
    headers: { cookie },
  });
  return {
    url,
    connections: 10,
    seconds: DURATION_S,
    warmupSeconds: WARM_S,
    requestsPerSecond: round(result.requests.average),
    latencyMedianMs: result.latency.p50,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** One job of --jobs in a line: status, time, bytes, the server's resident memory before → peak. */
const jobCell = (j) =>
  `${j.error ?? `HTTP ${j.status}`}, ${fmtMs(j.ms)}, ${j.bytes == null ? "" : j.bytes < 10240 ? `${j.bytes} B` : fmtKiB(j.bytes)}, RSS ${j.rssBeforeMiB} → ${j.rssPeakMiB} MiB${j.answer ? `, ${j.answer.slice(0, 80)}` : ""}${j.serverAlive ? "" : ", server down"}`;

/** The results as the README's table: a row per page, a column per size. */
function markdown(out) {
  const sizes = Object.keys(out.sizes);
  const names = Object.keys(out.sizes[sizes[0]].pages);
  const cell = (r) =>
    !r
      ? ""
      : r.status !== 200
        ? (r.error ?? `HTTP ${r.status}`)
        : `${fmtMs(r.median)} / ${fmtMs(r.p95)} · SQL ${fmtMs(r.sqlMedian)} (×${r.ratio}, ${r.statements ?? "?"} st., ${r.warmStatements ?? "?"} warm) · data ${fmtMs(r.dataSqlMedian)} (×${r.dataRatio}) · ${fmtKiB(r.htmlBytes)} (gz ${fmtKiB(r.gzipBytes)})`;
  const lines = [
    `| page: median / p95 · the SQL it needs, captured with nothing kept, median (page ÷ SQL, statements, of which sent when warm) · data SQL median (page ÷ data SQL) · HTML (gzip) | ${sizes.map((s) => `${Number(s).toLocaleString("de-DE")} wards`).join(" | ")} |`,
    `|---|${sizes.map(() => "---").join("|")}|`,
    ...names.map((n) => `| ${n} | ${sizes.map((s) => cell(out.sizes[s].pages[n])).join(" | ")} |`),
    `| peak RSS (start.mjs + next-server) | ${sizes.map((s) => `${out.sizes[s].rssMiB} MiB`).join(" | ")} |`,
    ...Object.keys(out.sizes[sizes[0]].throughput).map(
      (n) =>
        `| ${n}, 10 connections | ${sizes.map((s) => `${out.sizes[s].throughput[n]?.requestsPerSecond ?? "?"} req/s`).join(" | ")} |`,
    ),
  ];
  const jobSizes = sizes.filter((s) => out.sizes[s].jobs);
  if (jobSizes.length) {
    const jobNames = Object.keys(out.sizes[jobSizes[0]].jobs);
    lines.push(
      "",
      `| job (server heap limit ${out.settings.serverHeap ?? "default"}): status, time, bytes, server RSS before → peak | ${jobSizes.map((s) => `${Number(s).toLocaleString("de-DE")} wards`).join(" | ")} |`,
      `|---|${jobSizes.map(() => "---").join("|")}|`,
      ...jobNames.map(
        (n) =>
          `| ${n} | ${jobSizes.map((s) => (out.sizes[s].jobs[n] ? jobCell(out.sizes[s].jobs[n]) : "")).join(" | ")} |`,
      ),
    );
  }
  return lines.join("\n");
}

/** the pages of --pages (a name contains one of its parts), else all */
function selectedPages(f) {
  const all = pages(f);
  return PAGE_FILTER.length === 0 ? all : all.filter((p) => PAGE_FILTER.some((q) => p.name.toLowerCase().includes(q)));
}

// --- main -------------------------------------------------------------------------------------------
const fmtMs = (v) => (v == null ? "" : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`);
const fmtKiB = (v) => (v == null ? "" : `${(v / 1024).toFixed(0)} KiB`);

async function main() {
  if (option("report")) {
    // only the README table of an earlier run's JSON
    console.log(markdown(JSON.parse(fs.readFileSync(option("report"), "utf8"))));
    return;
  }
  const port = Number(option("port", 0)) || (await freePort());
  const base = `http://127.0.0.1:${port}`;
  const started = await start(port);
  log(`server healthy after ${(started.ms / 1000).toFixed(1)} s`);
  owner = new pg.Client({ connectionString: started.ownerUrl });
  await owner.connect();
  app = new pg.Client({ connectionString: started.appUrl });
  await app.connect();
  const f = await facts(); // gives demo.quantri its grant before it signs in
  const cookie = await signIn(base);
  const cookies = { main: cookie, years: await signIn(base, YEARS_ACCOUNT) };
  if (JOBS) cookies.ward = await signIn(base, WARD_ACCOUNT);
  let peak = 0; // per size
  let overall = 0; // through the whole run (the issue's target: ≤ 600 MiB throughout)
  const sampler = setInterval(() => {
    const now = rssMiB();
    peak = Math.max(peak, now);
    overall = Math.max(overall, now);
  }, 500);

  const out = {
    date: new Date().toISOString(),
    commit: execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim(),
    dirty: execFileSync("git", ["status", "--porcelain"], { cwd: ROOT, encoding: "utf8" }).trim() !== "",
    machine: {
      cpus: os.cpus().length,
      node: process.version,
      postgres: (await owner.query("SHOW server_version")).rows[0].server_version,
    },
    settings: {
      runs: RUNS,
      minRuns: MIN_RUNS,
      budgetSeconds: BUDGET_MS / 1000,
      warmup: WARMUP,
      throughputSeconds: DURATION_S,
      serverHeap:
        process.env.SERVER_HEAP_MIB === "0"
          ? "Node's own (SERVER_HEAP_MIB=0)"
          : process.env.SERVER_HEAP_MIB
            ? `${process.env.SERVER_HEAP_MIB} MiB`
            : "384 MiB (npm start's default)",
    },
    sizes: {},
  };
  for (const size of SIZES) {
    if (cleaning) return;
    const grown = await grow(size, f);
    log(`${size} wards: added ${grown.added} wards and ${grown.results} results in ${grown.seconds} s`);
    peak = rssMiB();
    const perPage = {};
    for (const page of selectedPages(f)) {
      if (cleaning) return;
      const r = await measure(base, cookies, page).catch((e) => ({ url: page.url, error: e.message }));
      perPage[page.name] = r;
      log(
        `  ${page.name}: ${r.status === 200 ? `median ${fmtMs(r.median)}, p95 ${fmtMs(r.p95)}, SQL ${fmtMs(r.sqlMedian)} (${r.statements} statements, ${r.warmStatements ?? "?"} when warm, ×${r.ratio}), data SQL ${fmtMs(r.dataSqlMedian)} (×${r.dataRatio}), ${fmtKiB(r.htmlBytes)}` : (r.error ?? `HTTP ${r.status}`)}`,
      );
      if (r.writes?.length) log(`    writes, replayed too: ${r.writes.join(" | ")}`);
      if (r.slowest?.length) log(`    slowest statements: ${r.slowest.map((x) => `${x.ms} ms ${x.sql}`).join(" | ")}`);
      if (r.capturesSame === false)
        log(
          `    two captures differ (${r.statementsFirstCapture} then ${r.statements}): ${r.captureDifferences.join(" | ")}`,
        );
      if (r.sqlError) log(`    replay failed: ${r.sqlError}`);
      if (r.dataSqlError) log(`    data SQL failed: ${r.dataSqlError}`);
    }
    const through = {};
    for (const page of selectedPages(f).filter((p) => p.throughput)) {
      if (cleaning) return;
      through[page.name] = await throughput(base, cookie, page.url).catch((e) => ({ url: page.url, error: e.message }));
      log(`  throughput ${page.name}: ${through[page.name].requestsPerSecond ?? through[page.name].error} req/s`);
    }
    let jobs;
    if (JOBS && !cleaning) {
      await settle(base);
      log(`  jobs (server heap limit: ${out.settings.serverHeap}):`);
      jobs = await runJobs({
        base,
        cookies,
        root: ROOT,
        ward: WARD,
        parent: PARENT,
        yearsParent: YEARS_PARENT,
        term: TERM,
        year: YEAR,
        programme: PROGRAMME,
        indicatorCode: f.indicator.code,
        serverPid: webServerPid,
        stopped: () => Boolean(cleaning),
        lastRefusal: async () =>
          (
            await owner.query(
              `SELECT event::text || ' ' || coalesce(target, '') || ' ' || coalesce(detail, '') AS line FROM access_log ORDER BY id DESC LIMIT 1`,
            )
          ).rows[0]?.line,
        log,
      });
      if (heapErrors.length) log(`  the server wrote: ${heapErrors.join(" | ")}`);
    }
    const counts = (
      await owner.query(
        `SELECT (SELECT count(*) FROM org_unit)::int AS units, (SELECT count(*) FROM result)::int AS results`,
      )
    ).rows[0];
    out.sizes[size] = {
      wards: size,
      ...counts,
      generatedSeconds: grown.seconds,
      rssMiB: round(peak),
      pages: perPage,
      throughput: through,
      ...(jobs ? { jobs, heapErrors: [...heapErrors] } : {}),
    };
    out.rssPeakMiB = round(overall);
    // written after each size, so that an interrupted run keeps what it measured
    fs.writeFileSync(JSON_FILE, JSON.stringify(out, null, 2) + "\n");
  }
  clearInterval(sampler);

  // --- report ---
  console.log(
    `\nbench:scale ${out.date} at ${out.commit}${out.dirty ? " (uncommitted changes)" : ""}, PostgreSQL ${out.machine.postgres}, ${out.machine.cpus} cores`,
  );
  const names = selectedPages(f).map((p) => p.name);
  const head = ["page", ...SIZES.map(String)];
  const rows = names.map((n) => [
    n,
    ...SIZES.map((s) => {
      const r = out.sizes[s]?.pages[n];
      if (!r) return "";
      if (r.status !== 200) return r.error ?? `HTTP ${r.status}`;
      return `${fmtMs(r.median)} / p95 ${fmtMs(r.p95)} · SQL ${fmtMs(r.sqlMedian)} (×${r.ratio}, ${r.statements} st., ${r.warmStatements ?? "?"} warm) · data ${fmtMs(r.dataSqlMedian)} (×${r.dataRatio}) · ${fmtKiB(r.htmlBytes)}, gz ${fmtKiB(r.gzipBytes)}`;
    }),
  ]);
  rows.push(["peak RSS", ...SIZES.map((s) => `${out.sizes[s]?.rssMiB ?? ""} MiB`)]);
  for (const n of names.filter((n) => out.sizes[SIZES[0]]?.throughput[n]))
    rows.push([`${n} @10 conn`, ...SIZES.map((s) => `${out.sizes[s]?.throughput[n]?.requestsPerSecond ?? ""} req/s`)]);
  for (const s of SIZES)
    for (const [n, j] of Object.entries(out.sizes[s]?.jobs ?? {}))
      rows.push([`job ${n} (${s})`, jobCell(j), ...SIZES.slice(1).map(() => "")]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ");
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  rows.forEach((r) => console.log(line(r)));
  fs.writeFileSync(JSON_FILE, JSON.stringify(out, null, 2) + "\n");
  log(`wrote ${path.relative(process.cwd(), JSON_FILE)}`);
  console.log(`\nFor the README:\n\n${markdown(out)}`);
}

main()
  .catch((e) => {
    log(`failed: ${e.stack ?? e}`);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
