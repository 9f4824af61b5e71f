import { handle } from "@/lib/api/http";
import { logAccess } from "@/lib/auth/access-log";
import { setDisabled } from "@/lib/auth/accounts";
import { accountRequest, adminAnswer } from "@/lib/auth/admin-route";
import { db } from "@/lib/db";
import { disableSchema } from "@/lib/validation/auth";

// {"disabled": true} disables an account (its sessions end at once); false enables it again.
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const req = await accountRequest(request, ctx.params, disableSchema);
    if ("refusal" in req) return req.refusal;
    const { isForm } = req;
    if (req.userId === req.viewer.userId) return adminAnswer(isForm, 400, "Không thể tự khóa tài khoản của mình.");
    const exists = await db().user.findUnique({ where: { id: req.userId }, select: { id: true } });
    if (!exists) return adminAnswer(isForm, 404, "Không tìm thấy tài khoản.");
    await setDisabled(db(), req.userId, req.body.disabled);
    await logAccess({ event: req.body.disabled ? "ACCOUNT_DISABLED" : "ACCOUNT_ENABLED", userId: req.viewer.userId, target: `user ${req.userId}` });
    return adminAnswer(isForm, 200, req.body.disabled ? "Đã khóa tài khoản; các phiên của tài khoản đã kết thúc." : "Đã mở khóa tài khoản.");
  });
}
