import type { NextConfig } from "next";
import { BODY_LIMIT_BYTES } from "./lib/body-limit";

// Pages and route handlers get their Content-Security-Policy from proxy.ts, with a nonce per request.
// This one covers what the proxy does not see (static files): no script runs from them inline.
const staticCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: staticCsp },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
  // Page URLs are Vietnamese and stable (README "Names"); the English ones of before answer a
  // permanent redirect, so saved links and bookmarks keep working (query strings are passed along).
  async redirects() {
    return [
      { source: "/:ward/programmes/:programme", destination: "/:ward/chuong-trinh/:programme", permanent: true },
      { source: "/:ward/residential-groups", destination: "/:ward/to-dan-pho", permanent: true },
      { source: "/:ward/residential-groups/:group", destination: "/:ward/to-dan-pho/:group", permanent: true },
      { source: "/compare", destination: "/so-sanh", permanent: true },
      { source: "/compare/ward", destination: "/so-sanh/phuong", permanent: true },
    ];
  },
  // forbidden() answers 403 with app/forbidden.tsx; the body limit is lib/body-limit.ts (proxy.ts
  // answers a larger body with a Vietnamese 413 before Next.js's English one)
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: BODY_LIMIT_BYTES } },
  poweredByHeader: false,
  // Dev servers are also reached as 127.0.0.1 (tests, other machines' tunnels): let them hydrate.
  allowedDevOrigins: ["127.0.0.1"],
  // Several dev servers of one checkout (parallel work) need separate build folders: NEXT_DIST_DIR=.next-<name>.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm run typecheck` (tsc over the whole project, first step of `npm test`) is the type check;
  // skipping Next's second pass keeps `npm start` on a fresh clone faster and independent of test files.
  typescript: { ignoreBuildErrors: true },
  // Loaded by Node at runtime instead of being bundled: the pg driver (optional native bindings)
  // and PGlite (WASM + data files resolved relative to the package).
  serverExternalPackages: [
    "@node-rs/argon2",
    "pg",
    "@prisma/adapter-pg",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "exceljs",
    // reads its font metrics files relative to its own folder
    "pdfkit",
    // the mail queue and its SMTP client (instrumentation.ts): plain Node packages
    "pg-boss",
    "nodemailer",
  ],
};

export default nextConfig;
