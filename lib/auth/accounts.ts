// Account changes, on a given Prisma client (the app's, the seed's, the create-admin command's, the
// tests'). No `server-only`: the command runs outside Next.js. Callers check canManageAccounts first.
import crypto from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "./argon2";
import { passwordProblem } from "./password-policy";

export class AccountError extends Error {}

const USERNAME = /^[a-z0-9_.]{3,40}$/;

export type NewAccount = {
  username: string;
  name: string;
  email?: string;
  password: string;
  roles?: { role: Role; orgUnitId: number }[];
  isDemo?: boolean;
  mustChangePassword?: boolean;
};

/** Creates a user with a password credential (the rows better-auth reads at sign-in). */
export async function createAccount(prisma: PrismaClient, input: NewAccount): Promise<{ id: string }> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username))
    throw new AccountError("Tên đăng nhập gồm 3–40 chữ thường không dấu, chữ số, dấu chấm hoặc gạch dưới.");
  const problem = await passwordProblem(input.password, { username });
  if (problem) throw new AccountError(problem);
  // better-auth needs an e-mail; accounts without one get an address that cannot receive mail
  const email = (input.email?.trim() || `${username}@khong-co-email.invalid`).toLowerCase();
  const id = crypto.randomBytes(16).toString("base64url");
  const hash = await hashPassword(input.password);
  await prisma.$transaction([
    prisma.user.create({
      data: {
        id,
        name: input.name,
        email,
        username,
        displayUsername: input.username.trim(),
        isDemo: input.isDemo ?? false,
        mustChangePassword: input.mustChangePassword ?? false,
      },
    }),
    prisma.account.create({
      data: {
        id: crypto.randomBytes(16).toString("base64url"),
        accountId: id,
        providerId: "credential",
        userId: id,
        password: hash,
      },
    }),
    ...(input.roles ?? []).map((r) =>
      prisma.roleAssignment.create({ data: { userId: id, role: r.role, orgUnitId: r.orgUnitId } }),
    ),
  ]);
  return { id };
}

/** Sets a new password; `mustChange` (an administrator's reset) sends the user to change it at next sign-in. Ends every session. */
export async function setPassword(
  prisma: PrismaClient,
  userId: string,
  password: string,
  mustChange: boolean,
): Promise<void> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { username: true } });
  if (!user) throw new AccountError("Không tìm thấy tài khoản.");
  const problem = await passwordProblem(password, { username: user.username ?? undefined });
  if (problem) throw new AccountError(problem);
  const hash = await hashPassword(password);
  await prisma.$transaction([
    prisma.account.updateMany({ where: { userId, providerId: "credential" }, data: { password: hash } }),
    prisma.user.update({ where: { id: userId }, data: { mustChangePassword: mustChange } }),
    prisma.session.deleteMany({ where: { userId } }),
  ]);
}

/** Disables (or enables) an account; disabling ends its sessions at once. */
export async function setDisabled(prisma: PrismaClient, userId: string, disabled: boolean): Promise<void> {
  await prisma.$transaction([
    prisma.user.update({ where: { id: userId }, data: { disabled } }),
    ...(disabled ? [prisma.session.deleteMany({ where: { userId } })] : []),
  ]);
}
