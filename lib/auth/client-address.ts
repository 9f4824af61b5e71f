import "server-only";
import { env } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER, CLIENT_PROTO_HEADER, TRUSTED_HEADERS_MARK } from "@/scripts/lib/client-address.mjs";

// scripts/server.mjs (what `npm start` runs) replaces these private headers on every request with the
// TCP connection's address (TRUST_PROXY=0) or the entry the reverse proxy appended (TRUST_PROXY=1),
// and marks the process. Without that server (`next dev`, a bare `next start`) a client could send the
// header itself, so it is not read: every client is then "unknown" — one shared address for the
// sign-in limits, never one a client can choose. X-Forwarded-For is never read here.
const trusted = () => (globalThis as Record<symbol, unknown>)[TRUSTED_HEADERS_MARK] === true;

/** The client's address, for rate limiting and the access log. */
export function clientAddress(requestHeaders: Headers): string {
  return (trusted() && requestHeaders.get(CLIENT_ADDRESS_HEADER)) || "unknown";
}

/**
 * Was this request served over HTTPS (to this server, or to the trusted proxy in front of it)?
 * AUTH_URL with https:// says so for every request.
 */
export function servedOverHttps(requestHeaders: Headers): boolean {
  if (env.AUTH_URL?.startsWith("https://")) return true;
  return trusted() && requestHeaders.get(CLIENT_PROTO_HEADER) === "https";
}
