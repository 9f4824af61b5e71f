import { z } from "zod";
import { singleValued, textFields } from "./form-input";
import { text } from "./text";

const NEXT_BASE = "http://ctk.invalid";

/**
 * Where to go after signing in: a path of this site, or null. Refused: `//host`, `/\host`, full URLs,
 * whitespace and control characters (which a browser drops or turns into `/`), and any path that the
 * URL parser resolves to another origin or to a `//…` path. The answer is the parser's own form of the
 * path, percent-encoded, so that `/ệ` goes into a Location header as `/%E1%BB%87`.
 */
export function sameSitePath(value: string): string | null {
  if (!value.startsWith("/") || /^\/[/\\]/.test(value) || /[\s\u0000-\u001f\u007f-\u009f\\]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, NEXT_BASE);
  } catch {
    return null;
  }
  if (url.origin !== NEXT_BASE || url.pathname.startsWith("//")) return null;
  const path = url.pathname + url.search + url.hash;
  return path.length <= 1000 ? path : null;
}

export const nextPathSchema = z
  .string()
  .max(300)
  .transform((v, ctx) => sameSitePath(v) ?? (ctx.addIssue({ code: "custom", message: "next" }), z.NEVER))
  .catch("/");

export const signInSchema = z.object({
  identifier: text().trim().min(1, "Hãy nhập tên đăng nhập hoặc e-mail.").max(200),
  password: text().min(1, "Hãy nhập mật khẩu.").max(128),
  next: nextPathSchema.optional().default("/"),
});

export const changePasswordSchema = z
  .object({
    currentPassword: text().min(1, "Hãy nhập mật khẩu hiện tại.").max(128),
    newPassword: text().max(128, "Mật khẩu quá dài."),
    confirmPassword: text().max(128),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: "Mật khẩu nhập lại không khớp.",
    path: ["confirmPassword"],
  });

export const resetPasswordSchema = z.object({ password: text().max(128) });
export const disableSchema = z.object({
  disabled: z.preprocess((v) => (v === "1" ? true : v === "0" ? false : v), z.boolean()),
});
export const userIdSchema = z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, "Mã tài khoản không hợp lệ.");

/** A form body as a plain object (its text fields); null when a field is repeated: such a form is refused. */
export function formObject(form: FormData): Record<string, string> | null {
  const fields = singleValued(form);
  return fields.ok ? textFields(fields.fields) : null;
}
