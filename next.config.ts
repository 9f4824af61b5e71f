import type { NextConfig } from "next";

const nextConfig: NextConfig = {
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
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
};

export default nextConfig;
