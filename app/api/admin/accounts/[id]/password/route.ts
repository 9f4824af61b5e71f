import { handle } from "@/lib/api/http";
import { resetPassword } from "@/lib/auth/account-admin";
import { accountRequest, outcomeAnswer } from "@/lib/auth/admin-route";
import { resetPasswordSchema } from "@/lib/validation/auth";

// An administrator resets a password: the user's sessions end and they must change it at next sign-in.
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const req = await accountRequest(request, ctx.params, resetPasswordSchema);
    if ("refusal" in req) return req.refusal;
    return outcomeAnswer(req.isForm, await resetPassword(req.viewer.userId, req.userId, req.body.password));
  });
}
