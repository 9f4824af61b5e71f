import { handle } from "@/lib/api/http";
import { logAccess } from "@/lib/auth/access-log";
import { AccountError, setPassword } from "@/lib/auth/accounts";
import { adminAnswer, requireAccountManager } from "@/lib/auth/admin-route";
import { readBody } from "@/lib/auth/route-guard";
import { db } from "@/lib/db";
import { resetPasswordSchema, userIdSchema } from "@/lib/validation/auth";

// An administrator resets a password: the user's sessions end and they must change it at next sign-in.
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const guard = await requireAccountManager(request);
    if ("refusal" in guard) return guard.refusal;
    const { body: raw, isForm } = await readBody(request);
    const id = userIdSchema.safeParse((await ctx.params).id);
    const body = resetPasswordSchema.safeParse(raw);
    if (!id.success || !body.success) return adminAnswer(isForm, 400, "Yêu cầu không hợp lệ.");
    try {
      await setPassword(db(), id.data, body.data.password, true);
    } catch (e) {
      if (e instanceof AccountError) return adminAnswer(isForm, 400, e.message);
      throw e;
    }
    await logAccess({ event: "PASSWORD_RESET", userId: guard.viewer.userId, target: `user ${id.data}` });
    return adminAnswer(isForm, 200, "Đã đặt lại mật khẩu; người dùng phải đổi mật khẩu khi đăng nhập.");
  });
}
