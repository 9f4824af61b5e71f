import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ORIGIN, type World, browserHeaders, createWorld, dropWorld, signInCookie } from "./auth-fixtures";
import { request } from "./next-request";

// The database going away and coming back, as the app sees it: its connections go through a TCP relay
// that the test closes (connections refused, open ones cut) and opens again on the same port. Pages,
// actions and routes must answer "temporarily unavailable" (never "signed out", never a raw 500), and
// work again once the database is back, with the same modules (no restart).

const DB_MESSAGE = "Hệ thống tạm thời không kết nối được cơ sở dữ liệu";

/** A relay to the database: down() refuses and cuts connections, up() accepts them again. */
async function relay(target: URL) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("error", () => {});
      s.on("close", () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    down: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
    up: () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve)),
  };
}

let world: World;
let gate: Awaited<ReturnType<typeof relay>>;
let cookie: string;
let adminCookie: string;

beforeAll(async () => {
  world = await createWorld();
  const direct = new URL(world.database.url);
  gate = await relay(direct);
  const viaRelay = new URL(world.database.url);
  viaRelay.hostname = "127.0.0.1";
  viaRelay.port = String(gate.port);
  // the app (not the fixtures) reaches the database through the relay
  vi.stubEnv("DATABASE_URL", viaRelay.toString());
  vi.resetModules();
  const g = globalThis as { prisma?: unknown; auth?: unknown };
  g.prisma = undefined;
  g.auth = undefined;
  cookie = await signInCookie(world.users.official.username);
  adminCookie = await signInCookie(world.users.admin.username);
});

afterAll(async () => {
  await gate?.up().catch(() => {});
  await dropWorld(world);
});

function deadlineForm(): FormData {
  const form = new FormData();
  form.set("district", "long-bien");
  form.set("year", "2016");
  form.set("dueOn", "2017-01-31");
  form.set("version", "0");
  return form;
}

function signInPost(identifier: string, password = "mat-khau-bat-ky-123"): Request {
  const headers = browserHeaders();
  headers.set("content-type", "application/x-www-form-urlencoded");
  return new Request(`${ORIGIN}/api/auth/sign-in`, {
    method: "POST",
    headers,
    body: new URLSearchParams({ identifier, password, next: "/" }),
  });
}

describe("the database refusing connections, then back", () => {
  it("answers every kind of request as a temporary outage, then works again without a restart", async () => {
    const { viewerFromHeaders } = await import("@/lib/auth/session");
    const { requireReadPage } = await import("@/lib/auth/access");
    const { saveDeadline } = await import("@/lib/actions/review");
    const signInRoute = await import("@/app/api/auth/sign-in/route");
    const unitRoute = await import("@/app/api/v1/org-units/[slug]/route");
    const v1 = () =>
      unitRoute.GET(new Request(`${ORIGIN}/api/v1/org-units/ngoc-thuy`, { headers: browserHeaders(cookie) }), {
        params: Promise.resolve({ slug: "ngoc-thuy" }),
      });

    expect((await viewerFromHeaders(browserHeaders(cookie)))?.username).toBe(world.users.official.username);
    await gate.down();
    try {
      // the session lookup: an outage, not "signed out"
      await expect(viewerFromHeaders(browserHeaders(cookie))).rejects.toMatchObject({ digest: "CTK_DB_UNAVAILABLE" });
      // a page: the error page's outage message, not a redirect to /dang-nhap
      request.headers = browserHeaders(cookie);
      request.headers.set("x-ctk-path", "/ngoc-thuy");
      const page = await requireReadPage("ngoc-thuy").then(
        () => "rendered",
        (e: { digest?: string }) => e.digest,
      );
      expect(page).toBe("CTK_DB_UNAVAILABLE");
      // a server action: a retryable failure the form shows with "thử lại" (and keeps what was typed)
      request.headers = browserHeaders(cookie);
      const action = await saveDeadline(null, deadlineForm());
      expect(action).toMatchObject({ ok: false, code: "unavailable" });
      expect(action.message).toContain("thử lại");
      // sign-in (a form post): a Vietnamese page with 503, not JSON 500
      const signIn = await signInRoute.POST(signInPost(world.users.official.username));
      expect(signIn.status).toBe(503);
      expect(signIn.headers.get("content-type")).toContain("text/html");
      expect(await signIn.text()).toContain(DB_MESSAGE);
      // the JSON API: its error shape with 503
      const api = await v1();
      expect(api.status).toBe(503);
      expect(await api.json()).toEqual({
        error: { code: "unavailable", message: expect.stringContaining(DB_MESSAGE) },
      });
    } finally {
      await gate.up();
    }

    expect((await viewerFromHeaders(browserHeaders(cookie)))?.username).toBe(world.users.official.username);
    request.headers = browserHeaders(cookie);
    request.headers.set("x-ctk-path", "/ngoc-thuy");
    await expect(requireReadPage("ngoc-thuy")).resolves.toBeTruthy();
    request.headers = browserHeaders(cookie);
    // the ward official may not set the district's deadline: an answer from the database again
    expect(await saveDeadline(null, deadlineForm())).toMatchObject({ ok: false, code: "forbidden" });
    expect((await v1()).status).toBe(200);
    const again = await signInRoute.POST(signInPost(world.users.official.username, "mật-khẩu-thử-nghiệm-2026"));
    expect(again.status).toBe(303);
  }, 60_000);
});

describe("text the database cannot store", () => {
  it("a sign-in name with U+0000 goes back to the form with a reason, not a 500", async () => {
    const signInRoute = await import("@/app/api/auth/sign-in/route");
    const response = await signInRoute.POST(signInPost("can.bo\u0000nt"));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toContain("loi=ky-tu");
  });

  it("a JSON body with a lone surrogate gets a 400 naming the problem, and nothing is created", async () => {
    const accounts = await import("@/app/api/admin/accounts/route");
    const headers = browserHeaders(adminCookie);
    headers.set("content-type", "application/json");
    const body = JSON.stringify({
      username: "nguoi.moi",
      name: "Nguyễn \ud800 A",
      password: "mot-mat-khau-dai-du-2026",
      role: "WARD_OFFICIAL",
      unit: "ngoc-thuy",
    });
    const response = await accounts.POST(
      new Request(`${ORIGIN}/api/admin/accounts`, { method: "POST", headers, body }),
    );
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("ký tự không hợp lệ");
    expect(await world.database.prisma.user.count({ where: { username: "nguoi.moi" } })).toBe(0);
  });

  it("a review comment with U+0000 gets a field error, not a 500", async () => {
    const { returnSubmission } = await import("@/lib/actions/review");
    request.headers = browserHeaders(await signInCookie(world.users.committee.username));
    const form = new FormData();
    for (const [k, v] of Object.entries({
      ward: "ngoc-thuy",
      year: "2016",
      programme: "01-CT-QU",
      version: "0",
      comment: "Sửa lại\u0000 dòng 3",
    }))
      form.set(k, v);
    const result = await returnSubmission(null, form);
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    expect(result.fieldErrors?.comment?.[0]).toContain("ký tự không hợp lệ");
  });
});
