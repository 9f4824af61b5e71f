// Password rules: at least 10 characters, not one of the common passwords (common-passwords.ts), nor
// one of them with digits or symbols added at the end ("password2026!").
import { commonPasswords } from "./common-passwords";

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

/** null when acceptable, else the Vietnamese reason. */
export async function passwordProblem(password: string, context: { username?: string } = {}): Promise<string | null> {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Mật khẩu không được dài quá ${MAX_PASSWORD_LENGTH} ký tự.`;
  const lower = password.toLowerCase();
  const common = await commonPasswords();
  const stem = lower.replace(/[^\p{L}]+$/u, "");
  if (common.has(lower) || (stem.length >= 4 && common.has(stem)))
    return "Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.";
  if (/^(.)\1+$/u.test(password)) return "Mật khẩu không được chỉ lặp lại một ký tự.";
  if (context.username && lower.includes(context.username.toLowerCase()))
    return "Mật khẩu không được chứa tên đăng nhập.";
  return null;
}
