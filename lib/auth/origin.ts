import "server-only";

/**
 * Is this mutating request same-origin? The Origin header must be present and name the host the
 * request was sent to; `Origin: null` (sandboxed frames, some redirects) and a missing Origin are
 * refused. Next.js checks server actions the same way; this is the check of our own handlers and a
 * second line for the actions.
 */
export function isSameOrigin(requestHeaders: Headers): boolean {
  const origin = requestHeaders.get("origin");
  if (!origin || origin === "null") return false;
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host");
  if (!host) return false;
  try {
    return new URL(origin).host === host.split(",")[0].trim();
  } catch {
    return false;
  }
}
