#!/usr/bin/env node
// How heavy a page is for its reader: `node scripts/measure-dashboard.mjs [BASE_URL] [PATH…]`
// (default http://127.0.0.1:3000, /ngoc-thuy/chuong-trinh/03-CTr-QU). Prints, per page, the HTML size
// (bytes as sent, before compression), the DOM element count, the page height at 1440×900 and at
// 375×812 (after scrolling to the end, so that charts that render on view are drawn), and the number
// of A4 pages Chromium prints. The page must be readable without signing in (PUBLIC_PORTAL=1), or pass
// a cookie in COOKIE. Uses the system Chromium (/usr/bin/chromium), as the e2e tests do.
import { chromium } from "@playwright/test";

const [base = "http://127.0.0.1:3000", ...paths] = process.argv.slice(2);
const pages = paths.length > 0 ? paths : ["/ngoc-thuy/chuong-trinh/03-CTr-QU"];
const headers = process.env.COOKIE ? { cookie: process.env.COOKIE } : {};

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  for (const path of pages) {
    const url = new URL(path, base).toString();
    const html = await (await fetch(url, { headers })).text();
    const context = await browser.newContext({ locale: "vi-VN", extraHTTPHeaders: headers });
    const page = await context.newPage();
    const height = async (width, h) => {
      await page.setViewportSize({ width, height: h });
      await page.goto(url, { waitUntil: "networkidle" });
      for (let y = 0; y < (await page.evaluate(() => document.documentElement.scrollHeight)); y += h) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        await page.waitForTimeout(50);
      }
      await page.waitForTimeout(300);
      return page.evaluate(() => document.documentElement.scrollHeight);
    };
    const phone = await height(375, 812);
    const desktop = await height(1440, 900);
    const dom = await page.evaluate(() => document.getElementsByTagName("*").length);
    await page.emulateMedia({ media: "print" });
    await page.waitForTimeout(500);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const printPages = [...pdf.toString("latin1").matchAll(/\/Type\s*\/Page[^s]/g)].length;
    console.log(
      JSON.stringify({ path, htmlKiB: Math.round(Buffer.byteLength(html) / 1024), dom, desktop, phone, printPages }),
    );
    await context.close();
  }
} finally {
  await browser.close();
}
