import { describe, expect, it } from "vitest";
import { DB_UNAVAILABLE_DIGEST, isDbUnavailable, markDbUnavailable } from "./db-errors";

// Shapes observed from Prisma 7 with @prisma/adapter-pg, pg and better-auth when the database is down.
const adapter = (cause: object) =>
  Object.assign(new Error("Raw query failed"), {
    code: "P2010",
    meta: { driverAdapterError: { name: "DriverAdapterError", cause } },
  });

describe("isDbUnavailable", () => {
  it("recognises an unreachable, restarting or refusing database", () => {
    expect(isDbUnavailable(adapter({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 1 }))).toBe(true);
    expect(
      isDbUnavailable(
        adapter({ kind: "postgres", code: "57P01", message: "terminating connection due to administrator command" }),
      ),
    ).toBe(true);
    expect(
      isDbUnavailable(
        adapter({ kind: "postgres", code: "55000", message: 'database "x" is not currently accepting connections' }),
      ),
    ).toBe(true);
    expect(isDbUnavailable(Object.assign(new Error("Can't reach database server"), { code: "P1001" }))).toBe(true);
    expect(
      isDbUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })),
    ).toBe(true);
    expect(isDbUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    // better-auth wraps the adapter's error in its own
    expect(
      isDbUnavailable(
        Object.assign(new Error("Failed to get session"), { cause: adapter({ kind: "DatabaseNotReachable" }) }),
      ),
    ).toBe(true);
  });

  it("leaves a query's own errors alone (they are bugs or conflicts, not outages)", () => {
    expect(isDbUnavailable(adapter({ kind: "postgres", code: "23505", message: "duplicate key value" }))).toBe(false);
    expect(
      isDbUnavailable(
        adapter({ kind: "postgres", code: "22021", message: 'invalid byte sequence for encoding "UTF8": 0x00' }),
      ),
    ).toBe(false);
    expect(
      isDbUnavailable(adapter({ kind: "postgres", code: "55000", message: "object not in prerequisite state" })),
    ).toBe(false);
    expect(isDbUnavailable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isDbUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDbUnavailable(null)).toBe(false);
  });

  it("marks an outage with the digest the error pages recognise, and nothing else", () => {
    expect(markDbUnavailable(adapter({ kind: "DatabaseNotReachable" }))).toMatchObject({
      digest: DB_UNAVAILABLE_DIGEST,
    });
    expect(markDbUnavailable(new Error("bug"))).not.toHaveProperty("digest");
  });
});
