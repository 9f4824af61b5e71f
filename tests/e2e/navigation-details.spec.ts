// Issue 13, "Navigation and first impression": the details a reader trips over. Each check here failed
// before its fix (checked by running it against the earlier build).
import { expect, test } from "@playwright/test";
import { PROGRAMMES } from "../../prisma/seed/catalogue";

// the catalogue's indicator codes ("ty-le-tdp-van-hoa"): code only, never shown to a reader
const CODES = PROGRAMMES.flatMap((p) => p.sections.flatMap((s) => s.indicators.map((i) => i.code))).filter((c) =>
  c.includes("-"),
);

test("pages show names, never internal codes", async ({ page }) => {
  for (const path of [
    "/ngoc-thuy",
    "/ngoc-thuy/chuong-trinh/03-CTr-QU",
    "/ngoc-thuy/to-dan-pho",
    "/so-sanh",
    "/so-sanh/phuong?ward=ngoc-thuy",
    "/ngoc-thuy/ban-tom-tat",
  ]) {
    await page.goto(path);
    const text = await page.locator("main").innerText();
    expect(
      CODES.filter((code) => new RegExp(`(^|[^\\w-])${code}($|[^\\w-])`).test(text)),
      path,
    ).toEqual([]);
  }
  await page.goto("/ngoc-thuy");
  await expect(page.locator("main")).toContainText("Đạt danh hiệu Tổ dân phố văn hóa");
});

test("the comparison's indicator picker puts no unit on yes/no questions", async ({ page }) => {
  await page.goto("/so-sanh");
  const options = await page.locator("#cmp-indicator option").allInnerTexts();
  expect(options).toContain("Đạt mô hình cơ quan điện tử");
  expect(options.filter((o) => /\((đạt|năm)\)$/.test(o))).toEqual([]);
  expect(options).toContain("Trường hợp vi phạm bị xử phạt (trường hợp)");
});

test("the comparison's indicator picker is wide enough for every indicator's name (none cut)", async ({ page }) => {
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/so-sanh?parent=long-bien&indicator=ktgs-chuyen-de-chi-bo");
    // the text a closed <select> can show: its width less padding and the arrow (20 px)
    const cut = await page.locator("#cmp-indicator").evaluate((select: HTMLSelectElement) => {
      const style = getComputedStyle(select);
      const context = document.createElement("canvas").getContext("2d")!;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      return [...select.options].map((o) => o.text).filter((text) => context.measureText(text).width > room);
    });
    expect(cut, `${width} px`).toEqual([]);
  }
});

test("a column of rates shows one decimal style: 75,0 % beside 74,2 %", async ({ page }) => {
  await page.goto("/so-sanh?parent=long-bien&indicator=ty-le-tdp-van-hoa&period=2019");
  const values = await page.locator("[data-compare-table] tbody [data-value]").allInnerTexts();
  expect(values.length).toBeGreaterThan(5);
  expect(values.filter((v) => !/^(trên )?\d+,\d\s%$/.test(v))).toEqual([]);
});

test.describe("wide tables on a 375 px phone", () => {
  test.use({ viewport: { width: 375, height: 812 } });

  const inView = async (locator: import("@playwright/test").Locator) => {
    const box = (await locator.boundingBox())!;
    return box.x >= 0 && box.x + box.width <= 375;
  };

  test("/so-sanh/phuong keeps each indicator's difference, ratio and rating on screen", async ({ page }) => {
    await page.goto("/so-sanh/phuong?ward=ngoc-thuy&programme=03-CTr-QU&period=term");
    const row = page.locator("[data-ward-table] tbody tr[data-indicator]").first();
    for (const cell of [row.locator("th"), row.locator("[data-difference]"), row.locator("[data-ratio]")])
      expect(await inView(cell)).toBe(true);
    expect(await inView(row.locator("[data-status]"))).toBe(true);
    await expect(row.locator("[data-ratio]")).toBeVisible();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
  });

  test("/tien-do keeps every programme's state of a ward on screen", async ({ page }) => {
    await page.goto("/tien-do?district=long-bien&year=2020");
    const row = page.locator("tr[data-ward]").first();
    const cells = row.locator("td[data-programme]");
    await expect(cells).toHaveCount(3);
    for (let i = 0; i < 3; i++) expect(await inView(cells.nth(i)), `programme ${i + 1}`).toBe(true);
    expect(await inView(row.locator("[data-sticky-name]"))).toBe(true);
  });
});
