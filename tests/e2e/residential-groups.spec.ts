import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// What a user sees of the residential groups (tổ dân phố) of Ngọc Thụy, from the seed: the report's
// figures (Tổ 22 Xanh – Sạch – Đẹp 2018, the ward's "trên 73 %") and the marked demo data.

const REPORT = "Báo cáo của Đảng ủy phường Ngọc Thụy";
const LIST = "/ngoc-thuy/to-dan-pho";

const heatRows = (page: Page) => page.getByTestId("heat-map").locator("tbody tr");
const rankingRows = (page: Page) => page.getByTestId("ranking-table").locator("tbody tr");

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test.describe("residential groups of Ngọc Thụy", () => {
  test("Tổ 22 achieved Xanh – Sạch – Đẹp in 2018: a reported figure with the report as its source", async ({
    page,
  }) => {
    await page.goto(`${LIST}?indicator=tdp-xanh-sach-dep&year=2018`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tổ dân phố · Phường Ngọc Thụy");
    const cell = page.getByTestId("heat-map").locator('tr[data-group="ngoc-thuy-to-22"] td[data-year="2018"]');
    await expect(cell).toContainText("Đạt");
    await expect(cell).toHaveAttribute("data-source-kind", "REPORT");
    await expect(cell).not.toHaveAttribute("data-demo", "true");
    await expect(cell).toHaveAttribute("title", new RegExp(`Nguồn: ${REPORT}, 05/11/2019`));
    await expect(cell).toContainText(`số liệu báo cáo. Nguồn: ${REPORT}`);
    // its neighbours in 2018 are demo data, marked as such
    const other = page.getByTestId("heat-map").locator('tr[data-group="ngoc-thuy-to-21"] td[data-year="2018"]');
    await expect(other).toHaveAttribute("data-demo", "true");
    await expect(other).toContainText("—");
    await expect(page.getByRole("note")).toContainText("dữ liệu minh họa");
    // only the years the indicator has: from 2018
    await expect(page.getByTestId("heat-map").locator("thead th")).toHaveText([
      "Tổ dân phố",
      "2018 (năm đang chọn)",
      "2019",
      "2020",
      "Cả nhiệm kỳ",
    ]);
    // yes/no: the ranking is by the number of years achieved, and the heading says so
    await expect(page.getByRole("heading", { level: 2, name: /Xếp hạng các tổ theo số năm đạt/ })).toBeVisible();
  });

  test("the heat map has the 38 groups and the ranking lists them all", async ({ page }) => {
    await page.goto(LIST);
    // defaults: the first group indicator, the latest year with values
    await expect(page.getByLabel("Chỉ tiêu theo tổ dân phố")).toHaveValue("gd-van-hoa-theo-tdp");
    await expect(page.getByLabel("Năm", { exact: true })).toHaveValue("2020");
    await expect(heatRows(page)).toHaveCount(38);
    await expect(rankingRows(page)).toHaveCount(38);
    await expect(heatRows(page).first().locator("th")).toHaveText("Tổ 1");
    await expect(heatRows(page).last().locator("th")).toHaveText("Tổ 38");
    // rates in Vietnamese format, best first
    const values = await rankingRows(page).locator("td:nth-child(3)").allTextContents();
    const numbers = values.map((v) => Number(v.replace(/\s|%/g, "").replace(",", ".")));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(values[0]).toMatch(/^\d{2,3}(,\d)?\s%$/);
    // one decimal style down the column (issue 13): never "96 %" beside "96,8 %"
    expect(new Set(values.map((v) => /,\d\s%$/.test(v))).size).toBe(1);
    await expect(
      page.getByRole("heading", {
        level: 2,
        name: "Xếp hạng các tổ năm 2020: Gia đình đạt tiêu chuẩn Gia đình văn hóa (theo tổ dân phố)",
      }),
    ).toBeVisible();
    await expect(page.getByTestId("ward-figure")).toContainText(/trên 90\s%/);
    await page.screenshot({ path: "test-results/screenshots/residential-groups.png", fullPage: true });
  });

  test("the ward figure of the cultural-group title: 'trên 73 %' from the report, checked against the groups", async ({
    page,
  }) => {
    await page.goto(`${LIST}?indicator=tdp-van-hoa&year=2019`);
    const ward = page.getByTestId("ward-figure");
    await expect(ward.locator("[data-figure]")).toHaveText(/^trên 73\s%$/);
    await expect(ward).toContainText(`${REPORT}, 05/11/2019`);
    await expect(ward).toContainText("số tổ đạt ÷ số tổ dân phố");
    // each year: groups achieving / 38, and the ward's yearly figure checked against it
    const row2019 = ward.locator('tr[data-year="2019"]');
    await expect(row2019).toContainText(/\d{2}\/38 tổ/);
    await expect(row2019).toContainText("Khớp");
    await expect(ward.locator("tbody tr")).toHaveCount(6);
    await page.screenshot({ path: "test-results/screenshots/residential-groups-tdp-van-hoa.png", fullPage: true });
  });

  test("changing indicator and year updates the URL, and reloading it shows the same view", async ({ page }) => {
    await page.goto(LIST);
    await page.getByLabel("Chỉ tiêu theo tổ dân phố").selectOption("tdp-van-hoa");
    await page.getByLabel("Năm", { exact: true }).selectOption("2017");
    await page.getByRole("button", { name: "Xem" }).click();
    await expect(page).toHaveURL(/indicator=tdp-van-hoa/);
    await expect(page).toHaveURL(/year=2017/);
    const view = page.getByTestId("current-view");
    await expect(view).toHaveText("Đạt danh hiệu Tổ dân phố văn hóa · năm 2017");
    const firstRanked = await rankingRows(page).first().textContent();
    await page.reload();
    await expect(view).toHaveText("Đạt danh hiệu Tổ dân phố văn hóa · năm 2017");
    await expect(page.getByLabel("Chỉ tiêu theo tổ dân phố")).toHaveValue("tdp-van-hoa");
    await expect(page.getByLabel("Năm", { exact: true })).toHaveValue("2017");
    await expect(rankingRows(page).first()).toHaveText(firstRanked ?? "");
    await expect(page.getByTestId("heat-map").locator('thead th[class*="bg-amber"]')).toContainText("2017");
  });

  test("a year without values falls back to the latest one, and says so", async ({ page }) => {
    await page.goto(`${LIST}?indicator=tdp-xanh-sach-dep&year=2015`);
    await expect(page.getByRole("status")).toContainText("chưa có số liệu năm 2015; đang hiển thị năm 2020");
  });

  test("the ranked chart's CSV has a BOM, its header and one row per group", async ({ page }) => {
    await page.goto(`${LIST}?indicator=gd-van-hoa-theo-tdp&year=2019`);
    const frame = page.locator("figure", { has: page.getByRole("heading", { name: /Xếp hạng các tổ năm 2019/ }) });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      frame.getByRole("button", { name: "Tải CSV" }).click(),
    ]);
    // named after the indicator, never its internal code
    expect(download.suggestedFilename()).toBe(
      "xep-hang-gia-dinh-dat-tieu-chuan-gia-dinh-van-hoa-theo-to-dan-pho-2019.csv",
    );
    const text = fs.readFileSync((await download.path())!, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe("Hạng;Tổ dân phố;Năm;Giá trị (%);Nguồn");
    expect(lines).toHaveLength(39);
    // a decimal comma is quoted, as in the entry CSV
    expect(lines[1]).toMatch(/^1;Tổ \d+;2019;(\d+|"\d+,\d+");Dữ liệu minh họa$/);
    const groups = new Set(lines.slice(1).map((l) => l.split(";")[1]));
    expect(groups.size).toBe(38);
  });

  test("sends the page light: under 150 KiB of HTML, the heat map's cells as data once", async ({ page }) => {
    for (const url of [LIST, `${LIST}?indicator=tdp-van-hoa`, `${LIST}?indicator=tdp-xanh-sach-dep&year=2018`]) {
      const response = await page.goto(url);
      const html = await response!.text();
      // 340 KiB before: every cell of the heat map was in the page twice (HTML and React payload)
      expect(Buffer.byteLength(html), url).toBeLessThan(150 * 1024);
      // still the whole table in the page, for screen readers and printing
      await expect(heatRows(page)).toHaveCount(38);
      await expect(heatRows(page).locator("td[data-year]")).toHaveCount(url.includes("xanh") ? 38 * 3 : 38 * 6);
    }
  });

  test("the ranking chart downloads as PNG", async ({ page }) => {
    await page.goto(LIST);
    const frame = page.locator("figure", { has: page.getByRole("heading", { name: /Xếp hạng các tổ năm 2020/ }) });
    await expect(frame.locator("svg.recharts-surface")).toBeVisible();
    const [png] = await Promise.all([
      page.waitForEvent("download"),
      frame.getByRole("button", { name: "Tải PNG" }).click(),
    ]);
    expect(png.suggestedFilename()).toBe("xep-hang-gia-dinh-dat-tieu-chuan-gia-dinh-van-hoa-theo-to-dan-pho-2020.png");
    expect(
      fs
        .readFileSync((await png.path())!)
        .subarray(0, 8)
        .toString("hex"),
    ).toBe("89504e470d0a1a0a");
    await expect(frame.locator("[data-download-problem]")).toHaveCount(0);
  });

  test("the heat map's CSV: a column per year, the reported cells' sources", async ({ page }) => {
    await page.goto(`${LIST}?indicator=tdp-xanh-sach-dep&year=2018`);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page
        .getByTestId("heat-map")
        .getByRole("button", { name: /^Tải CSV: Bản đồ nhiệt/ })
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe("ban-do-nhiet-dat-to-dan-pho-xanh-sach-dep-2015-2020.csv");
    const text = fs.readFileSync((await download.path())!, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      'Tổ dân phố;"2018 (1 = đạt, 0 = chưa đạt)";"2019 (1 = đạt, 0 = chưa đạt)";"2020 (1 = đạt, 0 = chưa đạt)";Nguồn',
    );
    expect(lines).toHaveLength(39);
    expect(lines.find((l) => l.startsWith("Tổ 22;"))).toMatch(
      new RegExp(`^Tổ 22;1;[01];[01];"2018: ${REPORT}, 05/11/2019; các năm khác: Dữ liệu minh họa"$`),
    );
    expect(lines.find((l) => l.startsWith("Tổ 21;"))).toMatch(/^Tổ 21;0;[01];[01];các năm khác: Dữ liệu minh họa$/);
  });

  test("the yes/no ranking's CSV carries the reported source of Tổ 22", async ({ page }) => {
    await page.goto(`${LIST}?indicator=tdp-xanh-sach-dep&year=2018`);
    const frame = page.locator("figure", {
      has: page.getByRole("heading", { name: /Xếp hạng các tổ theo số năm đạt/ }),
    });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      frame.getByRole("button", { name: "Tải CSV" }).click(),
    ]);
    const text = fs.readFileSync((await download.path())!, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      'Hạng;Tổ dân phố;Số năm đạt (năm);Các năm có số liệu;"Năm 2018 (1 = đạt, 0 = chưa đạt)";Nguồn',
    );
    expect(lines).toHaveLength(39);
    const to22 = lines.find((l) => l.includes(";Tổ 22;"));
    expect(to22).toContain(";1;");
    expect(to22).toContain(`${REPORT}, 05/11/2019`);
  });

  test("the group page of Tổ 22: its indicators over the years and its 2018 achievement", async ({ page }) => {
    await page.goto(`${LIST}/22`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tổ dân phố 22, phường Ngọc Thụy");
    const achievements = page.getByTestId("group-achievements");
    await expect(achievements.getByRole("listitem")).toHaveCount(1);
    await expect(achievements.getByRole("listitem")).toContainText("2018");
    await expect(achievements).toContainText("Tổ dân phố 22 đạt Tổ dân phố Xanh – Sạch – Đẹp cấp Quận");
    await expect(achievements).toContainText(`${REPORT}, 05/11/2019`);
    const xsd = page.locator('[data-indicator="tdp-xanh-sach-dep"]');
    const row2018 = xsd.locator('tr[data-year="2018"]');
    await expect(row2018).toContainText("Đạt");
    await expect(row2018).toContainText(REPORT);
    await expect(row2018).not.toHaveAttribute("data-demo", "true");
    await expect(xsd.locator('tr[data-year="2019"]')).toHaveAttribute("data-demo", "true");
    await expect(xsd.locator("[data-figure]")).toHaveText(/^\d\snăm$/);
    await expect(page.locator('[data-indicator="gd-van-hoa-theo-tdp"] [data-figure]')).toHaveText(
      /^\d{2,3}(,\d+)?\s%$/,
    );
    await expect(page.locator(".recharts-surface")).toHaveCount(3);
    // neighbours and the way back
    const nav = page.getByRole("navigation", { name: "Chuyển tổ dân phố" });
    await expect(nav.getByRole("link", { name: /Tổ 21/ })).toHaveAttribute("href", "/ngoc-thuy/to-dan-pho/21");
    await expect(nav.getByRole("link", { name: /Tổ 23/ })).toHaveAttribute("href", "/ngoc-thuy/to-dan-pho/23");
    await nav.getByRole("link", { name: "Tất cả tổ dân phố" }).click();
    await expect(page).toHaveURL(/\/ngoc-thuy\/to-dan-pho$/, { timeout: 30_000 });
    await page.goto(`${LIST}/22`);
    await page.screenshot({ path: "test-results/screenshots/residential-group-22.png", fullPage: true });
  });

  test("Tổ 25's market and the first and last groups' navigation", async ({ page }) => {
    await page.goto(`${LIST}/25`);
    await expect(page.getByTestId("group-achievements")).toContainText(
      "Chợ Tổ 25 được công nhận chợ văn minh thương mại",
    );
    await page.goto(`${LIST}/1`);
    await expect(page.getByTestId("group-achievements")).toContainText("Chưa có danh hiệu");
    await expect(page.getByRole("navigation", { name: "Chuyển tổ dân phố" }).getByRole("link")).toHaveCount(2);
  });

  test("unknown or malformed ward, group, indicator or year: not found", async ({ page }) => {
    for (const url of [
      `${LIST}/39`,
      `${LIST}/022`,
      `${LIST}/abc`,
      "/khong-co-phuong/to-dan-pho",
      "/bo-de/to-dan-pho/1",
      `${LIST}?indicator=khong-co`,
      `${LIST}?indicator=ty-le-tdp-van-hoa`,
      `${LIST}?year=1999`,
      `${LIST}?year=20x9`,
      `${LIST}?year=2018&year=2019`,
      `${LIST}?term=2015`,
    ]) {
      expect((await page.goto(url))?.status(), url).toBe(404);
    }
  });

  test("axe finds no serious or critical violations on both pages", async ({ page }) => {
    await page.goto(`${LIST}?indicator=tdp-xanh-sach-dep&year=2018`);
    await expectNoSeriousAxeViolations(page);
    await page.goto(LIST);
    await expectNoSeriousAxeViolations(page);
    await page.goto(`${LIST}/22`);
    await expectNoSeriousAxeViolations(page);
  });

  test("fits a 375 px phone without horizontal scrolling of the page", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    for (const url of [LIST, `${LIST}?indicator=tdp-van-hoa`, `${LIST}/22`]) {
      await page.goto(url);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, url).toBeLessThanOrEqual(0);
    }
    await page.goto(LIST);
    await page.screenshot({ path: "test-results/screenshots/residential-groups-phone.png", fullPage: true });
    await page.goto(`${LIST}/22`);
    await page.screenshot({ path: "test-results/screenshots/residential-group-22-phone.png", fullPage: true });
  });
});
