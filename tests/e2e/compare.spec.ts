import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { STORAGE_STATE } from "./auth-state";

const XU_PHAT = "/so-sanh?parent=long-bien&indicator=xu-phat-vi-pham&period=term";
const WARD = "/so-sanh/phuong?ward=ngoc-thuy&programme=03-CTr-QU&period=term";

const rows = (page: Page) => page.locator("table[data-compare-table] tbody tr[data-unit]");
const unitRow = (page: Page, slug: string) => page.locator(`table[data-compare-table] tr[data-unit="${slug}"]`);
const tableText = (page: Page) => page.locator("table[data-compare-table] tbody").innerText();

async function noSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe("/so-sanh: the wards of a district on one indicator", () => {
  test("shows the 14 wards; Ngọc Thụy's term figure is the report's, not demo", async ({ page }) => {
    await page.goto(XU_PHAT);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("So sánh các phường của Quận Long Biên");
    await expect(rows(page)).toHaveCount(14);

    const ngocThuy = unitRow(page, "ngoc-thuy");
    await expect(ngocThuy.locator("[data-value]")).toHaveText(/^1\.691\s+trường hợp$/);
    await expect(ngocThuy).toContainText("Báo cáo của Đảng ủy phường Ngọc Thụy, 05/11/2019");
    await expect(ngocThuy).toContainText("Số cả nhiệm kỳ theo nguồn");
    await expect(ngocThuy).not.toHaveAttribute("data-demo", "true");
    await expect(ngocThuy.getByText("Dữ liệu minh họa")).toHaveCount(0);

    // every other ward's term figure is computed from demo years, and says so
    await expect(page.locator('table[data-compare-table] tr[data-unit][data-demo="true"]')).toHaveCount(13);
    await expect(unitRow(page, "bo-de").getByText("Dữ liệu minh họa")).toBeVisible();
    await expect(unitRow(page, "bo-de")).toContainText("Tổng các năm 2015–2020");

    // the district's total in words, and the average line labelled on the chart
    await expect(page.locator("[data-reference]")).toContainText(/Tổng Quận Long Biên: [\d.]+\s+trường hợp/);
    await expect(page.locator(".chart-area svg.recharts-surface")).toBeVisible();
    await expect(page.locator(".chart-area svg text", { hasText: "Bình quân/phường" })).toHaveCount(1);
    await page.screenshot({ path: "test-results/screenshots/compare-xu-phat.png", fullPage: true });
  });

  test("sorting ascending reverses the descending order, through links in the URL", async ({ page }) => {
    await page.goto(XU_PHAT);
    const values = () => rows(page).locator("[data-value]").allInnerTexts();
    const desc = await values();
    await page.getByRole("navigation", { name: "Sắp xếp" }).getByRole("link", { name: "Tăng dần" }).click();
    await expect(page).toHaveURL(/sort=asc/);
    await expect(rows(page).first()).not.toHaveAttribute("data-unit", "bo-de");
    expect(await values()).toEqual([...desc].reverse());
    // the value column's header link toggles back
    await page
      .getByRole("columnheader", { name: /Giá trị/ })
      .getByRole("link")
      .click();
    await expect(page).toHaveURL(/sort=desc/);
    expect(await values()).toEqual(desc);
    await page
      .getByRole("columnheader", { name: /Phường/ })
      .getByRole("link")
      .click();
    await expect(page).toHaveURL(/sort=name/);
    await expect(rows(page).first()).toHaveAttribute("data-unit", "bo-de");
  });

  test("the form and the URL give the same view (with and without JavaScript)", async ({ page, browser }) => {
    const url = "/so-sanh?parent=long-bien&indicator=ra-quan-xu-ly&period=2019&sort=asc";
    await page.goto(url);
    await expect(rows(page)).toHaveCount(14);
    const direct = await tableText(page);

    // with JavaScript: choosing an option is enough
    await page.goto("/so-sanh?sort=asc");
    // a choice made before the page is hydrated submits nothing (the "Xem" button would)
    const autoSubmitting = page.locator('form[data-auto-submit="on"]');
    await expect(autoSubmitting).toHaveCount(1);
    await page.getByLabel("Chỉ tiêu", { exact: true }).selectOption("ra-quan-xu-ly");
    await expect(page).toHaveURL(/indicator=ra-quan-xu-ly/);
    await expect(autoSubmitting).toHaveCount(1);
    await page.getByLabel("Kỳ số liệu").selectOption("2019");
    await expect(page).toHaveURL(/period=2019/);
    await expect(page.getByRole("heading", { level: 2, name: /Đợt ra quân.*năm 2019/ })).toBeVisible();
    expect(await tableText(page)).toBe(direct);

    // without JavaScript: the GET form and its "Xem" button
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: STORAGE_STATE });
    const noJs = await context.newPage();
    await noJs.goto("/so-sanh?sort=asc");
    await noJs.getByLabel("Chỉ tiêu", { exact: true }).selectOption("ra-quan-xu-ly");
    await noJs.getByLabel("Kỳ số liệu").selectOption("2019");
    await noJs.getByRole("button", { name: "Xem" }).click();
    await expect(noJs).toHaveURL(/indicator=ra-quan-xu-ly/);
    expect(new URL(noJs.url()).searchParams.get("period")).toBe("2019");
    expect(await tableText(noJs)).toBe(direct);
    await context.close();
  });

  test("a year shows the stored yearly values", async ({ page }) => {
    await page.goto("/so-sanh?parent=long-bien&indicator=xu-phat-vi-pham&period=2019");
    await expect(page.getByRole("heading", { level: 2, name: /năm 2019/ })).toBeVisible();
    await expect(rows(page)).toHaveCount(14);
    await expect(page.locator('table[data-compare-table] [data-basis="year"]')).toHaveCount(14);
    // Ngọc Thụy's 2019 figure is a demo year, never a share of the reported term total
    await expect(unitRow(page, "ngoc-thuy").locator("[data-value]")).toHaveText(/^280\s+trường hợp$/);
    await expect(unitRow(page, "ngoc-thuy")).toContainText("Số liệu năm 2019");
    await expect(unitRow(page, "ngoc-thuy").getByText("Dữ liệu minh họa")).toBeVisible();
  });

  test("the chart's CSV has a BOM, the header and one row per ward", async ({ page }) => {
    await page.goto(XU_PHAT);
    await expect(page.locator(".chart-area svg.recharts-surface")).toBeVisible();
    // the whole ranking, made on the server (the page carries only the rows it shows)
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Tải CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("so-sanh-long-bien-xu-phat-vi-pham-nhiem-ky.csv");
    const text = fs.readFileSync((await download.path())!, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("Hạng;Phường;Giá trị;Đơn vị;Hiển thị;Cơ sở;Nguồn;Dữ liệu minh họa;Đánh giá");
    expect(lines).toHaveLength(15);
    expect(lines.find((l) => l.includes("Phường Ngọc Thụy"))).toContain(
      ';1.691;trường hợp;1.691 trường hợp;Số cả nhiệm kỳ theo nguồn;"Báo cáo của Đảng ủy phường Ngọc Thụy, 05/11/2019";không;',
    );
  });

  test("per 1 000 inhabitants: a clear notice, no invented population", async ({ page }) => {
    await page.goto(`${XU_PHAT}&per=capita`);
    const notice = page.locator("[data-notice]");
    await expect(notice).toContainText("Chưa thể chuẩn hóa theo 1.000 dân");
    await expect(notice).toContainText("Không tự ước tính số dân");
    await expect(unitRow(page, "ngoc-thuy").locator("[data-value]")).toHaveText(/^1\.691\s+trường hợp$/);
    await expect(page.getByLabel("Chuẩn hóa theo quy mô")).toHaveValue("capita");
    await page.screenshot({ path: "test-results/screenshots/compare-per-capita.png", fullPage: true });
  });

  test("a district officer gets from the table to one ward against the others, and back", async ({ page }) => {
    await page.goto(XU_PHAT);
    await unitRow(page, "ngoc-thuy").getByRole("link", { name: "Ngọc Thụy" }).click();
    await expect(page).toHaveURL(/\/so-sanh\/phuong\?ward=ngoc-thuy&programme=03-CTr-QU&period=term/);
    await page
      .locator('tr[data-indicator="xu-phat-vi-pham"]')
      .getByRole("link", { name: /Trường hợp vi phạm bị xử phạt/ })
      .click();
    await expect(page).toHaveURL(/\/so-sanh\?parent=long-bien&indicator=xu-phat-vi-pham&period=term/);
    await expect(rows(page)).toHaveCount(14);
  });

  test("the table is searched without diacritics: 'ngoc thuy' finds Ngọc Thụy, with its rank", async ({ page }) => {
    await page.goto(XU_PHAT);
    const rank = await unitRow(page, "ngoc-thuy").locator("td").first().innerText();
    const search = page.getByRole("search");
    await search.getByLabel("Tìm phường trong bảng").fill("ngoc thuy");
    await search.getByRole("button", { name: "Tìm" }).click();
    await expect(page).toHaveURL(/q=ngoc\+thuy/);
    await expect(rows(page)).toHaveCount(1);
    await expect(unitRow(page, "ngoc-thuy").locator("td").first()).toHaveText(rank);
    await expect(search).toContainText("1 phường khớp “ngoc thuy”");
    // the chart still ranks every ward
    await expect(page.locator(".chart-area .recharts-bar-rectangle")).toHaveCount(14);
    await page.getByRole("link", { name: "Bỏ tìm kiếm" }).click();
    await expect(rows(page)).toHaveCount(14);
  });

  test("the ward picker is a searchable combobox: keyboard only, the chart shows the ward's position", async ({
    page,
  }) => {
    await page.goto(XU_PHAT);
    await expect(page.locator('form[data-auto-submit="on"]')).toHaveCount(1);
    const box = page.getByRole("combobox", { name: "Xem vị trí của phường" });
    await box.focus();
    await page.keyboard.type("ngoc thuy");
    const list = page.getByRole("listbox", { name: /Gõ tên phường/ });
    await expect(list.getByRole("option", { name: "Phường Ngọc Thụy" })).toBeVisible();
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await expect(list.getByRole("option")).toHaveCount(1);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/ward=ngoc-thuy/);
    await expect(page.locator("[data-selected-position]")).toContainText(/Phường Ngọc Thụy: hạng \d+\/14/);
    await expect(page.getByRole("combobox", { name: "Xem vị trí của phường" })).toHaveValue("Phường Ngọc Thụy");
    // the picker lists only what the search finds, never every ward as options in the page
    await expect(page.locator('option[value="bo-de"]')).toHaveCount(0);
  });

  test("the unit picker is a searchable combobox too: 'ngoc thuy' finds the ward and compares its groups", async ({
    page,
  }) => {
    await page.goto(XU_PHAT);
    await expect(page.locator('form[data-auto-submit="on"]')).toHaveCount(1);
    // no <select> of every unit with children: at national scale that is thousands of options
    await expect(page.locator("select#cmp-parent")).toHaveCount(0);
    const box = page.getByRole("combobox", { name: "Đơn vị (so sánh các đơn vị trực thuộc)" });
    await expect(box).toHaveValue(/^Quận Long Biên \(14 phường\)$/);
    await box.focus();
    await page.keyboard.type("ngoc thuy");
    const list = page.getByRole("listbox", { name: "Gõ tên đơn vị để tìm" });
    await expect(list.getByRole("option")).toHaveCount(1);
    await expect(list.getByRole("option", { name: /^Phường Ngọc Thụy \(\d+ tổ dân phố\)$/ })).toBeVisible();
    await page.keyboard.press("Enter");
    // another unit: the indicator of the district's comparison is not carried over
    await expect(page).toHaveURL(/\/so-sanh\?parent=ngoc-thuy&period=term/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Phường Ngọc Thụy/);
    await expect(page.getByRole("combobox", { name: "Đơn vị (so sánh các đơn vị trực thuộc)" })).toHaveValue(
      /^Phường Ngọc Thụy \(\d+ tổ dân phố\)$/,
    );
  });

  test("the unit picker searches on the server: 'long bien' finds Quận Long Biên", async ({ page }) => {
    await page.goto(`/so-sanh?parent=ngoc-thuy&period=term`);
    await expect(page.locator('form[data-auto-submit="on"]')).toHaveCount(1);
    const box = page.getByRole("combobox", { name: "Đơn vị (so sánh các đơn vị trực thuộc)" });
    await expect(box).toHaveValue(/^Phường Ngọc Thụy \(\d+ tổ dân phố\)$/);
    await box.focus();
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes("/api/v1/compare/parents?") && r.url().includes("q=long+bien")),
      page.keyboard.type("long bien"),
    ]);
    expect(response.status()).toBe(200);
    const list = page.getByRole("listbox", { name: "Gõ tên đơn vị để tìm" });
    await expect(list.getByRole("option")).toHaveCount(1);
    await expect(list.getByRole("option", { name: "Quận Long Biên (14 phường)" })).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/so-sanh\?parent=long-bien&period=term/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Quận Long Biên/);
  });

  test("a PNG that cannot be made is refused with the reason, next to the buttons", async ({ page }) => {
    // a browser that cannot encode the canvas (as some refuse very large ones)
    await page.addInitScript(() => {
      HTMLCanvasElement.prototype.toBlob = function (callback: BlobCallback) {
        callback(null);
      };
    });
    await page.goto(XU_PHAT);
    await expect(page.locator(".chart-area svg.recharts-surface")).toBeVisible();
    await page.getByRole("button", { name: "Tải PNG" }).click();
    await expect(page.getByRole("alert").and(page.locator("[data-download-problem]"))).toHaveText(
      "Trình duyệt không tạo được ảnh PNG của biểu đồ này. Hãy tải SVG hoặc CSV.",
    );
    // the other downloads still work
    const [svg] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Tải SVG" }).click(),
    ]);
    expect(svg.suggestedFilename()).toBe("so-sanh-long-bien-xu-phat-vi-pham-nhiem-ky.svg");
    await expect(page.locator("[data-download-problem]")).toHaveCount(0);
  });

  test("PNG and SVG downloads of the chart work", async ({ page }) => {
    await page.goto(XU_PHAT);
    await expect(page.locator(".chart-area svg.recharts-surface")).toBeVisible();
    const [png] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Tải PNG" }).click(),
    ]);
    expect(png.suggestedFilename()).toBe("so-sanh-long-bien-xu-phat-vi-pham-nhiem-ky.png");
    const bytes = fs.readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
    await expect(page.locator("[data-download-problem]")).toHaveCount(0);
  });

  test("the reference line's label is not cut at the chart's edge", async ({ page }) => {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/so-sanh?parent=long-bien&indicator=xu-phat-vi-pham&period=2019");
      // on a phone the chart sits under the form: drawn when scrolled to
      await page.locator(".chart-area").scrollIntoViewIfNeeded();
      const key = page.locator(".chart-area svg [data-reference-key] text").first();
      await expect(key).toContainText("Bình quân");
      const inside = await key.evaluate((t) => {
        const svg = (t as SVGTextElement).ownerSVGElement!.getBoundingClientRect();
        const box = t.getBoundingClientRect();
        return box.left >= svg.left && box.right <= svg.right;
      });
      expect(inside, `${width} px`).toBe(true);
    }
  });

  test("has no serious accessibility violations and fits a 375 px phone", async ({ page }) => {
    await page.goto(XU_PHAT);
    await expect(page.locator(".chart-area svg.recharts-surface")).toBeVisible();
    await noSeriousViolations(page);
    await page.goto(`${XU_PHAT}&per=capita`);
    await noSeriousViolations(page);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(XU_PHAT);
    // under the form on a phone: not drawn (nor its library loaded) until scrolled to
    await expect(page.locator(".chart-area [data-chart-pending]")).toHaveCount(1);
    await expect(page.locator(".chart-area svg.recharts-surface")).toHaveCount(0);
    await page.locator(".chart-area").scrollIntoViewIfNeeded();
    await expect(page.locator(".chart-area svg.recharts-surface")).toBeVisible();
    await noHorizontalScroll(page);
    await page.screenshot({ path: "test-results/screenshots/compare-phone.png", fullPage: true });
  });
});

