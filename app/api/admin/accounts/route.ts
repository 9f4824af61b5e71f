import { handle } from "@/lib/api/http";
import { createAccountWithRole } from "@/lib/auth/account-admin";
import { adminAnswer, outcomeAnswer, requireAccountManager } from "@/lib/auth/admin-route";
import { readBody } from "@/lib/auth/route-guard";
import { newAccountSchema } from "@/lib/validation/admin";

// Creates an account with one role on one unit; the password is the administrator's temporary one,
// to be changed at first sign-in. Form (the accounts page) or JSON.
export async function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const guard = await requireAccountManager(request);
    if ("refusal" in guard) return guard.refusal;
    const { body: raw, isForm, refused } = await readBody(request);
    if (refused) return adminAnswer(isForm, 400, refused);
    const parsed = newAccountSchema.safeParse(raw);
    if (!parsed.success) return adminAnswer(isForm, 400, parsed.error.issues[0]?.message ?? "Dữ liệu không hợp lệ.");
    const outcome = await createAccountWithRole(guard.viewer.userId, parsed.data);
    return outcomeAnswer(isForm, outcome, outcome.ok ? { id: outcome.value.id } : {});
  });
}
