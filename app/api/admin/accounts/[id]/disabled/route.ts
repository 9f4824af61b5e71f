import { handle } from "@/lib/api/http";
import { setAccountDisabled } from "@/lib/auth/account-admin";
import { accountRequest, outcomeAnswer } from "@/lib/auth/admin-route";
import { disableSchema } from "@/lib/validation/auth";

// {"disabled": true} disables an account (its sessions end at once); false enables it again.
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const req = await accountRequest(request, ctx.params, disableSchema);
    if ("refusal" in req) return req.refusal;
    return outcomeAnswer(req.isForm, await setAccountDisabled(req.viewer.userId, req.userId, req.body.disabled));
  });
}
