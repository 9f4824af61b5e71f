import { handle } from "@/lib/api/http";
import { logAccess } from "@/lib/auth/access-log";
import { setDisabled } from "@/lib/auth/accounts";
import { adminAnswer, requireAccountManager } from "@/lib/auth/admin-route";
import { readBody } from "@/lib/auth/route-guard";
import { db } from "@/lib/db";
import { disableSchema, userIdSchema } from "@/lib/validation/auth";

// {"disabled": true} disables an account (its sessions end at once); false enables it again.
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const guard = await requireAccountManager(request);
    if ("refusal" in guard) return guard.refusal;
    const { body: raw, isForm } = await readBody(request);
    const id = userIdSchema.safeParse((await ctx.params).id);
    const body = disableSchema.safeParse(raw);
    if (!id.success || !body.success) return adminAnswer(isForm, 400, "Yêu cầu không hợp lệ.");
    if (id.data === guard.viewer.userId) return adminAnswer(isForm, 400, "Không thể tự khóa tài khoản của mình.");
    const exists = await db().user.findUnique({ where: { id: id.data }, select: { id: true } });
    if (!exists) return adminAnswer(isForm, 404, "Không tìm thấy tài khoản.");
    await setDisabled(db(), id.data, body.data.disabled);
    await logAccess({ event: body.data.disabled ? "ACCOUNT_DISABLED" : "ACCOUNT_ENABLED", userId: guard.viewer.userId, target: `user ${id.data}` });
    return adminAnswer(isForm, 200, body.data.disabled ? "Đã khóa tài khoản; các phiên của tài khoản đã kết thúc." : "Đã mở khóa tài khoản.");
  });
}
