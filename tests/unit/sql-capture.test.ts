import { describe, expect, it } from "vitest";
import {
  capturedWindow,
  compareCaptures,
  decodeValue,
  encodeValue,
  markerLine,
  statementKind,
  statementLine,
} from "../../scripts/lib/sql-capture.mjs";

// bench:scale replays the statements a page ran (BENCH_SQL_LOG): what it reads from the log must be
// exactly the statements of the one request it captured, with the parameters the app passed.
describe("captured statements (scripts/lib/sql-capture.mjs)", () => {
  const line = (text: string, values: unknown[] = []) => statementLine({ text, values, rowMode: "array", conn: 7 });

  it("reads the statements between the last 'on' marker and its 'off' marker only", () => {
    const log =
      line("SELECT 'before'") +
      markerLine(true, 1) +
      line("SELECT 'first window'") +
      markerLine(false, 2) +
      line("SELECT 'between'") +
      markerLine(true, 3) +
      line("SELECT $1::int", [5]) +
      line("BEGIN") +
      line('UPDATE "session" SET "seen_at" = $1 WHERE id = $2', ["2026-12-03 12:00:00", "s1"]) +
      line("COMMIT") +
      markerLine(false, 4) +
      line("SELECT 'after'");
    const got = capturedWindow(log);
    expect(got?.map((s) => s.sql)).toEqual([
      "SELECT $1::int",
      "BEGIN",
      'UPDATE "session" SET "seen_at" = $1 WHERE id = $2',
      "COMMIT",
    ]);
    expect(got?.[0]).toEqual({ sql: "SELECT $1::int", params: [5], rowMode: "array", conn: 7 });
  });

  it("has no window while capture is still on, and ignores a half-written line", () => {
    expect(capturedWindow(line("SELECT 1") + markerLine(true) + line("SELECT 2"))).toBeNull();
    expect(capturedWindow("")).toBeNull();
    const text = markerLine(true) + line("SELECT 2") + '{"sql":"SELECT' + "\n" + markerLine(false);
    expect(capturedWindow(text)?.map((s) => s.sql)).toEqual(["SELECT 2"]);
  });

  it("gives back the parameters the app passed: bytes, dates, bigints, arrays, null", () => {
    const values = [
      Buffer.from([0, 1, 255]),
      new Date("2026-12-03T01:02:03.004Z"),
      12n,
      [1, 2, 3],
      ["a", null],
      null,
      "x",
      1.5,
      true,
    ];
    const text =
      markerLine(true) + statementLine({ text: "SELECT 1", values: [...values, undefined] }) + markerLine(false);
    const [s] = capturedWindow(text)!;
    expect(s.params).toEqual([...values, null]);
    expect(Buffer.isBuffer(s.params[0])).toBe(true);
    expect(decodeValue(JSON.parse(JSON.stringify(encodeValue(new Uint8Array([9, 8]).subarray(1)))))).toEqual(
      Buffer.from([8]),
    );
  });

  it("tells transaction control and writes from reads", () => {
    expect(statementKind("BEGIN")).toBe("tx");
    expect(statementKind("  COMMIT")).toBe("tx");
    expect(statementKind("ROLLBACK TO SAVEPOINT s1")).toBe("tx");
    expect(statementKind('INSERT INTO "public"."access_log" ("a") VALUES ($1)')).toBe("write");
    expect(statementKind('UPDATE "public"."session" SET "last_seen_at" = $1 WHERE "id" = $2')).toBe("write");
    expect(statementKind("WITH x AS (DELETE FROM t WHERE id = $1 RETURNING id) SELECT * FROM x")).toBe("write");
    expect(statementKind("SELECT id FROM programme WHERE id = $1 FOR UPDATE")).toBe("read");
    expect(statementKind("SELECT id FROM programme WHERE id = $1 FOR NO KEY UPDATE SKIP LOCKED")).toBe("read");
    expect(statementKind('SELECT "t0"."updated_at" FROM "org_unit" AS "t0"')).toBe("read");
  });

  it("compares two captures of a page: same statements and parameters, in which order, or what differs", () => {
    const a = [
      { sql: "SELECT 1", params: [1] },
      { sql: "SELECT 2", params: [] },
    ];
    expect(
      compareCaptures(
        a,
        a.map((s) => ({ ...s })),
      ),
    ).toEqual({ same: true, sameOrder: true, differences: [] });
    // statements run at once on two connections may reach the database in either order
    expect(compareCaptures(a, [a[1], a[0]])).toEqual({ same: true, sameOrder: false, differences: [] });
    expect(compareCaptures(a, [{ sql: "SELECT 1", params: [2] }, a[1]])).toEqual({
      same: false,
      sameOrder: false,
      differences: ["other parameters: SELECT 1"],
    });
    expect(compareCaptures(a, [a[0]])).toEqual({
      same: false,
      sameOrder: false,
      differences: ["1× then 0×: SELECT 2"],
    });
    expect(compareCaptures([a[0], a[0]], [a[0]]).differences).toEqual(["2× then 1×: SELECT 1"]);
  });
});
