import { handle } from "@/lib/api/http";
import { logAccess } from "@/lib/auth/access-log";
import { AccountError, setPassword } from "@/lib/auth/accounts";
import { accountRequest, adminAnswer } from "@/lib/auth/admin-route";
import { db } from "@/lib/db";
import { resetPasswordSchema } from "@/lib/validation/auth";

// An administrator resets a password: the user's sessions end and they must change it at next sign-in.
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const req = await accountRequest(request, ctx.params, resetPasswordSchema);
    if ("refusal" in req) return req.refusal;
    const { isForm } = req;
    try {
      await setPassword(db(), req.userId, req.body.password, true);
    } catch (e) {
      if (e instanceof AccountError) return adminAnswer(isForm, 400, e.message);
      throw e;
    }
    await logAccess({ event: "PASSWORD_RESET", userId: req.viewer.userId, target: `user ${req.userId}` });
    return adminAnswer(isForm, 200, "Đã đặt lại mật khẩu; người dùng phải đổi mật khẩu khi đăng nhập.");
  });
}
