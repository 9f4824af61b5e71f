import { handle } from "@/lib/api/http";
import { UNSAFE_TEXT_MESSAGE } from "@/lib/domain/safe-text";
import { refuseCrossSite, seeOther } from "@/lib/auth/route-guard";
import { signIn } from "@/lib/auth/sign-in";
import { formObject, signInSchema } from "@/lib/validation/auth";

// The sign-in form posts here (works without JavaScript). Failure: back to the form with a reason;
// too many failures: 429 with Retry-After.
export async function POST(request: Request): Promise<Response> {
  return handle(
    async () => {
      const refused = await refuseCrossSite(request);
      if (refused) return refused;
      const parsed = signInSchema.safeParse(formObject(await request.formData().catch(() => new FormData())));
      if (!parsed.success)
        return seeOther(
          `/dang-nhap?loi=${parsed.error.issues.some((i) => i.message === UNSAFE_TEXT_MESSAGE) ? "ky-tu" : "thieu"}`,
        );
      const { identifier, password, next } = parsed.data;
      const result = await signIn({ identifier, password }, request.headers);
      const back = (reason: string) => `/dang-nhap?loi=${reason}&next=${encodeURIComponent(next)}`;
      if (result.ok) return seeOther(result.mustChangePassword ? "/doi-mat-khau" : next, result.setCookies);
      if (result.code === "busy") {
        return new Response(
          `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Tạm khóa đăng nhập</title><p>Quá nhiều lần đăng nhập sai. Vui lòng thử lại sau ${Math.ceil((result.retryAfterSeconds ?? 900) / 60)} phút.</p><p><a href="/dang-nhap">Quay lại trang đăng nhập</a></p></html>`,
          {
            status: 429,
            headers: {
              "Content-Type": "text/html; charset=utf-8",
              "Retry-After": String(result.retryAfterSeconds ?? 900),
              "Cache-Control": "no-store",
            },
          },
        );
      }
      return seeOther(back("sai"));
    },
    { as: "html" },
  );
}
