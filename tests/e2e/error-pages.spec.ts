import { expect, test } from "@playwright/test";

// What a person (or a script) sees when a request cannot be handled: Vietnamese pages, never Next.js's
// English defaults ("Internal Server Error", "This page could not be found", "Application error").

const ENGLISH = /Internal Server Error|Application error|could not be found|Body exceeded/i;

test("a form post over the size limit gets a Vietnamese page (413), not Next's English error", async ({
  request,
  baseURL,
}) => {
  const big = "a".repeat(4 * 1024 * 1024);
  // a no-JavaScript server-action post (the shape of a page form's) and a route handler's form post
  for (const url of ["/ngoc-thuy/gpmb", "/api/auth/sign-in"]) {
    const response = await request.post(url, {
      headers: { origin: baseURL! },
      multipart: { $ACTION_ID_0123456789abcdef0123456789abcdef01234567: "", note: big },
      maxRedirects: 0,
    });
    expect(response.status(), url).toBe(413);
    expect(response.headers()["content-type"]).toContain("text/html");
    const body = await response.text();
    expect(body).toContain("Dữ liệu gửi lên quá lớn");
    expect(body).not.toMatch(ENGLISH);
  }
  // the JSON API answers in its own shape
  const api = await request.post("/api/admin/accounts", {
    headers: { origin: baseURL!, "content-type": "application/json" },
    data: JSON.stringify({ name: big }),
  });
  expect(api.status()).toBe(413);
  expect((await api.json()).error.code).toBe("too_large");
});
