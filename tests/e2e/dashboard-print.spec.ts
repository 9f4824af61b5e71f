// Issue 13: a programme dashboard leads with its summary, draws charts when they are looked at, has
// readable axes, and prints as a short document for a meeting.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";

const URL_03 = "/ngoc-thuy/chuong-trinh/03-CTr-QU";

/** Every chart drawn: printing draws them all, as scrolling to each one would. */
async function drawAll(page: Page) {
  for (const summary of await page.locator("details.dashboard-section > summary").all()) await summary.click();
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("[data-chart-pending]")).toHaveCount(0, { timeout: 30_000 });
  await page.emulateMedia({ media: "screen" });
  // back on screen each chart is drawn again to fill its box (drawn for paper, it had a fixed size)
  await expect(page.locator("[data-paper]")).toHaveCount(0);
  await expect(page.locator(".chart-frame .recharts-responsive-container:not(:has(svg.recharts-surface))")).toHaveCount(
    0,
  );
}

/**
 * Holds back the chart library (the script chunk that draws charts) until `release` is called: the
 * page as it is in its first seconds, when a Ctrl+P finds the charts not yet drawable. `requested`
 * resolves once the page has asked for it (so it is hydrated).
 */
async function holdChartLibrary(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let requested!: () => void;
  const asked = new Promise<void>((r) => (requested = r));
  await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes("recharts-responsive-container")) {
      requested();
      await released;
    }
    await route.fulfill({ response, body });
  });
  return { release, requested: asked };
}

const tickLabels = (chart: import("@playwright/test").Locator, axis: "yAxis" | "xAxis") =>
  chart.locator(`.recharts-${axis}-tick-labels .recharts-cartesian-axis-tick-value`).allTextContents();

