import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, type World, browserHeaders, createWorld, dropWorld, signInCookie } from "./auth-fixtures";

let world: World;
beforeAll(async () => {
  world = await createWorld();
}, 120_000);
afterAll(() => dropWorld(world));

const USUAL = "198.51.100.7";
const ATTACKER = "203.0.113.66";

async function attempt(identifier: string, password: string, address: string) {
  const { signIn } = await import("@/lib/auth/sign-in");
  return signIn({ identifier, password }, browserHeaders(undefined, address));
}

describe("sign-in rate limiting (in PostgreSQL)", () => {
  it("slows, then refuses guessing on an account, while the real user at their usual address still signs in", async () => {
    await signInCookie("can.bo.nt", PASSWORD, USUAL); // the usual address: a success from it

    const started = Date.now();
    const results = [];
    for (let i = 0; i < 11; i++) results.push(await attempt("can.bo.nt", `doan-sai-lan-${i}-xyz`, ATTACKER));
    expect(results.slice(0, 10).every((r) => !r.ok && r.code === "invalid")).toBe(true);
    expect(results[10]).toMatchObject({ ok: false, code: "busy" });
    expect(Date.now() - started).toBeGreaterThan(1_000); // slowed before refused

    // even the right password is refused from the guessing address, or any address new to the account
    expect(await attempt("can.bo.nt", PASSWORD, ATTACKER)).toMatchObject({ ok: false, code: "busy" });
    expect(await attempt("can.bo.nt", PASSWORD, "192.0.2.200")).toMatchObject({ ok: false, code: "busy" });
    // the real user, from their usual address, is not locked out
    expect((await attempt("can.bo.nt", PASSWORD, USUAL)).ok).toBe(true);
    // switching to the e-mail address does not buy new guesses
    expect(await attempt("can.bo.nt@khong-co-email.invalid", "doan-sai-nua-xyz", ATTACKER)).toMatchObject({
      code: "busy",
    });
    // the attempts and the refusal are in the access log
    const { prisma } = world.database;
    expect(await prisma.accessLog.count({ where: { event: "SIGN_IN_FAILED", address: ATTACKER } })).toBe(10);
    expect(await prisma.accessLog.count({ where: { event: "SIGN_IN_LIMITED" } })).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it("refuses one address spraying many accounts", async () => {
    const { prisma } = world.database;
    const now = Date.now();
    await prisma.signInAttempt.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({
        identifier: `name:nguoi-${i}`,
        address: "203.0.113.99",
        success: false,
        at: new Date(now - i * 1000),
      })),
    });
    expect(await attempt("dang.uy.nt", PASSWORD, "203.0.113.99")).toMatchObject({ code: "busy" });
    expect((await attempt("dang.uy.nt", PASSWORD, "203.0.113.100")).ok).toBe(true);
  });

  it("forgets failures older than the window", async () => {
    const { prisma } = world.database;
    await prisma.signInAttempt.createMany({
      data: Array.from({ length: 12 }, () => ({
        identifier: `user:${world.users.staff.id}`,
        address: "203.0.113.5",
        success: false,
        at: new Date(Date.now() - 16 * 60_000),
      })),
    });
    expect((await attempt("can.bo.quan", PASSWORD, "203.0.113.5")).ok).toBe(true);
  });

  it("the sign-in route answers 429 with Retry-After once refused", async () => {
    const { prisma } = world.database;
    await prisma.signInAttempt.createMany({
      data: Array.from({ length: 10 }, () => ({
        identifier: `user:${world.users.admin.id}`,
        address: "203.0.113.7",
        success: false,
      })),
    });
    const { POST } = await import("@/app/api/auth/sign-in/route");
    const res = await POST(
      new Request("http://ctk.test/api/auth/sign-in", {
        method: "POST",
        headers: {
          origin: "http://ctk.test",
          host: "ctk.test",
          "x-ctk-client-address": "203.0.113.7",
          "content-type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({ identifier: "quan.tri", password: PASSWORD }),
      }),
    );
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("900");
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await res.text()).toContain("Quá nhiều lần đăng nhập sai");
  });
});
