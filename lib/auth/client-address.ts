import "server-only";
import { env } from "@/lib/env";

/**
 * The client's address, for rate limiting. Next.js sets X-Forwarded-For to the socket's address only
 * when the request has none, so a client-sent header cannot be told apart: with TRUST_PROXY=1 (behind a
 * reverse proxy that appends the address) the last entry is the proxy's view of the client and is
 * trusted; otherwise the first entry is used, which a client can choose — the per-account limit still
 * holds for addresses that are not the account's usual ones.
 */
export function clientAddress(requestHeaders: Headers): string {
  const list = (requestHeaders.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const address = (env.TRUST_PROXY ? list.at(-1) : list[0]) ?? requestHeaders.get("x-real-ip") ?? "unknown";
  return address.replace(/^::ffff:/, "").slice(0, 64);
}
