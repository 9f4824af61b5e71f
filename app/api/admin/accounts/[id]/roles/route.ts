import { handle } from "@/lib/api/http";
import { logAccess } from "@/lib/auth/access-log";
import { accountRequest, adminAnswer } from "@/lib/auth/admin-route";
import { db } from "@/lib/db";
import { roleChangeSchema } from "@/lib/validation/admin";

// Grants or revokes a role on an org unit: {"op": "grant" | "revoke", "role": "WARD_OFFICIAL", "unit": "ngoc-thuy"}.
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const req = await accountRequest(request, ctx.params, roleChangeSchema, { explain: true });
    if ("refusal" in req) return req.refusal;
    const { isForm } = req;
    const { op, role, unit: slug } = req.body;
    const [user, unit] = await Promise.all([
      db().user.findUnique({ where: { id: req.userId }, select: { id: true } }),
      db().orgUnit.findUnique({ where: { slug }, select: { id: true } }),
    ]);
    if (!user) return adminAnswer(isForm, 404, "Không tìm thấy tài khoản.");
    if (!unit) return adminAnswer(isForm, 404, `Không có đơn vị “${slug}”.`);
    if (op === "revoke" && role === "ADMINISTRATOR" && req.userId === req.viewer.userId) {
      return adminAnswer(isForm, 400, "Không thể tự bỏ quyền quản trị của mình.");
    }
    const key = { userId: req.userId, role, orgUnitId: unit.id };
    if (op === "grant") await db().roleAssignment.upsert({ where: { userId_role_orgUnitId: key }, create: key, update: {} });
    else await db().roleAssignment.deleteMany({ where: key });
    await logAccess({ event: op === "grant" ? "ROLE_GRANTED" : "ROLE_REVOKED", userId: req.viewer.userId, target: `user ${req.userId}`, detail: `${role} @ ${slug}` });
    return adminAnswer(isForm, 200, op === "grant" ? "Đã gán vai trò." : "Đã bỏ vai trò.");
  });
}