test.describe("programme dashboard: summary first, light, readable, printable", () => {
  test("leads with the status, the headline cards and a table of every indicator; sections open on demand", async ({
    page,
  }) => {
    await page.goto(URL_03);
    await expect(page.locator("[data-status-summary]")).toHaveText(
      /^\d+ vượt( · \d+ [^·/]+)* \/ \d+ chỉ tiêu có kế hoạch$/,
    );
    await expect(page.locator("[data-status-summary]")).not.toContainText("trên");
    // every indicator of the programme, each once, with its term figure, target and status
    const rows = page.locator("[data-summary-table] [data-summary-row]");
    const codes = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-summary-row")));
    expect(codes.length).toBeGreaterThanOrEqual(25);
    expect(new Set(codes).size).toBe(codes.length);
    const fines = page.locator('[data-summary-row="xu-phat-vi-pham"]');
    await expect(fines).toBeVisible();
    await expect(fines).toContainText(/1\.691\s+trường hợp/);
    await expect(fines).toContainText(/2020: [\d.]+\s+trường hợp/);
    await expect(fines.locator("[data-status]")).toHaveCount(1);
    // the sections are closed, their charts not drawn yet; one opens on a click
    const sections = page.locator("details.dashboard-section");
    expect(await sections.count()).toBeGreaterThanOrEqual(3);
    for (const d of await sections.all()) await expect(d).not.toHaveAttribute("open");
    await expect(page.locator("svg.recharts-surface")).toHaveCount(0);
    const order = page.locator('details.dashboard-section[data-section="trat-tu-do-thi"]');
    await order.locator(":scope > summary").click();
    await order.locator('[data-indicator="xu-phat-vi-pham"]').scrollIntoViewIfNeeded();
    await expect(order.locator('[data-indicator="xu-phat-vi-pham"] svg.recharts-surface')).toHaveCount(1);
    // the numbers behind a chart are one click away, not open on the page
    const tableToggle = order.locator('[data-indicator="xu-phat-vi-pham"] details.chart-table');
    await expect(tableToggle).not.toHaveAttribute("open");
    await tableToggle.getByText("Xem bảng số liệu").click();
    await expect(tableToggle.getByRole("table")).toBeVisible();
  });

  test("draws charts lazily: those far below are drawn only when scrolled to", async ({ page }) => {
    await page.goto(URL_03);
    for (const summary of await page.locator("details.dashboard-section > summary").all()) await summary.click();
    const frames = page.locator(".chart-frame");
    const total = await frames.count();
    await page.waitForTimeout(500);
    const drawnAtTop = await page.locator("svg.recharts-surface").count();
    expect(drawnAtTop).toBeLessThan(total);
    await frames.last().scrollIntoViewIfNeeded();
    await expect(frames.last().locator("svg.recharts-surface")).toHaveCount(1);
  });

  test("never shows the same chart twice", async ({ page }) => {
    for (const slug of ["01-CT-QU", "02-CTr-QU", "03-CTr-QU"]) {
      await page.goto(`/ngoc-thuy/chuong-trinh/${slug}`);
      for (const summary of await page.locator("details.dashboard-section > summary").all()) await summary.click();
      const titles = await page.locator(".chart-frame :is(h2, h3)").allTextContents();
      expect(titles.length, slug).toBeGreaterThan(0);
      expect(
        titles.filter((t, i) => titles.indexOf(t) !== i),
        slug,
      ).toEqual([]);
    }
  });

  test("counts have whole-number ticks; money has one unit named on its axis", async ({ page }) => {
    // two dashboards, every chart drawn and read: slow on a busy machine, not a timing
    test.slow();
    for (const slug of ["01-CT-QU", "03-CTr-QU"]) {
      await page.goto(`/ngoc-thuy/chuong-trinh/${slug}`);
      await drawAll(page);
      const counts = page.locator('[data-value-type="COUNT"] .chart-frame');
      expect(await counts.count(), slug).toBeGreaterThan(3);
      for (const chart of await counts.all()) {
        const ticks = await tickLabels(chart, "yAxis");
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        for (const t of ticks) expect(t, `${slug}: ${ticks.join("; ")}`).toMatch(/^\d{1,3}(\.\d{3})*$/);
      }
    }
    const money = page.locator('[data-indicator="tien-xu-phat-vi-pham"]');
    await expect(money.locator(".axis-title")).toHaveText("triệu đồng");
    const ticks = await tickLabels(money, "yAxis");
    for (const t of ticks) expect(t).toMatch(/^\d+(,\d+)?$/);
    // each tick is inside the drawing: none clipped on the left
    const svgBox = (await money.locator("svg.recharts-surface").boundingBox())!;
    for (const tick of await money.locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value").all()) {
      const box = (await tick.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(svgBox.x);
    }
  });

  test("prints programme 03 as a short document: summary on page 1, charts five to a row, none split", async ({
    page,
  }) => {
    // the printable width of A4 landscape with 10 mm margins, at 96 px per inch
    await page.setViewportSize({ width: 1047, height: 718 });
    await page.goto(URL_03);
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("[data-chart-pending]")).toHaveCount(0, { timeout: 30_000 });
    // every section prints, open or not, with its charts; the charts' tables stay on screen
    await expect(page.locator('[data-indicator="xu-phat-vi-pham"] svg.recharts-surface')).toBeVisible();
    await expect(page.locator("details.chart-table").first()).toBeHidden();
    // page 1: the title, the status and the headline cards
    const cardsBottom = await page.locator(".headline-cards").evaluate((el) => el.getBoundingClientRect().bottom);
    expect(cardsBottom).toBeLessThan(718);
    const grid = page.locator(".chart-grid").first();
    expect(
      await grid.evaluate((el) => getComputedStyle(el).gridTemplateColumns.split(" ").length),
    ).toBeGreaterThanOrEqual(2);
    expect(
      await page
        .locator(".chart-frame")
        .first()
        .evaluate((el) => getComputedStyle(el).breakInside),
    ).toBe("avoid");
    expect(
      await page
        .locator("details.dashboard-section h2")
        .first()
        .evaluate((el) => getComputedStyle(el).breakAfter),
    ).toBe("avoid");
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = [...pdf.toString("latin1").matchAll(/\/Type\s*\/Page[^s]/g)].length;
    expect(pages).toBeGreaterThan(1);
    // 39 pages before issue 13, then 10; the goal is at most 8
    expect(pages).toBeLessThanOrEqual(8);
  });

  test("a real print (Ctrl+P) draws every chart in the beforeprint event itself: nothing waits for a measurement", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1047, height: 718 });
    await page.goto(URL_03);
    // one section read on screen first: its charts are drawn at screen size, the others not at all
    const order = page.locator('details.dashboard-section[data-section="trat-tu-do-thi"]');
    await order.locator(":scope > summary").click();
    await order.locator('[data-indicator="xu-phat-vi-pham"]').scrollIntoViewIfNeeded();
    await expect(order.locator('[data-indicator="xu-phat-vi-pham"] svg.recharts-surface')).toHaveCount(1);
    // Chromium lays the page out for paper as soon as "beforeprint" returns: what is in the page then,
    // in the same task, is what prints (a ResizeObserver or a later render comes too late)
    const charts = await page.evaluate(() => {
      window.dispatchEvent(new Event("beforeprint"));
      return [...document.querySelectorAll(".chart-frame")].map((f) => ({
        title: f.querySelector("h2, h3")?.textContent ?? "",
        marks: f.querySelectorAll(".recharts-bar-rectangle, .recharts-line-curve").length,
        // a chart whose every year is 0 has no bar to draw, and says so
        allZero: f.querySelector("[data-all-zero]") !== null,
        ticks: f.querySelectorAll(".recharts-cartesian-axis-tick-value").length,
      }));
    });
    expect(charts.length).toBeGreaterThanOrEqual(20);
    expect(charts.filter((c) => (c.marks === 0 && !c.allZero) || c.ticks === 0).map((c) => c.title)).toEqual([]);
  });

  test("page.pdf() at once, as a print would: every chart of programme 03 is on paper with its axis", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1047, height: 718 });
    await page.goto(URL_03);
    // the page is hydrated (a section opens and draws on a click) and read on screen
    const order = page.locator('details.dashboard-section[data-section="trat-tu-do-thi"]');
    await order.locator(":scope > summary").click();
    await expect(order.locator(".chart-frame svg.recharts-surface").first()).toBeVisible();
    // Ctrl+P: "beforeprint", then the PDF at once; no print media emulated, nothing waited for
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const file = test.info().outputPath("03.pdf");
    fs.writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString();
    const yearly = await page.locator(".chart-frame .yearly-chart").count();
    expect(yearly).toBeGreaterThanOrEqual(15);
    // each yearly chart's x axis ends with the term's last year (the summary table writes "2020: …")
    expect(text.match(/\b2020\b(?!:)/g)?.length ?? 0).toBeGreaterThanOrEqual(yearly);
    expect([...pdf.toString("latin1").matchAll(/\/Type\s*\/Page[^s]/g)].length).toBeLessThanOrEqual(8);
    // the money charts' axis title, and the ranking's groups
    expect(text).toContain("triệu đồng");
    expect(text).toMatch(/Tổ 3\d/);
  });

  test("printed before the chart library has arrived, every chart box prints its numbers, then its chart", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1047, height: 718 });
    for (const url of [
      URL_03,
      "/so-sanh?parent=long-bien&indicator=xu-phat-vi-pham&period=term",
      "/so-sanh/phuong?ward=ngoc-thuy&programme=03-CTr-QU&period=term",
    ]) {
      await page.unrouteAll({ behavior: "ignoreErrors" });
      const charts = await holdChartLibrary(page);
      await page.goto(url);
      // hydrated: a chart asks for its library (on the dashboard, once a section is opened)
      if (url === URL_03) await page.locator("details.dashboard-section > summary").first().click();
      await charts.requested;
      // Ctrl+P: "beforeprint" renders every chart box for paper, but the library is still on its way
      await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
      await page.emulateMedia({ media: "print" });
      const frames = page.locator(".chart-frame");
      const count = await frames.count();
      expect(count, url).toBeGreaterThanOrEqual(url === URL_03 ? 20 : 1);
      await expect(page.locator(".chart-frame svg.recharts-surface")).toHaveCount(0);
      for (const frame of await frames.all()) {
        const title = await frame.locator("h2, h3").first().textContent();
        await expect(frame.locator("details.chart-table table"), `${url}: ${title}`).toBeVisible();
        expect(
          await frame
            .locator("[data-chart-pending]")
            .evaluateAll((els) => els.some((e) => e.getClientRects().length > 0)),
          `${url}: ${title}`,
        ).toBe(false);
      }
      // the library arrives: the charts are drawn and print instead of their tables
      charts.release();
      await expect(page.locator(".chart-frame [data-chart-pending]")).toHaveCount(0, { timeout: 30_000 });
      await expect(page.locator(".chart-frame svg.recharts-surface")).toHaveCount(count);
      await expect(page.locator(".chart-frame details.chart-table table").first()).toBeHidden();
      await page.emulateMedia({ media: "screen" });
    }
  });

  test("starts without fetching other pages ahead: no prefetch of the header's or the page's links", async ({
    page,
  }) => {
    // every page is rendered per request: a prefetch is a server render and work while the page starts
    const prefetches: string[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).searchParams.has("_rsc")) prefetches.push(r.url());
    });
    await page.goto(URL_03, { waitUntil: "networkidle" });
    await expect(page.locator('nav[aria-label="Các chương trình"] a')).toHaveCount(3);
    expect(prefetches).toEqual([]);
    // a link still leads to its page
    await page.locator('nav[aria-label="Các chương trình"] a', { hasText: "01-CT/QU" }).click();
    await expect(page).toHaveURL(/\/chuong-trinh\/01-CT-QU$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chương trình 01-CT/QU");
  });

  test("loads the chart library only when a chart is drawn", async ({ page }) => {
    const scripts: Array<Promise<string>> = [];
    page.on("response", (r) => {
      if (r.request().resourceType() === "script") scripts.push(r.text().catch(() => ""));
    });
    const hasCharts = async () => (await Promise.all(scripts)).some((t) => t.includes("recharts-responsive-container"));
    await page.goto(URL_03, { waitUntil: "networkidle" });
    // every section closed: no chart to draw, so recharts is neither downloaded nor run
    expect(scripts.length).toBeGreaterThan(0);
    expect(await hasCharts()).toBe(false);
    await page.locator("details.dashboard-section > summary").first().click();
    await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
    expect(await hasCharts()).toBe(true);
  });

  test("sends programme 03 light: under 150 KiB of HTML, no markup for the closed sections' charts", async ({
    page,
  }) => {
    const response = await page.goto(URL_03);
    const html = await response!.text();
    // 503 KiB before: every chart's table was in the page twice (HTML and React payload)
    expect(Buffer.byteLength(html)).toBeLessThan(150 * 1024);
    // the closed sections carry data, not tables: each opened section draws its charts and tables
    await expect(page.locator("details.dashboard-section .chart-frame")).toHaveCount(0);
    const sections = page.locator("details.dashboard-section");
    for (const summary of await sections.locator(":scope > summary").all()) await summary.click();
    for (const d of await sections.all()) await expect(d.locator(".chart-frame").first()).toBeVisible();
    // the tables are there for screen readers once a section is open
    const table = page.locator('[data-indicator="xu-phat-vi-pham"] details.chart-table table');
    await expect(table).toHaveCount(1);
    await expect(table.locator("tbody tr").last()).toContainText(/Cả nhiệm kỳ\s*1\.691\s+trường hợp/);
  });
});
