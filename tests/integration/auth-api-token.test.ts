import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type World, createWorld, dropWorld } from "./auth-fixtures";

let world: World;
beforeAll(async () => {
  world = await createWorld();
}, 120_000);
afterAll(() => dropWorld(world));

const call = async (path: string, slug: string, token?: string) => {
  const { GET } = await import("@/app/api/v1/org-units/[slug]/route");
  const request = new Request(`http://ctk.test${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return GET(request, { params: Promise.resolve({ slug }) });
};

describe("API tokens", () => {
  it("read the token's unit and the units below it, nothing else; are hashed at rest; can be revoked", async () => {
    const { issueApiToken, revokeApiToken } = await import("@/lib/auth/api-token");
    const { id, token } = await issueApiToken({
      name: "cổng dữ liệu phường",
      orgUnitId: world.units.ngocThuy,
      createdById: world.users.admin.id,
    });
    expect(token).toMatch(/^ctk_[A-Za-z0-9_-]{43}$/);
    const row = await world.database.prisma.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).not.toContain(token.slice(4));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    expect((await call("/api/v1/org-units/ngoc-thuy", "ngoc-thuy", token)).status).toBe(200);
    expect((await call("/api/v1/org-units/ngoc-thuy-to-1", "ngoc-thuy-to-1", token)).status).toBe(200);
    expect((await call("/api/v1/org-units/bo-de", "bo-de", token)).status).toBe(403);
    expect((await call("/api/v1/org-units/long-bien", "long-bien", token)).status).toBe(403);
    expect((await call("/api/v1/org-units/ngoc-thuy", "ngoc-thuy", "ctk_" + "x".repeat(43))).status).toBe(401);
    expect((await call("/api/v1/org-units/ngoc-thuy", "ngoc-thuy")).status).toBe(401);

    await revokeApiToken(id);
    expect((await call("/api/v1/org-units/ngoc-thuy", "ngoc-thuy", token)).status).toBe(401);
  });
});
