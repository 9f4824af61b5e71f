import "server-only";
// What the administrator routes do, on the app's database, each change written to the access log.
// The routes check the administrator (admin-route.ts) and parse the request; these act and say how it
// went, with the Vietnamese message the administrator sees.
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { logAccess } from "./access-log";
import { AccountError, createAccount, setDisabled, setPassword } from "./accounts";
import { issueApiToken, revokeApiToken } from "./api-token";

export type AdminOutcome<T = unknown> =
  { ok: true; message: string; value: T } | { ok: false; status: 400 | 404; message: string };

const done = <T>(message: string, value: T): AdminOutcome<T> => ({ ok: true, message, value });
const failed = (status: 400 | 404, message: string): AdminOutcome<never> => ({ ok: false, status, message });
const noUnit = (slug: string) => failed(404, `Không có đơn vị “${slug}”.`);
const noAccount = () => failed(404, "Không tìm thấy tài khoản.");

async function unitId(slug: string): Promise<number | null> {
  return (await db().orgUnit.findUnique({ where: { slug }, select: { id: true } }))?.id ?? null;
}

async function accountExists(userId: string): Promise<boolean> {
  return !!(await db().user.findUnique({ where: { id: userId }, select: { id: true } }));
}

/** Creates an account with one role on one unit; its temporary password must be changed at first sign-in. */
export async function createAccountWithRole(
  actorId: string,
  input: { username: string; name: string; email?: string; password: string; role: Role; unit: string },
): Promise<AdminOutcome<{ id: string }>> {
  const { unit: slug, role, ...account } = input;
  const orgUnitId = await unitId(slug);
  if (orgUnitId === null) return noUnit(slug);
  let id: string;
  try {
    ({ id } = await createAccount(db(), { ...account, mustChangePassword: true, roles: [{ role, orgUnitId }] }));
  } catch (e) {
    if (e instanceof AccountError) return failed(400, e.message);
    if ((e as { code?: string }).code === "P2002") return failed(400, "Tên đăng nhập hoặc e-mail đã có.");
    throw e;
  }
  await logAccess({ event: "ACCOUNT_CREATED", userId: actorId, target: `user ${id}`, detail: `${role} @ ${slug}` });
  return done(`Đã tạo tài khoản ${account.username.toLowerCase()}.`, { id });
}

/** An administrator's reset: the user's sessions end and they must change the password at next sign-in. */
export async function resetPassword(actorId: string, userId: string, password: string): Promise<AdminOutcome> {
  try {
    await setPassword(db(), userId, password, true);
  } catch (e) {
    if (e instanceof AccountError) return failed(400, e.message);
    throw e;
  }
  await logAccess({ event: "PASSWORD_RESET", userId: actorId, target: `user ${userId}` });
  return done("Đã đặt lại mật khẩu; người dùng phải đổi mật khẩu khi đăng nhập.", null);
}

/** Disables (its sessions end at once) or enables an account; nobody disables their own. */
export async function setAccountDisabled(actorId: string, userId: string, disabled: boolean): Promise<AdminOutcome> {
  if (userId === actorId) return failed(400, "Không thể tự khóa tài khoản của mình.");
  if (!(await accountExists(userId))) return noAccount();
  await setDisabled(db(), userId, disabled);
  await logAccess({
    event: disabled ? "ACCOUNT_DISABLED" : "ACCOUNT_ENABLED",
    userId: actorId,
    target: `user ${userId}`,
  });
  return done(disabled ? "Đã khóa tài khoản; các phiên của tài khoản đã kết thúc." : "Đã mở khóa tài khoản.", null);
}

/** Grants or revokes a role on a unit; an administrator cannot revoke their own administrator role. */
export async function changeRole(
  actorId: string,
  userId: string,
  change: { op: "grant" | "revoke"; role: Role; unit: string },
): Promise<AdminOutcome> {
  const { op, role, unit: slug } = change;
  const [exists, orgUnitId] = await Promise.all([accountExists(userId), unitId(slug)]);
  if (!exists) return noAccount();
  if (orgUnitId === null) return noUnit(slug);
  if (op === "revoke" && role === "ADMINISTRATOR" && userId === actorId)
    return failed(400, "Không thể tự bỏ quyền quản trị của mình.");
  const key = { userId, role, orgUnitId };
  if (op === "grant")
    await db().roleAssignment.upsert({ where: { userId_role_orgUnitId: key }, create: key, update: {} });
  else await db().roleAssignment.deleteMany({ where: key });
  await logAccess({
    event: op === "grant" ? "ROLE_GRANTED" : "ROLE_REVOKED",
    userId: actorId,
    target: `user ${userId}`,
    detail: `${role} @ ${slug}`,
  });
  return done(op === "grant" ? "Đã gán vai trò." : "Đã bỏ vai trò.", null);
}

/** Issues a read-only API token for a unit (and the units below it); the token is in the outcome only. */
export async function issueTokenForUnit(
  actorId: string,
  input: { name: string; unit: string },
): Promise<AdminOutcome<{ id: number; token: string }>> {
  const orgUnitId = await unitId(input.unit);
  if (orgUnitId === null) return noUnit(input.unit);
  const issued = await issueApiToken({ name: input.name, orgUnitId, createdById: actorId });
  await logAccess({ event: "TOKEN_ISSUED", userId: actorId, target: `api_token ${issued.id}`, detail: input.unit });
  return done("Đã cấp mã truy cập.", issued);
}

export async function revokeToken(actorId: string, tokenId: number): Promise<AdminOutcome> {
  // only a revocation that happened is logged: an unknown or already revoked token changes nothing
  const outcome = await revokeApiToken(tokenId);
  if (outcome === "missing") return failed(404, "Không tìm thấy mã truy cập.");
  if (outcome === "already") return done("Mã truy cập này đã bị thu hồi trước đó.", null);
  await logAccess({ event: "TOKEN_REVOKED", userId: actorId, target: `api_token ${tokenId}` });
  return done("Đã thu hồi mã truy cập.", null);
}
