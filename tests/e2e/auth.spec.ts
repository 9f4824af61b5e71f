import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./auth-state";
import { submitSignIn } from "./helpers/sign-in";

// Each demo role signs in and sees what its office allows, nothing more.
test.use({ storageState: { cookies: [], origins: [] } });

test.describe("sign-in and what each role sees", () => {
  test("without a session the dashboards lead to the sign-in page and the API answers 401", async ({
    page,
    request,
  }) => {
    await page.goto("/ngoc-thuy");
    await expect(page).toHaveURL(/\/dang-nhap\?next=%2Fngoc-thuy/);
    await expect(page.getByRole("heading", { level: 1, name: "Đăng nhập" })).toBeVisible();
    expect((await request.get("/api/v1/org-units/ngoc-thuy")).status()).toBe(401);
    expect((await request.get("/api/health")).status()).toBe(200);
  });

  test("a wrong password is refused in Vietnamese", async ({ page }) => {
    await page.goto("/dang-nhap");
    await page.getByLabel("Tên đăng nhập hoặc e-mail").fill("demo.phuong");
    await page.getByLabel("Mật khẩu").fill("khong-phai-mat-khau");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.locator("main").getByRole("alert")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
  });

  test("ward official: their ward and its groups; not another ward, not the district comparison", async ({ page }) => {
    await submitSignIn(page, "demo.phuong", { next: "/ngoc-thuy" });
    await expect(page).toHaveURL(/\/ngoc-thuy$/);
    await expect(page.getByTestId("current-user")).toContainText("Cán bộ phường");
    // what the role cannot open is not offered
    const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
    await expect(nav.getByRole("link", { name: "Ngọc Thụy" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "So sánh phường" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Quản trị" })).toHaveCount(0);
    expect((await page.goto("/ngoc-thuy/to-dan-pho/22"))?.status()).toBe(200);
    const other = await page.goto("/bo-de");
    expect(other?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không có quyền truy cập");
    expect((await page.goto("/so-sanh"))?.status()).toBe(403);
    await page.goto("/");
    await expect(page.getByRole("link", { name: /Phường Ngọc Thụy/ })).toBeVisible();
    await expect(page.getByRole("link", { name: /Phường Bồ Đề/ })).toHaveCount(0);
    expect((await page.request.get("/api/v1/org-units/bo-de/values")).status()).toBe(403);
    expect((await page.request.get("/api/v1/org-units/ngoc-thuy")).status()).toBe(200);
  });

  test("ward party committee: their ward only", async ({ page }) => {
    await submitSignIn(page, "demo.danguy", { next: "/ngoc-thuy" });
    await expect(page.getByTestId("current-user")).toContainText("Đảng ủy phường");
    expect((await page.goto("/cu-khoi"))?.status()).toBe(403);
  });

  test("district staff: every ward and the comparisons", async ({ page }) => {
    await submitSignIn(page, "demo.quan");
    await expect(page.getByRole("link", { name: /Phường Bồ Đề/ })).toBeVisible();
    expect((await page.goto("/bo-de"))?.status()).toBe(200);
    expect((await page.goto("/so-sanh"))?.status()).toBe(200);
  });

  test("administrator creates an account, who must change the temporary password at first sign-in", async ({
    page,
    browser,
  }) => {
    await submitSignIn(page, "demo.quantri", { next: "/quan-tri/tai-khoan" });
    await expect(page.getByRole("heading", { level: 1, name: "Quản trị tài khoản" })).toBeVisible();
    await expect(page.getByTestId("account-demo.phuong")).toContainText("Cán bộ phường · Phường Ngọc Thụy");
    const form = page.locator("form[action='/api/admin/accounts']");
    await form.getByLabel("Tên đăng nhập").fill("can.bo.moi");
    await form.getByLabel("Họ và tên").fill("Cán bộ mới");
    await form.getByLabel(/Mật khẩu tạm/).fill("tam-thoi-rat-dai-1");
    await form.getByLabel("Vai trò").selectOption("WARD_OFFICIAL");
    await form.getByLabel("Đơn vị (mã)").fill("bo-de");
    await form.getByRole("button", { name: "Tạo" }).click();
    await expect(page.getByRole("status")).toHaveText("Đã tạo tài khoản can.bo.moi.");
    await page.goto("/quan-tri/nhat-ky");
    await expect(page.getByRole("cell", { name: "Tạo tài khoản" })).toBeVisible();

    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const user = await context.newPage();
    await user.goto("/dang-nhap");
    await user.getByLabel("Tên đăng nhập hoặc e-mail").fill("can.bo.moi");
    await user.getByLabel("Mật khẩu").fill("tam-thoi-rat-dai-1");
    await user.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(user).toHaveURL(/\/doi-mat-khau$/);
    expect((await user.goto("/bo-de"))?.url()).toMatch(/\/doi-mat-khau$/);
    await user.getByLabel("Mật khẩu hiện tại").fill("tam-thoi-rat-dai-1");
    await user.getByLabel(/^Mật khẩu mới/).fill("matkhau1234");
    await user.getByLabel("Nhập lại mật khẩu mới").fill("matkhau1234");
    await user.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await expect(user.locator("main").getByRole("alert")).toContainText("phổ biến");
    await user.getByLabel("Mật khẩu hiện tại").fill("tam-thoi-rat-dai-1");
    await user.getByLabel(/^Mật khẩu mới/).fill("bồ đề mùa lúa chín");
    await user.getByLabel("Nhập lại mật khẩu mới").fill("bồ đề mùa lúa chín");
    await user.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await expect(user.locator("main").getByRole("status")).toContainText("Đã đổi mật khẩu");
    expect((await user.goto("/bo-de"))?.status()).toBe(200);
    expect((await user.goto("/quan-tri/tai-khoan"))?.status()).toBe(403);
    await context.close();
  });

  test("administrator signs in and out; sign-out ends the session", async ({ page }) => {
    await submitSignIn(page, "demo.quantri");
    await expect(page.getByTestId("current-user")).toContainText("Quản trị");
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await expect(page).toHaveURL(/\/dang-nhap\?da-dang-xuat=1/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/dang-nhap/);
  });

  test("the page's own scripts run under the nonce (sign-in, charts) and an injected inline handler does not", async ({
    page,
  }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await submitSignIn(page, "demo.quan", { next: "/ngoc-thuy/chuong-trinh/03-CTr-QU" });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chương trình 03-CTr/QU");
    // the dashboard's sections open on a click and draw their charts when scrolled to (client scripts)
    const order = page.locator('details.dashboard-section[data-section="trat-tu-do-thi"]');
    await order.locator(":scope > summary").click();
    await order.locator('[data-indicator="xu-phat-vi-pham"]').scrollIntoViewIfNeeded();
    await expect(order.locator('[data-indicator="xu-phat-vi-pham"] svg.recharts-surface')).toHaveCount(1, {
      timeout: 30_000,
    });
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);

    // markup slipped into the page (HTML injection) with an inline handler: refused, and reported
    const ran = await page.evaluate(async () => {
      document.body.insertAdjacentHTML("beforeend", `<img src="/icon.svg" onload="window.injectedRan = true" alt="">`);
      await new Promise((r) => setTimeout(r, 300));
      return (window as unknown as { injectedRan?: boolean }).injectedRan ?? false;
    });
    expect(ran).toBe(false);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([
      expect.stringMatching(/^script-src/),
    ]);
  });

  test("security headers, and cross-site sign-in refused", async ({ request }) => {
    const res = await request.get("/dang-nhap");
    const csp = res.headers()["content-security-policy"];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    // scripts need this answer's nonce: no 'unsafe-inline' for them, and a new nonce each time
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect((await request.get("/dang-nhap")).headers()["content-security-policy"]).not.toBe(csp);
    expect(res.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    const cross = await request.post("/api/auth/sign-in", {
      headers: { Origin: "https://evil.example" },
      form: { identifier: "demo.quan", password: DEMO_PASSWORD },
      maxRedirects: 0,
    });
    expect(cross.status()).toBe(403);
  });

  test("signing in again and again works and gives a new session every time", async ({ request, baseURL }) => {
    // (how long a sign-in takes is measured by `npm run bench`, not asserted here)
    const sessions = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const res = await request.post("/api/auth/sign-in", {
        headers: { Origin: new URL(baseURL!).origin },
        form: { identifier: "demo.quan", password: DEMO_PASSWORD, next: "/" },
        maxRedirects: 0,
      });
      expect(res.status()).toBe(303);
      const cookie = res
        .headersArray()
        .find((h) => h.name.toLowerCase() === "set-cookie" && /session_token=/.test(h.value));
      expect(cookie, "a session cookie").toBeDefined();
      sessions.add(cookie!.value.split(";")[0]);
    }
    expect(sessions.size).toBe(20);
  });
});
