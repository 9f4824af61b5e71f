import http from "node:http";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./auth-state";

// Sign-in limits against the real server (scripts/server.mjs, TRUST_PROXY=0), from several client
// addresses: Linux answers the whole of 127.0.0.0/8 on loopback, so a request can leave from
// 127.0.0.30 or 127.0.0.31 like two computers. Whatever forwarding headers a guesser forges, the
// server judges the address the connection came from.

type Answer = { status: number; location: string | null; cookies: string[] };

function post(
  baseURL: string,
  from: string,
  path: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const url = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        localAddress: from,
        headers: {
          origin: url.origin,
          "content-type": "application/x-www-form-urlencoded",
          "content-length": Buffer.byteLength(body),
          ...headers,
        },
      },
      (res) => {
        res.resume();
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            location: (res.headers.location as string) ?? null,
            cookies: res.headers["set-cookie"] ?? [],
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const forged = (address: string) => ({
  "x-forwarded-for": address,
  "x-real-ip": address,
  forwarded: `for=${address}`,
  "x-ctk-client-address": address,
});

test.use({ storageState: { cookies: [], origins: [] } });

test.describe("sign-in limits judge the connection's address, not forwarding headers", () => {
  test.setTimeout(180_000);

  test("a guesser elsewhere, forging the real user's address, is refused; the real user still signs in", async ({
    baseURL,
    request,
  }) => {
    // an account of its own, so that no other test's account is locked
    const admin = await post(
      baseURL!,
      "127.0.0.1",
      "/api/auth/sign-in",
      form({ identifier: "demo.quantri", password: DEMO_PASSWORD, next: "/" }),
    );
    expect(admin.status).toBe(303);
    const adminCookie = admin.cookies.map((c) => c.split(";")[0]).join("; ");
    const origin = new URL(baseURL!).origin;
    const created = await request.post("/api/admin/accounts", {
      headers: { cookie: adminCookie, origin },
      data: {
        username: "e2e.khoa.dia.chi",
        name: "Thử khóa theo địa chỉ",
        password: "tam-thoi-khoa-2026",
        role: "WARD_OFFICIAL",
        unit: "bo-de",
      },
    });
    expect(created.status()).toBe(200);

    const REAL = "127.0.0.30";
    const GUESSER = "127.0.0.31";
    const signIn = (from: string, password: string, headers: Record<string, string> = {}) =>
      post(baseURL!, from, "/api/auth/sign-in", form({ identifier: "e2e.khoa.dia.chi", password, next: "/" }), headers);

    // the real user signs in from their usual computer (a temporary password: on to the change page)
    expect((await signIn(REAL, "tam-thoi-khoa-2026")).location).toBe("/doi-mat-khau");

    // the guesser, on another computer, claims to be that computer in every header there is
    const answers: number[] = [];
    for (let i = 0; i < 12; i++) answers.push((await signIn(GUESSER, `doan-mo-${i}-khong-dung`, forged(REAL))).status);
    expect(answers.slice(0, 10)).toEqual(Array(10).fill(303));
    expect(answers.slice(10)).toEqual([429, 429]);

    // the real user is not locked out
    const again = await signIn(REAL, "tam-thoi-khoa-2026");
    expect(again.status).toBe(303);
    expect(again.location).toBe("/doi-mat-khau");
  });

  test("a guesser changing forged headers on every request still hits the per-address limit (30)", async ({
    baseURL,
  }) => {
    const GUESSER = "127.0.0.40";
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const answer = await post(
        baseURL!,
        GUESSER,
        "/api/auth/sign-in",
        form({ identifier: `khong-ai-${i}`, password: "doan-mo-khong-dung", next: "/" }),
        forged(`198.51.100.${i + 1}`),
      );
      statuses.push(answer.status);
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(303));
    expect(statuses[30]).toBe(429);
    // the limit is the guesser's own: another computer is not refused
    expect(
      (
        await post(
          baseURL!,
          "127.0.0.41",
          "/api/auth/sign-in",
          form({ identifier: "khong-ai-nua", password: "doan-mo-khong-dung", next: "/" }),
        )
      ).status,
    ).toBe(303);
  });
});
