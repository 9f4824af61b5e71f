import "server-only";
import { db } from "@/lib/db";
import { logAccess } from "./access-log";
import { auth } from "./auth";
import { clientAddress } from "./client-address";
import { secureWhenHttps } from "./cookies";
import { passwordProblem } from "./password-policy";
import { checkSignIn, recordAttempt } from "./rate-limit";
import { viewerFromHeaders } from "./session";

export type ChangeResult =
  | { status: "unauthenticated" }
  | { status: "limited"; retryAfterSeconds: number }
  | { status: "refused"; message: string }
  | { status: "changed"; setCookies: string[] };

/**
 * The signed-in user changes their password: policy first, then better-auth (checks the current one).
 * Guessing the current password here is guessing the account's password: it is throttled by the
 * sign-in limits, on the same account key and address (sign_in_attempt), and every failure is logged.
 */
export async function changePassword(
  input: { currentPassword: string; newPassword: string },
  requestHeaders: Headers,
): Promise<ChangeResult> {
  const viewer = await viewerFromHeaders(requestHeaders);
  if (!viewer) return { status: "unauthenticated" };
  const address = clientAddress(requestHeaders);
  const key = `user:${viewer.userId}`; // the key sign-in uses for a known account (rate-limit.ts accountKey)
  const refuse = async (detail: string, message: string): Promise<ChangeResult> => {
    await logAccess({ event: "PASSWORD_CHANGE_FAILED", userId: viewer.userId, address, detail });
    return { status: "refused", message };
  };

  const decision = await checkSignIn(key, address);
  if (!decision.allowed) {
    await logAccess({
      event: "PASSWORD_CHANGE_FAILED",
      userId: viewer.userId,
      address,
      detail: "quá nhiều lần sai: tạm khóa",
    });
    return { status: "limited", retryAfterSeconds: decision.retryAfterSeconds };
  }
  if (decision.delayMs > 0) await new Promise((r) => setTimeout(r, decision.delayMs));

  const problem = await passwordProblem(input.newPassword, { username: viewer.username });
  if (problem) return refuse(`mật khẩu mới không đạt: ${problem}`, problem);
  if (input.newPassword === input.currentPassword)
    return refuse("mật khẩu mới trùng mật khẩu hiện tại", "Mật khẩu mới phải khác mật khẩu hiện tại.");
  const result = await auth()
    .api.changePassword({
      body: { currentPassword: input.currentPassword, newPassword: input.newPassword, revokeOtherSessions: true },
      headers: requestHeaders,
      returnHeaders: true,
    })
    .catch(() => null);
  await recordAttempt(key, address, !!result);
  if (!result) return refuse("mật khẩu hiện tại không đúng", "Mật khẩu hiện tại không đúng.");
  await db().user.update({ where: { id: viewer.userId }, data: { mustChangePassword: false } });
  await logAccess({ event: "PASSWORD_CHANGED", userId: viewer.userId, address });
  return { status: "changed", setCookies: secureWhenHttps(result.headers.getSetCookie(), requestHeaders) };
}
