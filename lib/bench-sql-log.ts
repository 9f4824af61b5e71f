import fs from "node:fs";
import pg from "pg";
import { markerLine, statementLine } from "@/scripts/lib/sql-capture.mjs";

// BENCH_SQL_LOG=<file>: the statements the server runs, for `npm run bench:scale` (issue 11: a page's
// time against the raw SQL it needs). Only when that variable is set does lib/db.ts build its pool
// here; without it the app's pool is the adapter's own, untouched. Capture starts switched off: SIGUSR2
// toggles it and writes a marker line, so the bench captures exactly one request and its timed runs
// pay only a boolean test per statement. Line format: scripts/lib/sql-capture.mjs.

type State = { on: boolean };
const STATE = Symbol.for("ctk.benchSqlLog");
type QueryFn = (...args: unknown[]) => unknown;

function state(file: string): State {
  const g = globalThis as unknown as { [STATE]?: State };
  if (!g[STATE]) {
    const s: State = { on: false };
    g[STATE] = s;
    process.on("SIGUSR2", () => {
      s.on = !s.on;
      fs.appendFileSync(file, markerLine(s.on));
    });
  }
  return g[STATE];
}

/** The query's text, parameters and row mode, from any of pg's call forms. */
function describe(args: unknown[]): { text: string; values?: unknown[]; rowMode?: string } | null {
  const [first, second] = args;
  if (typeof first === "string") return { text: first, values: Array.isArray(second) ? second : undefined };
  if (first && typeof first === "object" && typeof (first as { text?: unknown }).text === "string") {
    const q = first as { text: string; values?: unknown[]; rowMode?: string };
    return { text: q.text, values: Array.isArray(second) ? second : q.values, rowMode: q.rowMode };
  }
  return null;
}

/** A pool whose connections append each statement to `file` while capture is on. */
export function capturingPool(config: pg.PoolConfig, file: string): pg.Pool {
  const s = state(file);
  const pool = new pg.Pool(config);
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as QueryFn;
    const conn = (client as unknown as { processID?: number }).processID;
    (client as unknown as { query: QueryFn }).query = (...args: unknown[]) => {
      if (s.on) {
        const q = describe(args);
        if (q) fs.appendFileSync(file, statementLine({ ...q, conn }));
      }
      return query(...args);
    };
  });
  return pool;
}
