import { expect, test } from "@playwright/test";

// Page URLs are Vietnamese and stable: the English ones of before answer a permanent redirect with
// the query kept, so saved links and bookmarks still open the same view.
const MOVED: [string, string][] = [
  ["/ngoc-thuy/programmes/03-CTr-QU", "/ngoc-thuy/chuong-trinh/03-CTr-QU"],
  [
    "/ngoc-thuy/residential-groups?indicator=gd-van-hoa-theo-tdp&year=2019",
    "/ngoc-thuy/to-dan-pho?indicator=gd-van-hoa-theo-tdp&year=2019",
  ],
  ["/ngoc-thuy/residential-groups/22", "/ngoc-thuy/to-dan-pho/22"],
  [
    "/compare?parent=long-bien&indicator=xu-phat-vi-pham&period=2019&sort=asc",
    "/so-sanh?parent=long-bien&indicator=xu-phat-vi-pham&period=2019&sort=asc",
  ],
  [
    "/compare/ward?ward=ngoc-thuy&programme=03-CTr-QU&period=term",
    "/so-sanh/phuong?ward=ngoc-thuy&programme=03-CTr-QU&period=term",
  ],
];

test.describe("addresses", () => {
  test("the English page URLs of before redirect permanently to the Vietnamese ones, query kept", async ({
    request,
  }) => {
    for (const [old, now] of MOVED) {
      const res = await request.get(old, { maxRedirects: 0 });
      expect(res.status(), old).toBe(308);
      expect(res.headers()["location"], old).toBe(now);
    }
  });

  test("an old link opens the same view at its new address", async ({ page }) => {
    await page.goto("/compare?parent=long-bien&indicator=xu-phat-vi-pham&period=2019&sort=asc");
    await expect(page).toHaveURL(/\/so-sanh\?parent=long-bien&indicator=xu-phat-vi-pham&period=2019&sort=asc$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.goto("/ngoc-thuy/programmes/03-CTr-QU");
    await expect(page).toHaveURL(/\/ngoc-thuy\/chuong-trinh\/03-CTr-QU$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chương trình 03-CTr/QU");
  });

  test("the JSON API keeps its paths", async ({ request }) => {
    expect((await request.get("/api/v1/programmes?term=2015-2020", { maxRedirects: 0 })).status()).toBe(200);
  });

  test("robots.txt keeps crawlers out; the pages link the manifest, its icons and theme colour", async ({
    page,
    request,
  }) => {
    const robots = await request.get("/robots.txt");
    expect(robots.status()).toBe(200);
    expect(await robots.text()).toMatch(/^User-agent: \*\r?\nDisallow: \/$/m);

    await page.goto("/ngoc-thuy");
    const href = await page.locator('link[rel="manifest"]').getAttribute("href");
    expect(href).toBe("/manifest.webmanifest");
    await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#991b1b");
    const manifest = await request.get(href!);
    expect(manifest.status()).toBe(200);
    const body = await manifest.json();
    expect(body).toMatchObject({
      lang: "vi",
      name: "Theo dõi Chương trình công tác toàn khóa",
      theme_color: "#991b1b",
    });
    for (const icon of body.icons as { src: string; type: string }[]) {
      const res = await request.get(icon.src);
      expect(res.status(), icon.src).toBe(200);
      expect(res.headers()["content-type"], icon.src).toContain(icon.type);
    }
    await expect(page.locator('link[rel="icon"][type="image/svg+xml"]')).toHaveAttribute("href", "/icon.svg");
  });
});
