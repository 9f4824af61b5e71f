import { handle, jsonError, jsonOk } from "@/lib/api/http";
import { logAccess } from "@/lib/auth/access-log";
import { setDisabled } from "@/lib/auth/accounts";
import { requireAccountManager } from "@/lib/auth/admin-route";
import { db } from "@/lib/db";
import { disableSchema, userIdSchema } from "@/lib/validation/auth";

// {"disabled": true} disables an account (its sessions end at once); false enables it again.
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const guard = await requireAccountManager(request);
    if ("refusal" in guard) return guard.refusal;
    const id = userIdSchema.safeParse((await ctx.params).id);
    const body = disableSchema.safeParse(await request.json().catch(() => null));
    if (!id.success || !body.success) return jsonError(400, "bad_request", "Yêu cầu không hợp lệ.");
    if (id.data === guard.viewer.userId) return jsonError(400, "bad_request", "Không thể tự khóa tài khoản của mình.");
    const exists = await db().user.findUnique({ where: { id: id.data }, select: { id: true } });
    if (!exists) return jsonError(404, "not_found", "Không tìm thấy tài khoản.");
    await setDisabled(db(), id.data, body.data.disabled);
    await logAccess({ event: body.data.disabled ? "ACCOUNT_DISABLED" : "ACCOUNT_ENABLED", userId: guard.viewer.userId, target: `user ${id.data}` });
    return jsonOk({ ok: true });
  });
}
