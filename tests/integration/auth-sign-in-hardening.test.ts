// Sign-in and sessions, as an attacker would try them: session tokens at rest, the password change
// as a guessing oracle, `next` after sign-in, HTTPS cookies, token revocation, anonymous refusals
// and the access-log page's filters.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_PROTO_HEADER } from "../../scripts/lib/client-address.mjs";
import { ORIGIN, PASSWORD, type World, browserHeaders, createWorld, dropWorld, signInCookie } from "./auth-fixtures";

let world: World;
beforeAll(async () => {
  world = await createWorld();
}, 120_000);
afterAll(() => dropWorld(world));

const tokenOf = (cookie: string) => decodeURIComponent(cookie.split("=")[1]).split(".")[0];
const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");
const viewer = async (cookie: string) => (await import("@/lib/auth/session")).viewerFromHeaders(browserHeaders(cookie));

function form(path: string, fields: Record<string, string>, headers: Headers = browserHeaders()): Request {
  headers.set("content-type", "application/x-www-form-urlencoded");
  return new Request(`${ORIGIN}${path}`, { method: "POST", headers, body: new URLSearchParams(fields) });
}

describe("session tokens at rest", () => {
  it("the session table never holds the cookie's token, only its SHA-256; sign-in, sign-out and expiry still work", async () => {
    const { prisma } = world.database;
    const cookie = await signInCookie("can.bo.nt");
    const raw = tokenOf(cookie);
    expect(raw).toMatch(/^[A-Za-z0-9]{32}$/);
    // nowhere in any column of any session row
    const dump = await prisma.$queryRaw<{ row: string }[]>`SELECT s::text AS row FROM "session" s`;
    expect(dump.length).toBeGreaterThan(0);
    expect(dump.filter((r) => r.row.includes(raw))).toEqual([]);
    const row = await prisma.session.findUniqueOrThrow({ where: { token: sha256(raw) }, select: { userId: true } });
    expect(row.userId).toBe(world.users.official.id);
    expect((await viewer(cookie))?.userId).toBe(world.users.official.id);

    // a stolen table row is not a cookie: its value, signed or not, opens nothing
    expect(await viewer(`ctk.session_token=${sha256(raw)}`)).toBeNull();

    // sign-out deletes the row
    const { POST } = await import("@/app/api/auth/sign-out/route");
    const res = await POST(form("/api/auth/sign-out", {}, browserHeaders(cookie)));
    expect(res.status).toBe(303);
    expect(await prisma.session.count({ where: { token: sha256(raw) } })).toBe(0);
    expect(await viewer(cookie)).toBeNull();

    // the idle limit still ends a session
    const idle = await signInCookie("can.bo.nt");
    await prisma.session.update({
      where: { token: sha256(tokenOf(idle)) },
      data: { updatedAt: new Date(Date.now() - 31 * 60_000) },
    });
    expect(await viewer(idle)).toBeNull();
  });

  it("the database refuses a raw token, and the migration hashes old tokens as the app does", async () => {
    const { prisma } = world.database;
    await expect(
      prisma.session.create({
        data: {
          id: "s-raw",
          token: "A".repeat(32),
          userId: world.users.staff.id,
          expiresAt: new Date(Date.now() + 60_000),
        },
      }),
    ).rejects.toThrow(/session_token_is_sha256/);
    const [{ hashed }] = await prisma.$queryRaw<
      { hashed: string }[]
    >`SELECT encode(sha256(convert_to(${"Ab3dEf"}, 'UTF8')), 'hex') AS hashed`;
    const { storedSessionToken } = await import("@/lib/auth/session-token-store");
    expect(storedSessionToken("Ab3dEf")).toBe(hashed);
  });
});

describe("password change", () => {
  it("is throttled like sign-in and logs every failure", async () => {
    const { prisma } = world.database;
    const address = "198.51.100.90";
    const cookie = await signInCookie("can.bo.quan", PASSWORD, address);
    const { POST } = await import("@/app/api/auth/password/route");
    const change = (currentPassword: string, newPassword = "một-mật-khẩu-mới-rất-dài") =>
      POST(
        form(
          "/api/auth/password",
          { currentPassword, newPassword, confirmPassword: newPassword },
          browserHeaders(cookie, address),
        ),
      );

    const before = await prisma.accessLog.count({
      where: { event: "PASSWORD_CHANGE_FAILED", userId: world.users.staff.id },
    });
    // a policy refusal is logged too
    expect((await change(PASSWORD, "password2026")).headers.get("location")).toMatch(/^\/doi-mat-khau\?loi=/);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await change(`doan-sai-${i}-mat-khau`)).status);
    expect(statuses.every((s) => s === 303)).toBe(true);
    // the 11th guess is refused without checking the password — even the right one
    const limited = await change(PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("900");
    expect(await limited.text()).toContain("Quá nhiều lần nhập sai mật khẩu");
    expect(
      await prisma.accessLog.count({ where: { event: "PASSWORD_CHANGE_FAILED", userId: world.users.staff.id } }),
    ).toBe(before + 12);
    expect(await prisma.accessLog.count({ where: { event: "PASSWORD_CHANGED", userId: world.users.staff.id } })).toBe(
      0,
    );
    // the same limits guard sign-in: the guesses counted against the account there as well
    const { signIn } = await import("@/lib/auth/sign-in");
    expect(
      await signIn({ identifier: "can.bo.quan", password: PASSWORD }, browserHeaders(undefined, address)),
    ).toMatchObject({ ok: false, code: "busy" });
  }, 60_000);
});

