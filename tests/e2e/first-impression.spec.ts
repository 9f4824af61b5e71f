// Issue 13, navigation and first impression: the sign-in page says what the site is and whom to ask,
// the header leads ward roles to their work and fits two lines on a phone, /tien-do reads on a phone.
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./helpers/accessibility";
import { signedInPage } from "./helpers/sign-in";

test.describe("first impression and navigation", () => {
  test("the sign-in page names the organisation, the site's purpose, and whom to ask for a forgotten password", async ({
    browser,
  }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto("/dang-nhap");
    const main = page.locator("main");
    await expect(main).toContainText("Quận ủy Long Biên");
    await expect(page.getByTestId("site-purpose")).toContainText("Chương trình công tác toàn khóa");
    await expect(page.getByTestId("forgot-password")).toContainText("Quên mật khẩu?");
    await expect(page.getByTestId("forgot-password")).toContainText("người quản trị hệ thống");
    await expectAccessible(page);
    await context.close();
  });

  test("the header leads a ward official to entry and the committee to approval", async ({ browser }) => {
    const official = await signedInPage(browser, "demo.phuong");
    const nav = official.getByRole("navigation", { name: "Điều hướng chính" });
    await expect(nav.getByRole("link", { name: "Nhập liệu" })).toHaveAttribute("href", "/ngoc-thuy/nhap-lieu");
    await official.context().close();
    const committee = await signedInPage(browser, "demo.danguy");
    await expect(
      committee.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Duyệt số liệu" }),
    ).toHaveAttribute("href", "/ngoc-thuy/nhap-lieu");
    // the reviewer does not enter figures: the page does not say so
    await committee.goto("/ngoc-thuy/nhap-lieu/2020/03-CTr-QU");
    await expect(committee.getByRole("heading", { level: 1 })).toHaveText("Số liệu năm 2020");
    await committee.context().close();
  });

  test("the phone header takes at most two lines", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto("/ngoc-thuy");
    const header = page.locator("header").first();
    const title = header.getByRole("link", { name: "Chương trình công tác toàn khóa" });
    const lineHeight = (await title.boundingBox())!.height;
    const nav = header.getByRole("navigation", { name: "Điều hướng chính" });
    const user = header.getByTestId("current-user");
    // the links and the account share one line below the title
    const navBox = (await nav.boundingBox())!;
    const userBox = (await user.boundingBox())!;
    expect(Math.abs(navBox.y - userBox.y)).toBeLessThan(lineHeight);
    expect(navBox.y).toBeGreaterThan((await title.boundingBox())!.y);
    const headerBox = (await header.boundingBox())!;
    expect(headerBox.height).toBeLessThan(lineHeight * 2 + 48);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
  });

  test("/tien-do on a phone keeps each ward's name in view; the late card is red only when something is late", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto("/tien-do?district=long-bien&year=2020");
    const name = page.locator("[data-sticky-name]").first();
    await expect(name).toBeVisible();
    const before = (await name.boundingBox())!.x;
    const scroller = page.locator("table").first().locator("xpath=..");
    await scroller.evaluate((el) => el.scrollBy({ left: 400 }));
    await expect.poll(async () => (await name.boundingBox())!.x).toBe(before);
    const late = page.locator('[data-testid="progress-counts"] [data-state="late"]');
    const count = Number((await late.locator("span").first().textContent())!.replace(/\./g, ""));
    const background = await late.evaluate((el) => getComputedStyle(el).backgroundColor);
    // Tailwind's red-50 is oklch(97.1% 0.013 17.38); white is rgb(255, 255, 255)
    if (count === 0) expect(background).toBe("rgb(255, 255, 255)");
    else expect(background).not.toBe("rgb(255, 255, 255)");
  });
});
