// The client's address and protocol as the app may trust them, derived by scripts/server.mjs from the
// TCP connection (TRUST_PROXY=0) or from the entry the reverse proxy appended (TRUST_PROXY=1), and
// handed to the app in private headers that a client can never set (the server replaces them).
// Plain JavaScript without dependencies: the server imports it before Next.js, the tests import it too.

export const CLIENT_ADDRESS_HEADER = "x-ctk-client-address";
export const CLIENT_PROTO_HEADER = "x-ctk-client-proto";
/** Set on globalThis by scripts/server.mjs: the app trusts the private headers only behind it. */
export const TRUSTED_HEADERS_MARK = Symbol.for("ctk.trusted-client-headers");

// Forwarding headers describe the path of a request; without a trusted proxy they are the client's
// own words, so they are dropped before Next.js (which then sets them from the connection).
const FORWARDING_HEADERS = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
  "forwarded",
];

const lastEntry = (value) => {
  const list = (Array.isArray(value) ? value.join(",") : (value ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return list.at(-1);
};

/** An address as the rate limiter keys it: no IPv4-mapped prefix, printable, at most 64 characters. */
export function normaliseAddress(address) {
  const clean = String(address ?? "")
    .replace(/^::ffff:/i, "")
    .replace(/[^\x21-\x7e]/g, "")
    .slice(0, 64);
  return clean || "unknown";
}

/**
 * { address, proto } of a request. `headers` are Node's (lower-case names; a repeated header is joined
 * with ", " or an array). With trustProxy the last X-Forwarded-For / X-Forwarded-Proto entry is the
 * one the proxy wrote; the entries before it are whatever the client sent and are ignored.
 */
export function clientOf({ socketAddress, encrypted, headers, trustProxy }) {
  const socketProto = encrypted ? "https" : "http";
  if (!trustProxy) return { address: normaliseAddress(socketAddress), proto: socketProto };
  const forwarded = lastEntry(headers["x-forwarded-for"]);
  const proto = lastEntry(headers["x-forwarded-proto"])?.toLowerCase();
  return {
    address: normaliseAddress(forwarded ?? socketAddress),
    proto: proto === "https" || proto === "http" ? proto : socketProto,
  };
}

/**
 * Rewrites a Node request's headers in place: removes any client-sent private header (and, without a
 * trusted proxy, the forwarding headers), then sets the private headers from `clientOf`.
 */
export function applyClientHeaders(req, trustProxy) {
  const client = clientOf({
    socketAddress: req.socket?.remoteAddress,
    encrypted: !!req.socket?.encrypted,
    headers: req.headers,
    trustProxy,
  });
  const drop = new Set([CLIENT_ADDRESS_HEADER, CLIENT_PROTO_HEADER, ...(trustProxy ? [] : FORWARDING_HEADERS)]);
  for (const name of drop) delete req.headers[name];
  if (Array.isArray(req.rawHeaders)) {
    const raw = [];
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
      if (!drop.has(req.rawHeaders[i].toLowerCase())) raw.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
    }
    raw.push(CLIENT_ADDRESS_HEADER, client.address, CLIENT_PROTO_HEADER, client.proto);
    req.rawHeaders = raw;
  }
  req.headers[CLIENT_ADDRESS_HEADER] = client.address;
  req.headers[CLIENT_PROTO_HEADER] = client.proto;
  return client;
}
