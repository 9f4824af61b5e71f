import { handle } from "@/lib/api/http";
import { logAccess } from "@/lib/auth/access-log";
import { adminAnswer, requireAccountManager } from "@/lib/auth/admin-route";
import { readBody } from "@/lib/auth/route-guard";
import { db } from "@/lib/db";
import { roleChangeSchema } from "@/lib/validation/admin";
import { userIdSchema } from "@/lib/validation/auth";

// Grants or revokes a role on an org unit: {"op": "grant" | "revoke", "role": "WARD_OFFICIAL", "unit": "ngoc-thuy"}.
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const guard = await requireAccountManager(request);
    if ("refusal" in guard) return guard.refusal;
    const { body: raw, isForm } = await readBody(request);
    const id = userIdSchema.safeParse((await ctx.params).id);
    const body = roleChangeSchema.safeParse(raw);
    if (!id.success || !body.success) return adminAnswer(isForm, 400, body.error?.issues[0]?.message ?? "Yêu cầu không hợp lệ.");
    const { op, role, unit: slug } = body.data;
    const [user, unit] = await Promise.all([
      db().user.findUnique({ where: { id: id.data }, select: { id: true } }),
      db().orgUnit.findUnique({ where: { slug }, select: { id: true } }),
    ]);
    if (!user) return adminAnswer(isForm, 404, "Không tìm thấy tài khoản.");
    if (!unit) return adminAnswer(isForm, 404, `Không có đơn vị “${slug}”.`);
    if (op === "revoke" && role === "ADMINISTRATOR" && id.data === guard.viewer.userId) {
      return adminAnswer(isForm, 400, "Không thể tự bỏ quyền quản trị của mình.");
    }
    const key = { userId: id.data, role, orgUnitId: unit.id };
    if (op === "grant") await db().roleAssignment.upsert({ where: { userId_role_orgUnitId: key }, create: key, update: {} });
    else await db().roleAssignment.deleteMany({ where: key });
    await logAccess({ event: op === "grant" ? "ROLE_GRANTED" : "ROLE_REVOKED", userId: guard.viewer.userId, target: `user ${id.data}`, detail: `${role} @ ${slug}` });
    return adminAnswer(isForm, 200, op === "grant" ? "Đã gán vai trò." : "Đã bỏ vai trò.");
  });
}
