import path from "node:path";
import { defineConfig } from "prisma/config";

// Offline machines cannot download Prisma's native schema-engine binary: point the CLI at the
// JSON-RPC-compatible stand-in backed by @prisma/schema-engine-wasm (scripts/prisma-engine/).
// `||=` rather than `??=`: an empty variable would otherwise fall through to the download.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ||= path.join(import.meta.dirname, "scripts/prisma-engine/schema-engine.mjs");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed/run.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
