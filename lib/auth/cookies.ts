import "server-only";
import { servedOverHttps } from "./client-address";

/**
 * The Set-Cookie values of an answer, marked `Secure` when the request came over HTTPS — also
 * behind a trusted proxy that says so (TRUST_PROXY=1, X-Forwarded-Proto: https), not only when
 * AUTH_URL is https (then better-auth marks them itself).
 */
export function secureWhenHttps(setCookies: string[], requestHeaders: Headers): string[] {
  if (!servedOverHttps(requestHeaders)) return setCookies;
  return setCookies.map((c) => (/;\s*secure\s*(;|$)/i.test(c) ? c : `${c}; Secure`));
}
