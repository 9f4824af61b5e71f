// Demo accounts, one per role, created only with the demonstration data (and removed with it).
import crypto from "node:crypto";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { Role } from "../../lib/generated/prisma/enums";
import { createAccount } from "../../lib/auth/accounts";

export const DEMO_ACCOUNTS: { username: string; name: string; role: Role; unit: string }[] = [
  { username: "demo.quan", name: "Cán bộ Quận Long Biên (minh họa)", role: "DISTRICT_STAFF", unit: "long-bien" },
  { username: "demo.phuong", name: "Cán bộ phường Ngọc Thụy (minh họa)", role: "WARD_OFFICIAL", unit: "ngoc-thuy" },
  {
    username: "demo.danguy",
    name: "Đảng ủy phường Ngọc Thụy (minh họa)",
    role: "WARD_PARTY_COMMITTEE",
    unit: "ngoc-thuy",
  },
  { username: "demo.quantri", name: "Quản trị (minh họa)", role: "ADMINISTRATOR", unit: "ha-noi" },
];

/**
 * Creates the missing demo accounts (existing ones keep their password). Their password is
 * `password` (DEMO_PASSWORD), else a random one; returned so that the seed can print it.
 */
export async function syncDemoAccounts(
  prisma: PrismaClient,
  password?: string,
): Promise<{ created: string[]; password: string | null }> {
  const pw = password ?? crypto.randomBytes(12).toString("base64url");
  const created: string[] = [];
  for (const a of DEMO_ACCOUNTS) {
    if (await prisma.user.findUnique({ where: { username: a.username }, select: { id: true } })) continue;
    const unit = await prisma.orgUnit.findUnique({ where: { slug: a.unit }, select: { id: true } });
    if (!unit) throw new Error(`Đơn vị không có: ${a.unit}`);
    await createAccount(prisma, {
      username: a.username,
      name: a.name,
      password: pw,
      isDemo: true,
      roles: [{ role: a.role, orgUnitId: unit.id }],
    });
    created.push(a.username);
  }
  return { created, password: created.length ? pw : null };
}

/** Without demo data there are no demo accounts (their sessions and roles go with them). */
export async function removeDemoAccounts(prisma: PrismaClient): Promise<number> {
  const { count } = await prisma.user.deleteMany({ where: { isDemo: true } });
  return count;
}
