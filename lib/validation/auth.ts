import { z } from "zod";
import { text } from "./text";

/** Where to go after signing in: a path of this site only (never `//host` or a full URL). */
export const nextPathSchema = z
  .string()
  .regex(/^\/(?![/\\])[^\s]*$/)
  .max(300)
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
  .refine((v) => v.newPassword === v.confirmPassword, { message: "Mật khẩu nhập lại không khớp.", path: ["confirmPassword"] });

export const resetPasswordSchema = z.object({ password: text().max(128) });
export const disableSchema = z.object({ disabled: z.preprocess((v) => (v === "1" ? true : v === "0" ? false : v), z.boolean()) });
export const userIdSchema = z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, "Mã tài khoản không hợp lệ.");

/** A form body as a plain object (one value per field). */
export function formObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === "string" && !(k in out)) out[k] = v;
  return out;
}
