// Times the Excel import (preview + apply) of a full year's workbook of programme 03 for Ngọc Thụy:
// the ward sheet and the residential groups × indicators sheet, every row changed.
//   node scripts/bench-import.mjs            throwaway database on 127.0.0.1:5432 (or BENCH_DATABASE_URL's server), seeded, dropped after
//   BENCH_RUNS=10 BENCH_YEAR=2019 …          more runs, another year
// scripts/bench.mjs may call benchImport({ databaseUrl }) on a seeded database.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ROOT, migrate, run, withClient, withDatabase, quoteIdent } from "./lib/db-tools.mjs";

const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

/** Runs the timing on a seeded database; returns its figures (milliseconds). */
export async function benchImport({ databaseUrl, runs = Number(process.env.BENCH_RUNS || 5) } = {}) {
  const out = await run(
    process.execPath,
    [
      TSX,
      "--conditions=react-server",
      "--tsconfig",
      path.join(ROOT, "tsconfig.json"),
      "scripts/lib/bench-import-run.mts",
    ],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl, BENCH_RUNS: String(runs), NODE_ENV: "production" },
      quiet: true,
    },
  );
  const line = out
    .trim()
    .split("\n")
    .findLast((l) => l.startsWith("{"));
  return JSON.parse(line);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const base = process.env.BENCH_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  const adminUrl = withDatabase(base, "postgres");
  const name = `ctk_bench_import_${crypto.randomBytes(4).toString("hex")}`;
  const url = withDatabase(base, name);
  try {
    console.log(`[bench-import] database ${name}: migrate and seed`);
    await migrate(url, { quiet: true });
    await run(process.execPath, [TSX, "prisma/seed/run.ts"], {
      env: { ...process.env, DATABASE_URL: url, SEED_DEMO: "1" },
      quiet: true,
    });
    const result = await benchImport({ databaseUrl: url });
    console.log(JSON.stringify(result, null, 2));
    fs.mkdirSync(path.join(ROOT, "bench-results"), { recursive: true });
    fs.writeFileSync(
      path.join(ROOT, "bench-results/import.json"),
      JSON.stringify({ at: new Date().toISOString(), ...result }, null, 2) + "\n",
    );
  } finally {
    await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
  }
}
