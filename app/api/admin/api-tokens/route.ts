import { handle } from "@/lib/api/http";
import { issueTokenForUnit } from "@/lib/auth/account-admin";
import { adminAnswer, outcomeAnswer, requireAccountManager } from "@/lib/auth/admin-route";
import { readBody } from "@/lib/auth/route-guard";
import { newTokenSchema } from "@/lib/validation/admin";

// Issues a read-only API token for a unit (and the units below it): {"name": "…", "unit": "ngoc-thuy"}.
// The token is in this answer only; the database keeps its SHA-256.
export async function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const guard = await requireAccountManager(request);
    if ("refusal" in guard) return guard.refusal;
    const { body: raw, isForm, refused } = await readBody(request);
    if (refused) return adminAnswer(isForm, 400, refused);
    const body = newTokenSchema.safeParse(raw);
    if (!body.success) return adminAnswer(isForm, 400, body.error.issues[0]?.message ?? "Yêu cầu không hợp lệ.");
    const outcome = await issueTokenForUnit(guard.viewer.userId, body.data);
    if (!outcome.ok) return outcomeAnswer(isForm, outcome);
    const { id, token } = outcome.value;
    if (isForm) {
      // shown once, on a page that is never cached (a redirect would put the token in a URL)
      return new Response(
        `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Mã truy cập API</title><body style="font-family:sans-serif;max-width:40rem;margin:2rem auto"><h1>Mã truy cập API mới</h1><p>Chép mã này ngay: nó sẽ không được hiển thị lại.</p><p><code data-testid="api-token" style="word-break:break-all">${token}</code></p><p><a href="/quan-tri/tai-khoan">Quay lại trang quản trị</a></p></body></html>`,
        { status: 201, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } },
      );
    }
    return Response.json({ id, token }, { status: 201, headers: { "Cache-Control": "no-store" } });
  });
}
