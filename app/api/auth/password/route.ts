import { handle } from "@/lib/api/http";
import { changePassword } from "@/lib/auth/password-change";
import { refuseCrossSite, seeOther, tooManyAttempts } from "@/lib/auth/route-guard";
import { changePasswordSchema, formObject } from "@/lib/validation/auth";
import { REPEATED_FIELD } from "@/lib/validation/form-input";

// The password change form posts here; the user's other sessions end and this one is replaced.
export async function POST(request: Request): Promise<Response> {
  return handle(
    async () => {
      const refused = await refuseCrossSite(request);
      if (refused) return refused;
      const fields = formObject(await request.formData().catch(() => new FormData()));
      if (!fields) return seeOther(`/doi-mat-khau?loi=${encodeURIComponent(REPEATED_FIELD)}`);
      const parsed = changePasswordSchema.safeParse(fields);
      if (!parsed.success)
        return seeOther(`/doi-mat-khau?loi=${encodeURIComponent(parsed.error.issues[0]?.message ?? "")}`);
      const result = await changePassword(parsed.data, request.headers);
      if (result.status === "unauthenticated") return seeOther("/dang-nhap?next=/doi-mat-khau");
      if (result.status === "limited")
        return tooManyAttempts(result.retryAfterSeconds, {
          href: "/doi-mat-khau",
          label: "Quay lại trang đổi mật khẩu",
        });
      if (result.status === "refused") return seeOther(`/doi-mat-khau?loi=${encodeURIComponent(result.message)}`);
      return seeOther("/doi-mat-khau?da-doi=1", result.setCookies);
    },
    { as: "html" },
  );
}
