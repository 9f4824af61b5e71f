import "server-only";
import { db } from "@/lib/db";
import { logAccess } from "./access-log";
import { auth } from "./auth";
import { passwordProblem } from "./password-policy";
import { viewerFromHeaders } from "./session";

export type ChangeResult =
  | { status: "unauthenticated" }
  | { status: "refused"; message: string }
  | { status: "changed"; setCookies: string[] };

/** The signed-in user changes their password: policy first, then better-auth (checks the current one). */
export async function changePassword(
  input: { currentPassword: string; newPassword: string },
  requestHeaders: Headers,
): Promise<ChangeResult> {
  const viewer = await viewerFromHeaders(requestHeaders);
  if (!viewer) return { status: "unauthenticated" };
  const problem = passwordProblem(input.newPassword, { username: viewer.username });
  if (problem) return { status: "refused", message: problem };
  if (input.newPassword === input.currentPassword) return { status: "refused", message: "Mật khẩu mới phải khác mật khẩu hiện tại." };
  const result = await auth()
    .api.changePassword({
      body: { currentPassword: input.currentPassword, newPassword: input.newPassword, revokeOtherSessions: true },
      headers: requestHeaders,
      returnHeaders: true,
    })
    .catch(() => null);
  if (!result) return { status: "refused", message: "Mật khẩu hiện tại không đúng." };
  await db().user.update({ where: { id: viewer.userId }, data: { mustChangePassword: false } });
  await logAccess({ event: "PASSWORD_CHANGED", userId: viewer.userId });
  return { status: "changed", setCookies: result.headers.getSetCookie() };
}
