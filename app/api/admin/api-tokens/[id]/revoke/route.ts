import { handle } from "@/lib/api/http";
import { logAccess } from "@/lib/auth/access-log";
import { adminAnswer, requireAccountManager } from "@/lib/auth/admin-route";
import { revokeApiToken } from "@/lib/auth/api-token";
import { readBody } from "@/lib/auth/route-guard";
import { tokenIdSchema } from "@/lib/validation/admin";

export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const guard = await requireAccountManager(request);
    if ("refusal" in guard) return guard.refusal;
    const { isForm } = await readBody(request);
    const id = tokenIdSchema.safeParse((await ctx.params).id);
    if (!id.success) return adminAnswer(isForm, 400, "Mã không hợp lệ.");
    await revokeApiToken(id.data);
    await logAccess({ event: "TOKEN_REVOKED", userId: guard.viewer.userId, target: `api_token ${id.data}` });
    return adminAnswer(isForm, 200, "Đã thu hồi mã truy cập.");
  });
}
