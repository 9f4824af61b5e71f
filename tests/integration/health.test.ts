import net from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createMigratedDatabase } from "../setup/db";

// The health route as a load balancer sees it: 200 with the database, 503 without.

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function healthWith(databaseUrl: string) {
  vi.resetModules();
  vi.stubEnv("DATABASE_URL", databaseUrl);
  (globalThis as { prisma?: unknown }).prisma = undefined;
  const { GET } = await import("@/app/api/health/route");
  const response = await GET();
  return { status: response.status, body: await response.json() };
}

afterEach(() => {
  vi.unstubAllEnvs();
  (globalThis as { prisma?: unknown }).prisma = undefined;
});

describe("GET /api/health", () => {
  it("answers ok when the database answers", async () => {
    const database = await createMigratedDatabase();
    try {
      expect(await healthWith(database.url)).toEqual({ status: 200, body: { status: "ok", database: "ok" } });
    } finally {
      await database.drop();
    }
  }, 60_000);

  it("answers 503 when the database is down", async () => {
    const port = await closedPort();
    expect(await healthWith(`postgresql://postgres@127.0.0.1:${port}/nothing`)).toEqual({
      status: 503,
      body: { status: "error", database: "error" },
    });
  }, 30_000);
});