test.describe("/so-sanh/phuong: one ward against the average of the others", () => {
  test("shows programme 03's indicators with Ngọc Thụy's figure and the others' average", async ({ page }) => {
    await page.goto(WARD);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Phường Ngọc Thụy so với các phường khác");
    await expect(page.getByRole("columnheader", { name: "Bình quân 13 phường khác" })).toBeVisible();
    const xuPhat = page.locator('tr[data-indicator="xu-phat-vi-pham"]');
    await expect(xuPhat.locator("[data-own]")).toContainText(/1\.691\s+trường hợp/);
    await expect(xuPhat.locator("[data-own]")).toContainText("Báo cáo của Đảng ủy phường Ngọc Thụy, 05/11/2019");
    await expect(xuPhat.locator("[data-average]")).toContainText(/[\d.,]+\s+trường hợp/);
    await expect(xuPhat.locator("[data-average]").getByText("Dữ liệu minh họa")).toBeVisible();
    await expect(xuPhat.locator("[data-ratio]")).toContainText("%");
    await expect(page.locator("tr[data-indicator]")).toHaveCount(28);
    await expect(page.locator(".chart-area svg text", { hasText: "Bình quân = 100 %" })).toHaveCount(1);
    // only one term in the seed
    await expect(page.locator("[data-single-term]")).toContainText("Chỉ có một nhiệm kỳ có chỉ tiêu này");
    await page.screenshot({ path: "test-results/screenshots/compare-ward.png", fullPage: true });
  });

  test("the chart's indicator labels can be told apart", async ({ page }) => {
    await page.goto("/so-sanh/phuong?ward=ngoc-thuy&programme=01-CT-QU&period=term");
    await expect(page.locator(".chart-area svg.recharts-surface")).toBeVisible();
    const ticks = page.locator(".chart-area svg text").filter({ hasText: /^\d+\.\s/ });
    await expect(ticks.first()).toBeVisible();
    const names = (await ticks.allTextContents()).map((t) => t.replace(/^\d+\.\s*/, ""));
    expect(names.length).toBeGreaterThan(3);
    expect(new Set(names).size).toBe(names.length);
  });

  test("the ward picker finds a ward by name without diacritics", async ({ page }) => {
    await page.goto(WARD);
    await expect(page.locator('form[data-auto-submit="on"]')).toHaveCount(1);
    const box = page.getByRole("combobox", { name: /Phường \(thuộc Quận Long Biên\)/ });
    await expect(box).toHaveValue("Phường Ngọc Thụy");
    await box.fill("bo de");
    await expect(page.getByRole("listbox").getByRole("option", { name: "Phường Bồ Đề" })).toBeVisible();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    // the ward page takes seconds on the embedded database of a loaded test machine
    await expect(page).toHaveURL(/ward=bo-de/, { timeout: 30_000 });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Phường Bồ Đề so với các phường khác");
  });

  test("on a phone each indicator is a card: its name and figures in view, nothing to scroll sideways", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(WARD);
    const table = page.locator("table[data-ward-table]");
    const scroller = table.locator("xpath=..");
    const name = page.locator('tr[data-indicator="xu-phat-vi-pham"] th[scope="row"]');
    await name.scrollIntoViewIfNeeded();
    await expect(name).toBeInViewport();
    expect(await scroller.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await expect(page.locator('tr[data-indicator="xu-phat-vi-pham"] [data-ratio]')).toBeInViewport();
  });

  test("has no serious accessibility violations and fits a 375 px phone", async ({ page }) => {
    await page.goto(WARD);
    await expect(page.locator(".chart-area svg.recharts-surface")).toBeVisible();
    await noSeriousViolations(page);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(WARD);
    // under the form on a phone: drawn once scrolled to
    await page.locator(".chart-area").scrollIntoViewIfNeeded();
    await expect(page.locator(".chart-area svg.recharts-surface")).toBeVisible();
    await noHorizontalScroll(page);
    await page.screenshot({ path: "test-results/screenshots/compare-ward-phone.png", fullPage: false });
  });

  test("on a phone the chart library is loaded only once the chart is on screen", async ({ page }) => {
    const scripts: Array<Promise<string>> = [];
    page.on("response", (r) => {
      if (r.request().resourceType() === "script") scripts.push(r.text().catch(() => ""));
    });
    const hasCharts = async () => (await Promise.all(scripts)).some((t) => t.includes("recharts-responsive-container"));
    // Lighthouse's phone: the chart starts just below the first screen (within 300 px of it)
    await page.setViewportSize({ width: 412, height: 823 });
    await page.goto(WARD, { waitUntil: "networkidle" });
    expect(scripts.length).toBeGreaterThan(0);
    await expect(page.locator(".chart-area [data-chart-pending]")).toHaveCount(1);
    expect(await hasCharts()).toBe(false);
    await page.locator(".chart-area").scrollIntoViewIfNeeded();
    await expect(page.locator(".chart-area svg.recharts-surface")).toBeVisible();
    expect(await hasCharts()).toBe(true);
  });
});

test("unknown or malformed parameters give the not-found page", async ({ page }) => {
  for (const url of [
    "/so-sanh?parent=khong-co-don-vi",
    "/so-sanh?indicator=khong-co-chi-tieu",
    "/so-sanh?parent=bo-de", // a ward without residential groups: nothing to compare
    "/so-sanh?period=2030",
    "/so-sanh?period=20x9",
    "/so-sanh?sort=up",
    "/so-sanh?per=dan",
    "/so-sanh?parent=Long_Bien",
    "/so-sanh?indicator=xu-phat-vi-pham&indicator=ra-quan-xu-ly",
    "/so-sanh?term=1990-1995",
    "/so-sanh/phuong?ward=khong-co-phuong",
    "/so-sanh/phuong?ward=ngoc-thuy&programme=09-CTr-QU",
    "/so-sanh/phuong?ward=ngoc-thuy&programme=03/CTr",
    "/so-sanh/phuong?ward=ha-noi", // no parent: no siblings
    "/so-sanh/phuong?ward=ngoc-thuy&period=2014",
  ]) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(404);
  }
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy trang");
});
