import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, type World, browserHeaders, createWorld, dropWorld, signInCookie } from "./auth-fixtures";

let world: World;
beforeAll(async () => {
  world = await createWorld();
}, 120_000);
afterAll(() => dropWorld(world));

const viewer = async (cookie: string) => (await import("@/lib/auth/session")).viewerFromHeaders(browserHeaders(cookie));
const tokenOf = (cookie: string) => decodeURIComponent(cookie.split("=")[1]).split(".")[0];
/** What the session table holds for a cookie: the SHA-256 of its token, never the token. */
const storedTokenOf = (cookie: string) => crypto.createHash("sha256").update(tokenOf(cookie)).digest("hex");

describe("sessions", () => {
  it("signs in with user name or e-mail; the session holds the person's roles", async () => {
    const cookie = await signInCookie("can.bo.nt");
    const v = await viewer(cookie);
    expect(v).toMatchObject({
      userId: world.users.official.id,
      grants: [{ role: "WARD_OFFICIAL", orgUnitId: world.units.ngocThuy }],
    });
    expect(await viewer(await signInCookie("Can.Bo.NT@khong-co-email.invalid"))).not.toBeNull();
  });

  it("stores the password as argon2id at OWASP's minimum", async () => {
    const row = await world.database.prisma.account.findFirstOrThrow({ where: { userId: world.users.official.id } });
    expect(row.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("creates a new random session id (≥ 128 bits) at every sign-in", async () => {
    const a = tokenOf(await signInCookie("dang.uy.nt"));
    const b = tokenOf(await signInCookie("dang.uy.nt"));
    expect(a).not.toBe(b);
    // 32 characters of [A-Za-z0-9]: 32·log2(62) ≈ 190 bits
    expect(a).toMatch(/^[A-Za-z0-9]{32,}$/);
  });

  it("refuses a wrong password and an unknown account alike", async () => {
    const { signIn } = await import("@/lib/auth/sign-in");
    expect(
      await signIn({ identifier: "can.bo.nt", password: "sai-mat-khau-123" }, browserHeaders(undefined, "192.0.2.50")),
    ).toEqual({ ok: false, code: "invalid" });
    expect(
      await signIn({ identifier: "khong.ai", password: PASSWORD }, browserHeaders(undefined, "192.0.2.50")),
    ).toEqual({ ok: false, code: "invalid" });
  });

  it("ends a session idle for 30 minutes, and any session after 12 hours", async () => {
    const { prisma } = world.database;
    const idle = await signInCookie("can.bo.quan");
    await prisma.session.update({
      where: { token: storedTokenOf(idle) },
      data: { updatedAt: new Date(Date.now() - 31 * 60_000) },
    });
    expect(await viewer(idle)).toBeNull();
    expect(await prisma.session.count({ where: { token: storedTokenOf(idle) } })).toBe(0);

    const active = await signInCookie("can.bo.quan");
    await prisma.session.update({
      where: { token: storedTokenOf(active) },
      data: { updatedAt: new Date(Date.now() - 29 * 60_000) },
    });
    expect(await viewer(active)).not.toBeNull();

    const old = await signInCookie("can.bo.quan");
    await prisma.session.update({
      where: { token: storedTokenOf(old) },
      data: { createdAt: new Date(Date.now() - 12 * 3600_000 - 60_000) },
    });
    expect(await viewer(old)).toBeNull();
  });

  it("ends a disabled account's sessions at once and refuses its sign-in", async () => {
    const { setDisabled } = await import("@/lib/auth/accounts");
    const { signIn } = await import("@/lib/auth/sign-in");
    const { db } = await import("@/lib/db");
    const cookie = await signInCookie("can.bo.bd");
    await setDisabled(db(), world.users.otherOfficial.id, true);
    expect(await viewer(cookie)).toBeNull();
    expect((await signIn({ identifier: "can.bo.bd", password: PASSWORD }, browserHeaders())).ok).toBe(false);
    await setDisabled(db(), world.users.otherOfficial.id, false);
    expect((await signIn({ identifier: "can.bo.bd", password: PASSWORD }, browserHeaders())).ok).toBe(true);
  });

  it("an administrator's reset ends the sessions and forces a change; the change applies the policy", async () => {
    const { setPassword } = await import("@/lib/auth/accounts");
    const { changePassword } = await import("@/lib/auth/password-change");
    const { db } = await import("@/lib/db");
    const before = await signInCookie("quan.tri");
    await expect(setPassword(db(), world.users.admin.id, "123456789", true)).rejects.toThrow(/ít nhất 10/);
    await setPassword(db(), world.users.admin.id, "tam-thoi-doi-ngay-42", true);
    expect(await viewer(before)).toBeNull();

    const cookie = await signInCookie("quan.tri", "tam-thoi-doi-ngay-42");
    expect((await viewer(cookie))?.mustChangePassword).toBe(true);
    const h = browserHeaders(cookie);
    expect(
      await changePassword({ currentPassword: "tam-thoi-doi-ngay-42", newPassword: "password123" }, h),
    ).toMatchObject({ status: "refused", message: expect.stringMatching(/phổ biến/) });
    expect(
      await changePassword({ currentPassword: "sai-roi-sai-roi", newPassword: "mới-và-dài-hơn-nhiều" }, h),
    ).toMatchObject({ status: "refused" });
    const changed = await changePassword({ currentPassword: "tam-thoi-doi-ngay-42", newPassword: PASSWORD }, h);
    expect(changed.status).toBe("changed");
    const after = await signInCookie("quan.tri");
    expect((await viewer(after))?.mustChangePassword).toBe(false);
  });
});
