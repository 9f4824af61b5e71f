import { handle } from "@/lib/api/http";
import { changeRole } from "@/lib/auth/account-admin";
import { accountRequest, outcomeAnswer } from "@/lib/auth/admin-route";
import { roleChangeSchema } from "@/lib/validation/admin";

// Grants or revokes a role on an org unit: {"op": "grant" | "revoke", "role": "WARD_OFFICIAL", "unit": "ngoc-thuy"}.
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const req = await accountRequest(request, ctx.params, roleChangeSchema, { explain: true });
    if ("refusal" in req) return req.refusal;
    return outcomeAnswer(req.isForm, await changeRole(req.viewer.userId, req.userId, req.body));
  });
}
