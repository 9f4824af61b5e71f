#!/usr/bin/env node
// The production web server that scripts/start.mjs runs (instead of `next start`): Next.js's own
// request handler behind a plain Node HTTP server, which first sets who the client is. Next.js alone
// adds X-Forwarded-For only when the request has none, so a client-sent header could not be told
// apart from the connection; here the client's address and protocol come from the TCP connection
// (TRUST_PROXY=0: forwarding headers sent by the client are dropped) or from the entry the reverse
// proxy appended (TRUST_PROXY=1), in private headers that replace any the client sent
// (scripts/lib/client-address.mjs). Environment: PORT (3000), HOSTNAME (all interfaces), TRUST_PROXY.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { TRUSTED_HEADERS_MARK, applyClientHeaders } from "./lib/client-address.mjs";

process.env.NODE_ENV = "production";
process.title = "next-server (ctk)";
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || undefined;
const trustProxy = ["1", "true"].includes(process.env.TRUST_PROXY ?? "0");

// the app reads the private headers only when this server set them (lib/auth/client-address.ts)
globalThis[TRUSTED_HEADERS_MARK] = true;

// The build's own resolved configuration (.next/required-server-files.json; what the server of a
// standalone build hands Next.js): Next.js then does not load next.config.ts, which it compiles with
// its SWC binary first (some 30 MiB resident for the server's whole life, and ~0,3 s at start).
// start.mjs rebuilds when next.config.ts is newer than the build, so the two cannot differ.
try {
  const built = path.join(ROOT, process.env.NEXT_DIST_DIR || ".next", "required-server-files.json");
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(JSON.parse(fs.readFileSync(built, "utf8")).config);
} catch {
  // no build file of that kind: Next.js reads next.config.ts itself
}

const { default: next } = await import("next");
const app = next({ dev: false, dir: ROOT, port, hostname: hostname ?? "localhost" });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  applyClientHeaders(req, trustProxy);
  handle(req, res).catch((e) => {
    console.error("request failed:", e instanceof Error ? e.message : e);
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Lỗi máy chủ.");
  });
});
server.listen(port, hostname, () =>
  console.log(`▲ Next.js (máy chủ ctk) trên cổng ${port}${trustProxy ? ", TRUST_PROXY=1" : ""}`),
);

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections?.();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
