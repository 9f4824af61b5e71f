import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { capturedWindow } from "../../scripts/lib/sql-capture.mjs";

// BENCH_SQL_LOG (bench:scale): the app's own client records the statements it sends, exactly, only
// while capture is switched on by SIGUSR2; without the variable nothing is recorded at all.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-sql-log-"));
const resetClient = () => ((globalThis as { prisma?: unknown }).prisma = undefined);

async function freshDb(logFile: string | undefined) {
  vi.resetModules();
  if (logFile) vi.stubEnv("BENCH_SQL_LOG", logFile);
  resetClient();
  return (await import("@/lib/db")).db();
}

afterEach(() => {
  vi.unstubAllEnvs();
  resetClient();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("BENCH_SQL_LOG", () => {
  it("records nothing and listens to no signal when unset", async () => {
    const before = process.listenerCount("SIGUSR2");
    const db = await freshDb(undefined);
    expect(await db.$queryRaw<{ n: number }[]>`SELECT ${5}::int AS n`).toEqual([{ n: 5 }]);
    expect(process.listenerCount("SIGUSR2")).toBe(before);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("records exactly the statements sent while capture is on, and they replay to the same rows", async () => {
    const file = path.join(dir, "sql.jsonl");
    const db = await freshDb(file);
    await db.$queryRaw`SELECT ${1}::int AS before_capture`;
    process.emit("SIGUSR2"); // on
    const since = new Date("2020-01-02T03:04:05.678Z");
    const rows = await db.$queryRaw<{ n: number; ids: number[]; at: Date }[]>`
      SELECT ${7}::int AS n, ${[3, 1, 2]}::int[] AS ids, ${since}::timestamptz AS at`;
    const units = await db.orgUnit.findMany({
      where: { slug: { in: ["ngoc-thuy", "khong-co"] } },
      select: { slug: true },
    });
    process.emit("SIGUSR2"); // off
    await db.$queryRaw`SELECT ${2}::int AS after_capture`;

    const captured = capturedWindow(fs.readFileSync(file, "utf8"));
    expect(captured).not.toBeNull();
    expect(captured!.map((s) => s.sql).join("\n")).not.toMatch(/before_capture|after_capture/);
    expect(captured).toHaveLength(2);
    expect(captured![1].sql).toMatch(/FROM "public"\."org_unit"/);

    // replayed as bench:scale does: same text, parameters and row mode, on a plain pg client
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const replay = async (i: number) =>
        (await client.query({ text: captured![i].sql, values: captured![i].params, rowMode: "array" })).rows;
      const [[n, ids, at]] = await replay(0);
      expect([n, ids, (at as Date).toISOString()]).toEqual([rows[0].n, rows[0].ids, since.toISOString()]);
      expect((await replay(1)).length).toBe(units.length);
    } finally {
      await client.end();
    }
  });
});
