// setupFiles of the `integration` project: outside a Next server, `next/headers` answers with the
// request a test sets (tests/integration/next-request.ts) and `next/cache` refreshes nothing. A test
// file mocks anything else it needs (e.g. `next/navigation`) itself.
import { vi } from "vitest";
import { request } from "../integration/next-request";

// each test file starts with a request that carries nothing (no session, no origin)
request.headers = new Headers();

vi.mock("next/headers", async () => {
  const { request } = await import("../integration/next-request");
  return {
    headers: async () => request.headers,
    cookies: async () => ({ get: () => undefined }),
  };
});
vi.mock("next/cache", () => ({
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
  refresh: () => {},
}));
