import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../setup/db";

const run = promisify(execFile);
const root = path.join(__dirname, "../..");

describe("migrations", () => {
  it("produce exactly the schema in prisma/schema.prisma (no change left without a migration)", async () => {
    // The run's database was migrated with prisma/migrations; the diff from it to the schema must be empty.
    const { stdout } = await run(
      process.execPath,
      [
        path.join(root, "node_modules/prisma/build/index.js"),
        "migrate",
        "diff",
        "--from-config-datasource",
        "--to-schema",
        "prisma/schema.prisma",
        "--script",
      ],
      { cwd: root, env: { ...process.env, DATABASE_URL: testDatabaseUrl() } },
    );
    expect(stdout.trim()).toBe("-- This is an empty migration.");
  }, 60_000);
});
