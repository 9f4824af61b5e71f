// The statements a page really runs, as bench:scale captures and replays them (issue 11: "the raw SQL
// the page needs"). The server writes them only when started with BENCH_SQL_LOG=<file> (lib/db.ts,
// lib/bench-sql-log.ts), and only while capture is switched on (SIGUSR2 toggles it; each toggle writes
// a marker line): one JSON line per statement, in the order the app sent them to PostgreSQL, with the
// parameters as the app passed them to the pg driver (which turns them into text on the wire the same
// way for the replay). This module is the one definition of the line format: the app writes with it,
// the bench reads with it.

/** A parameter as JSON: bytes, dates and bigints marked so that the replay passes what the app passed. */
export function encodeValue(v) {
  if (v === undefined || v === null) return null;
  if (typeof v === "bigint") return { $bigint: v.toString() };
  if (v instanceof Date) return { $date: v.toISOString() };
  if (v instanceof Uint8Array) return { $bytes: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64") };
  if (Array.isArray(v)) return v.map(encodeValue);
  return v;
}

/** The inverse of encodeValue. */
export function decodeValue(v) {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(decodeValue);
  if (typeof v.$bigint === "string") return BigInt(v.$bigint);
  if (typeof v.$date === "string") return new Date(v.$date);
  if (typeof v.$bytes === "string") return Buffer.from(v.$bytes, "base64");
  return v;
}

/** The line of one statement: text, parameters, row mode, and the backend (connection) that ran it. */
export function statementLine({ text, values, rowMode, conn }) {
  return (
    JSON.stringify({
      sql: text,
      params: (values ?? []).map(encodeValue),
      ...(rowMode ? { rowMode } : {}),
      ...(conn != null ? { conn } : {}),
    }) + "\n"
  );
}

/** The line written when capture is switched on or off. */
export function markerLine(on, at = Date.now()) {
  return JSON.stringify({ capture: on ? "on" : "off", at }) + "\n";
}

/**
 * The statements of one capture window: those after the last "on" marker of `text` (the new part of the
 * log), up to the "off" marker that follows it. `text` may start mid-file; lines that are not JSON
 * (a half-written last line) are ignored. Returns null when the window has not been closed yet.
 */
export function capturedWindow(text) {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  const parsed = [];
  for (const l of lines) {
    try {
      parsed.push(JSON.parse(l));
    } catch {
      // an incomplete line: the writer has not finished it
    }
  }
  const on = parsed.findLastIndex((e) => e.capture === "on");
  if (on < 0) return null;
  const off = parsed.findIndex((e, i) => i > on && e.capture === "off");
  if (off < 0) return null;
  return parsed
    .slice(on + 1, off)
    .filter((e) => typeof e.sql === "string")
    .map((e) => ({ ...e, params: (e.params ?? []).map(decodeValue) }));
}

const TX = /^\s*(BEGIN|START\s+TRANSACTION|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE|SET\s+TRANSACTION)\b/i;
// a write anywhere in the statement (also in a CTE: WITH … INSERT); a row lock (FOR UPDATE) is no write
const WRITE = /(^|[\s(;])(INSERT\s+INTO|UPDATE\s+(?!SET\b)\S+\s+SET|DELETE\s+FROM|MERGE\s+INTO|TRUNCATE)\b/i;

/** "tx" (transaction control), "write" (changes rows) or "read". */
export function statementKind(sql) {
  if (TX.test(sql)) return "tx";
  if (WRITE.test(sql)) return "write";
  return "read";
}

/** The first words of a statement, on one line: how the bench names it in its notes. */
export function statementLabel(sql, length = 70) {
  const one = sql.replace(/\s+/g, " ").trim();
  return one.length > length ? `${one.slice(0, length - 1)}…` : one;
}

/**
 * Two captures of the same page compared. `same`: the same statements with the same parameters, as
 * many times each (the order may differ: statements the app runs at once, on several pool connections,
 * reach PostgreSQL in either order); `sameOrder`: also in the same order. `differences` names what
 * differs: "2× then 1×: SELECT …" for a statement run more or less often, "other parameters: …".
 */
export function compareCaptures(a, b) {
  const paramsOf = (s) => JSON.stringify((s.params ?? []).map(encodeValue));
  const count = (list, key) => {
    const m = new Map();
    for (const s of list) m.set(key(s), (m.get(key(s)) ?? 0) + 1);
    return m;
  };
  const differences = [];
  const textA = count(a, (s) => s.sql);
  const textB = count(b, (s) => s.sql);
  for (const k of new Set([...textA.keys(), ...textB.keys()])) {
    const x = textA.get(k) ?? 0;
    const y = textB.get(k) ?? 0;
    if (x !== y) differences.push(`${x}× then ${y}×: ${statementLabel(k)}`);
  }
  if (differences.length === 0) {
    const full = (s) => `${s.sql}\u0000${paramsOf(s)}`;
    const fullA = count(a, full);
    const fullB = count(b, full);
    for (const k of new Set([...fullA.keys(), ...fullB.keys()]))
      if ((fullA.get(k) ?? 0) !== (fullB.get(k) ?? 0)) {
        const label = `other parameters: ${statementLabel(k.slice(0, k.indexOf("\u0000")))}`;
        if (!differences.includes(label)) differences.push(label);
      }
  }
  const same = differences.length === 0;
  const sameOrder = same && a.every((s, i) => s.sql === b[i].sql && paramsOf(s) === paramsOf(b[i]));
  return { same, sameOrder, differences };
}
