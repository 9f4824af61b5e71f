import { handle } from "@/lib/api/http";
import { revokeToken } from "@/lib/auth/account-admin";
import { adminAnswer, outcomeAnswer, requireAccountManager } from "@/lib/auth/admin-route";
import { readBody } from "@/lib/auth/route-guard";
import { tokenIdSchema } from "@/lib/validation/admin";

export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const guard = await requireAccountManager(request);
    if ("refusal" in guard) return guard.refusal;
    const { isForm, refused } = await readBody(request);
    if (refused) return adminAnswer(isForm, 400, refused);
    const id = tokenIdSchema.safeParse((await ctx.params).id);
    if (!id.success) return adminAnswer(isForm, 400, "Mã không hợp lệ.");
    return outcomeAnswer(isForm, await revokeToken(guard.viewer.userId, id.data));
  });
}
