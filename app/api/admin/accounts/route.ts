import { handle } from "@/lib/api/http";
import { logAccess } from "@/lib/auth/access-log";
import { AccountError, createAccount } from "@/lib/auth/accounts";
import { adminAnswer, requireAccountManager } from "@/lib/auth/admin-route";
import { readBody } from "@/lib/auth/route-guard";
import { db } from "@/lib/db";
import { newAccountSchema } from "@/lib/validation/admin";

// Creates an account with one role on one unit; the password is the administrator's temporary one,
// to be changed at first sign-in. Form (the accounts page) or JSON.
export async function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const guard = await requireAccountManager(request);
    if ("refusal" in guard) return guard.refusal;
    const { body: raw, isForm } = await readBody(request);
    const parsed = newAccountSchema.safeParse(raw);
    if (!parsed.success) return adminAnswer(isForm, 400, parsed.error.issues[0]?.message ?? "Dữ liệu không hợp lệ.");
    const { unit: slug, role, ...input } = parsed.data;
    const unit = await db().orgUnit.findUnique({ where: { slug }, select: { id: true } });
    if (!unit) return adminAnswer(isForm, 404, `Không có đơn vị “${slug}”.`);
    let id: string;
    try {
      ({ id } = await createAccount(db(), { ...input, mustChangePassword: true, roles: [{ role, orgUnitId: unit.id }] }));
    } catch (e) {
      if (e instanceof AccountError) return adminAnswer(isForm, 400, e.message);
      if ((e as { code?: string }).code === "P2002") return adminAnswer(isForm, 400, "Tên đăng nhập hoặc e-mail đã có.");
      throw e;
    }
    await logAccess({ event: "ACCOUNT_CREATED", userId: guard.viewer.userId, target: `user ${id}`, detail: `${role} @ ${slug}` });
    return adminAnswer(isForm, 200, `Đã tạo tài khoản ${input.username.toLowerCase()}.`, { id });
  });
}
