// The administrator's operations behind /api/admin/** (lib/auth/account-admin.ts): what they refuse,
// and that each change is in the access log under the administrator's name.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type World, createWorld, dropWorld } from "./auth-fixtures";

let world: World;
beforeAll(async () => {
  world = await createWorld();
}, 120_000);
afterAll(() => dropWorld(world));

const admin = () => world.users.admin.id;
const logged = (event: string) =>
  world.database.prisma.accessLog.count({ where: { event: event as never, userId: admin() } });

describe("administrator operations", () => {
  it("create an account with a role on a unit, which must change its password; refuse an unknown unit or a taken name", async () => {
    const { createAccountWithRole } = await import("@/lib/auth/account-admin");
    const input = {
      username: "Nguoi.Moi",
      name: "Người mới",
      password: "mat-khau-tam-thoi-9",
      role: "WARD_OFFICIAL" as const,
      unit: "bo-de",
    };
    const created = await createAccountWithRole(admin(), input);
    expect(created).toMatchObject({ ok: true, message: "Đã tạo tài khoản nguoi.moi." });
    const user = await world.database.prisma.user.findUniqueOrThrow({
      where: { id: created.ok ? created.value.id : "" },
      select: { username: true, mustChangePassword: true, roles: { select: { role: true, orgUnitId: true } } },
    });
    expect(user).toEqual({
      username: "nguoi.moi",
      mustChangePassword: true,
      roles: [{ role: "WARD_OFFICIAL", orgUnitId: world.units.boDe }],
    });
    expect(await logged("ACCOUNT_CREATED")).toBe(1);

    expect(await createAccountWithRole(admin(), { ...input, unit: "khong-co" })).toEqual({
      ok: false,
      status: 404,
      message: "Không có đơn vị “khong-co”.",
    });
    expect(await createAccountWithRole(admin(), input)).toEqual({
      ok: false,
      status: 400,
      message: "Tên đăng nhập hoặc e-mail đã có.",
    });
    expect(await logged("ACCOUNT_CREATED")).toBe(1);
  });

  it("disable others but never oneself; grant and revoke roles but not one's own administrator role", async () => {
    const { changeRole, setAccountDisabled } = await import("@/lib/auth/account-admin");
    const target = world.users.otherOfficial.id;
    expect(await setAccountDisabled(admin(), admin(), true)).toEqual({
      ok: false,
      status: 400,
      message: "Không thể tự khóa tài khoản của mình.",
    });
    expect(await setAccountDisabled(admin(), "khong-ton-tai", true)).toMatchObject({ ok: false, status: 404 });
    expect(await setAccountDisabled(admin(), target, true)).toMatchObject({ ok: true });
    expect((await world.database.prisma.user.findUniqueOrThrow({ where: { id: target } })).disabled).toBe(true);
    expect(await logged("ACCOUNT_DISABLED")).toBe(1);

    expect(
      await changeRole(admin(), target, { op: "grant", role: "WARD_PARTY_COMMITTEE", unit: "bo-de" }),
    ).toMatchObject({ ok: true });
    expect(await world.database.prisma.roleAssignment.count({ where: { userId: target } })).toBe(2);
    expect(
      await changeRole(admin(), target, { op: "revoke", role: "WARD_PARTY_COMMITTEE", unit: "bo-de" }),
    ).toMatchObject({ ok: true });
    expect(await world.database.prisma.roleAssignment.count({ where: { userId: target } })).toBe(1);
    expect(await changeRole(admin(), admin(), { op: "revoke", role: "ADMINISTRATOR", unit: "long-bien" })).toEqual({
      ok: false,
      status: 400,
      message: "Không thể tự bỏ quyền quản trị của mình.",
    });
    expect(
      await world.database.prisma.roleAssignment.count({ where: { userId: admin(), role: "ADMINISTRATOR" } }),
    ).toBe(1);
    expect([await logged("ROLE_GRANTED"), await logged("ROLE_REVOKED")]).toEqual([1, 1]);
  });

  it("issue a token for a known unit only", async () => {
    const { issueTokenForUnit } = await import("@/lib/auth/account-admin");
    expect(await issueTokenForUnit(admin(), { name: "x", unit: "khong-co" })).toMatchObject({ ok: false, status: 404 });
    const issued = await issueTokenForUnit(admin(), { name: "cổng dữ liệu", unit: "ngoc-thuy" });
    expect(issued.ok && issued.value.token).toMatch(/^ctk_/);
    expect(await world.database.prisma.apiToken.count({ where: { orgUnitId: world.units.ngocThuy } })).toBe(1);
    expect(await logged("TOKEN_ISSUED")).toBe(1);
  });
});
