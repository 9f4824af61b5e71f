import "server-only";
import { db } from "@/lib/db";
import type { Failure } from "@/lib/result";
import { logAccess } from "./access-log";
import { auth } from "./auth";
import { clientAddress } from "./client-address";
import { secureWhenHttps } from "./cookies";
import { accountKey, checkSignIn, recordAttempt } from "./rate-limit";

export type SignInResult =
  | { ok: true; userId: string; setCookies: string[]; mustChangePassword: boolean }
  | Failure<"invalid">
  /** too many failed attempts for this account or address: try again after `retryAfterSeconds` */
  | Failure<"busy", { retryAfterSeconds?: number }>;

/**
 * Signs in with a user name (or e-mail) and password, throttled in PostgreSQL per account and per
 * address. A new session (new random id) is created at every sign-in: the cookie holds only it.
 */
export async function signIn(
  input: { identifier: string; password: string },
  requestHeaders: Headers,
): Promise<SignInResult> {
  const identifier = input.identifier.trim().toLowerCase();
  const address = clientAddress(requestHeaders);
  const key = await accountKey(identifier);
  const decision = await checkSignIn(key, address);
  if (!decision.allowed) {
    await logAccess({ event: "SIGN_IN_LIMITED", identifier, address });
    return { ok: false, code: "busy", retryAfterSeconds: decision.retryAfterSeconds };
  }
  if (decision.delayMs > 0) await new Promise((r) => setTimeout(r, decision.delayMs));

  const api = auth().api;
  const call = identifier.includes("@")
    ? api.signInEmail({
        body: { email: identifier, password: input.password, rememberMe: true },
        headers: requestHeaders,
        returnHeaders: true,
      })
    : api.signInUsername({
        body: { username: identifier, password: input.password, rememberMe: true },
        headers: requestHeaders,
        returnHeaders: true,
      });
  const result = await call.catch(() => null);
  const userId = result?.response && "user" in result.response ? (result.response.user as { id: string }).id : null;
  await recordAttempt(key, address, !!userId);
  if (!result || !userId) {
    await logAccess({ event: "SIGN_IN_FAILED", identifier, address });
    return { ok: false, code: "invalid" };
  }
  const user = await db().user.findUnique({ where: { id: userId }, select: { mustChangePassword: true } });
  await logAccess({ event: "SIGN_IN", userId, identifier, address });
  return {
    ok: true,
    userId,
    setCookies: secureWhenHttps(result.headers.getSetCookie(), requestHeaders),
    mustChangePassword: !!user?.mustChangePassword,
  };
}

/** Ends the session of these headers (deletes its row) and returns the cookies that clear it. */
export async function signOut(requestHeaders: Headers): Promise<string[]> {
  const result = await auth()
    .api.signOut({ headers: requestHeaders, returnHeaders: true })
    .catch(() => null);
  return secureWhenHttps(result?.headers.getSetCookie() ?? [], requestHeaders);
}