describe("next after sign-in", () => {
  const signInTo = async (next: string, proto?: string) => {
    const { POST } = await import("@/app/api/auth/sign-in/route");
    const headers = browserHeaders(undefined, "192.0.2.77");
    if (proto) headers.set(CLIENT_PROTO_HEADER, proto);
    return POST(form("/api/auth/sign-in", { identifier: "dang.uy.nt", password: PASSWORD, next }, headers));
  };

  it("goes to a non-ASCII path of this site (percent-encoded), not a 500", async () => {
    const res = await signInTo("/ệ?x=đ");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/%E1%BB%87?x=%C4%91");
  });

  it("never leaves the site", async () => {
    for (const next of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example/",
      "/\t/evil.example",
      "/./\\evil.example",
      "/a\r\nSet-Cookie: x=1",
      "/a\u0000b",
    ]) {
      const res = await signInTo(next);
      expect(res.status, JSON.stringify(next)).toBe(303);
      expect(res.headers.get("location"), JSON.stringify(next)).toBe("/");
    }
    // an escaped line break stays escaped: a path of this site, no header injected
    expect((await signInTo("/%0d%0aSet-Cookie:x=1")).headers.get("location")).toBe("/%0d%0aSet-Cookie:x=1");
  });

  it("marks the session cookie Secure when the request came over HTTPS (a trusted proxy says so)", async () => {
    const secure = (await signInTo("/", "https")).headers
      .getSetCookie()
      .find((c) => c.startsWith("ctk.session_token="));
    expect(secure).toMatch(/;\s*Secure/i);
    const plain = (await signInTo("/", "http")).headers.getSetCookie().find((c) => c.startsWith("ctk.session_token="));
    expect(plain).not.toMatch(/;\s*Secure/i);
  });
});

describe("API token revocation", () => {
  it("answers 404 for a token that does not exist and logs nothing", async () => {
    const { prisma } = world.database;
    const cookie = await signInCookie("quan.tri");
    const { POST } = await import("@/app/api/admin/api-tokens/[id]/revoke/route");
    const revoke = (id: string) => {
      const headers = browserHeaders(cookie);
      headers.set("content-type", "application/json");
      return POST(new Request(`${ORIGIN}/api/admin/api-tokens/${id}/revoke`, { method: "POST", headers, body: "{}" }), {
        params: Promise.resolve({ id }),
      });
    };
    const before = await prisma.accessLog.count({ where: { event: "TOKEN_REVOKED" } });
    expect((await revoke("987654")).status).toBe(404);
    expect((await revoke("99999999999")).status).toBe(400);
    expect(await prisma.accessLog.count({ where: { event: "TOKEN_REVOKED" } })).toBe(before);

    const { issueApiToken } = await import("@/lib/auth/api-token");
    const { id } = await issueApiToken({
      name: "thử thu hồi",
      orgUnitId: world.units.boDe,
      createdById: world.users.admin.id,
    });
    expect((await revoke(String(id))).status).toBe(200);
    expect((await revoke(String(id))).status).toBe(200); // already revoked: nothing more happens
    expect(await prisma.accessLog.count({ where: { event: "TOKEN_REVOKED" } })).toBe(before + 1);
  });
});

