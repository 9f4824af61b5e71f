import { handle } from "@/lib/api/http";
import { changePassword } from "@/lib/auth/password-change";
import { refuseCrossSite, seeOther } from "@/lib/auth/route-guard";
import { changePasswordSchema, formObject } from "@/lib/validation/auth";

// The password change form posts here; the user's other sessions end and this one is replaced.
export async function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const refused = await refuseCrossSite(request);
    if (refused) return refused;
    const parsed = changePasswordSchema.safeParse(formObject(await request.formData().catch(() => new FormData())));
    if (!parsed.success) return seeOther(`/doi-mat-khau?loi=${encodeURIComponent(parsed.error.issues[0]?.message ?? "")}`);
    const result = await changePassword(parsed.data, request.headers);
    if (result.status === "unauthenticated") return seeOther("/dang-nhap?next=/doi-mat-khau");
    if (result.status === "refused") return seeOther(`/doi-mat-khau?loi=${encodeURIComponent(result.message)}`);
    return seeOther("/doi-mat-khau?da-doi=1", result.setCookies);
  }, { as: "html" });
}
