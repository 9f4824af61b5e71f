import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ORIGIN, type World, createWorld, dropWorld } from "./auth-fixtures";

// PUBLIC_PORTAL=1: reading needs no account; everything else still does.
let world: World;
beforeAll(async () => {
  world = await createWorld();
  vi.stubEnv("PUBLIC_PORTAL", "1");
}, 120_000);
afterAll(() => dropWorld(world));

describe("public transparency portal", () => {
  it("lets anyone read units through the API, but not manage accounts", async () => {
    const { GET } = await import("@/app/api/v1/org-units/[slug]/route");
    const res = await GET(new Request(`${ORIGIN}/api/v1/org-units/bo-de`), {
      params: Promise.resolve({ slug: "bo-de" }),
    });
    expect(res.status).toBe(200);

    const { POST } = await import("@/app/api/admin/accounts/[id]/disabled/route");
    const admin = await POST(
      new Request(`${ORIGIN}/api/admin/accounts/${world.users.official.id}/disabled`, {
        method: "POST",
        headers: { origin: ORIGIN, host: "ctk.test", "content-type": "application/json" },
        body: JSON.stringify({ disabled: true }),
      }),
      { params: Promise.resolve({ id: world.users.official.id }) },
    );
    expect(admin.status).toBe(401);
  });
});