describe("anonymous refusals", () => {
  it("are counted per address and hour, not logged row by row", async () => {
    const { prisma } = world.database;
    const { GET } = await import("@/app/api/v1/org-units/[slug]/route");
    const before = await prisma.accessLog.count();
    for (let i = 0; i < 40; i++) {
      const headers = browserHeaders(undefined, i % 2 ? "203.0.113.20" : "203.0.113.21");
      await GET(new Request(`${ORIGIN}/api/v1/org-units/bo-de`, { headers }), {
        params: Promise.resolve({ slug: "bo-de" }),
      });
    }
    expect(await prisma.accessLog.count()).toBe(before);
    const rows = await prisma.anonymousRefusal.findMany({
      where: { kind: "api" },
      orderBy: { address: "asc" },
      select: { address: true, count: true, lastTarget: true },
    });
    expect(rows).toEqual([
      { address: "203.0.113.20", count: 20, lastTarget: "GET /api/v1/org-units/bo-de" },
      { address: "203.0.113.21", count: 20, lastTarget: "GET /api/v1/org-units/bo-de" },
    ]);
  });

  it("a cross-site post without a session is counted; with someone's session it is logged", async () => {
    const { prisma } = world.database;
    const { POST } = await import("@/app/api/auth/sign-out/route");
    const crossSite = (cookie?: string) => {
      const headers = browserHeaders(cookie, "203.0.113.30");
      headers.set("origin", "https://evil.example");
      return POST(new Request(`${ORIGIN}/api/auth/sign-out`, { method: "POST", headers }));
    };
    const before = await prisma.accessLog.count({ where: { event: "REFUSED" } });
    for (let i = 0; i < 5; i++) expect((await crossSite()).status).toBe(403);
    expect(await prisma.accessLog.count({ where: { event: "REFUSED" } })).toBe(before);
    expect(
      await prisma.anonymousRefusal.findFirst({
        where: { address: "203.0.113.30", kind: "cross-site" },
        select: { count: true },
      }),
    ).toEqual({ count: 5 });
    expect((await crossSite(await signInCookie("can.bo.bd"))).status).toBe(403);
    expect(await prisma.accessLog.count({ where: { event: "REFUSED", userId: world.users.otherOfficial.id } })).toBe(1);
  });
});

describe("access-log page", () => {
  it("pages and filters by who, what and when in SQL", async () => {
    const { prisma } = world.database;
    await prisma.accessLog.createMany({
      data: [
        ...Array.from({ length: 120 }, (_, i) => ({
          event: "SIGN_IN_FAILED" as const,
          identifier: "ke.do.doan",
          address: "192.0.2.99",
          at: new Date(Date.parse("2026-03-10T03:00:00Z") + i * 60_000),
        })),
        {
          event: "SIGN_IN" as const,
          userId: world.users.committee.id,
          identifier: "dang.uy.nt",
          address: "192.0.2.98",
          at: new Date("2026-03-11T17:30:00Z"),
        }, // 00:30 on 12 March in Hà Nội
      ],
    });
    const { listAccessLog, ACCESS_LOG_PAGE_SIZE } = await import("@/lib/data/accounts");
    const first = await listAccessLog({ who: "ke.do", event: "SIGN_IN_FAILED" });
    expect(first).toMatchObject({ total: 120, page: 1, pages: Math.ceil(120 / ACCESS_LOG_PAGE_SIZE) });
    expect(first.rows).toHaveLength(ACCESS_LOG_PAGE_SIZE);
    const last = await listAccessLog({ who: "ke.do", event: "SIGN_IN_FAILED", page: 99 });
    expect(last.page).toBe(first.pages);
    expect(last.rows).toHaveLength(120 - (first.pages - 1) * ACCESS_LOG_PAGE_SIZE);
    expect(new Set([...first.rows, ...last.rows].map((r) => r.id)).size).toBe(first.rows.length + last.rows.length);

    // who: the account's user name; when: Hà Nội days, inclusive
    const committee = await listAccessLog({ who: "dang.uy", from: "2026-03-12", to: "2026-03-12" });
    expect(committee.rows.map((r) => [r.event, r.who])).toEqual([["SIGN_IN", "dang.uy.nt"]]);
    expect((await listAccessLog({ who: "dang.uy", from: "2026-03-11", to: "2026-03-11" })).total).toBe(0);
    expect((await listAccessLog({ who: "192.0.2.99", to: "2026-03-10" })).total).toBe(120);

    // the page reads its filters from the URL
    const { accessLogQuerySchema } = await import("@/lib/validation/admin");
    expect(
      accessLogQuerySchema.parse({ ai: "ke.do", su_kien: "SIGN_IN_FAILED", tu: "2026-03-10", trang: "2" }),
    ).toEqual({ ai: "ke.do", su_kien: "SIGN_IN_FAILED", tu: "2026-03-10", den: undefined, trang: 2 });
    expect(accessLogQuerySchema.parse({ su_kien: "DROP TABLE", tu: "hôm qua", trang: "-1" })).toEqual({
      ai: undefined,
      su_kien: undefined,
      tu: undefined,
      den: undefined,
      trang: undefined,
    });
  });
});
