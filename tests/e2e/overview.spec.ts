import { expect, test } from "@playwright/test";
import { expectAccessible } from "./helpers/accessibility";

const row = (page: import("@playwright/test").Page, code: string) => page.locator(`tr[data-indicator="${code}"]`);

test.describe("Ngọc Thụy overview", () => {
  test("shows the three programmes with the report's figures in Vietnamese format", async ({ page }) => {
    await page.goto("/ngoc-thuy");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Phường Ngọc Thụy");
    for (const code of ["01-CT/QU", "02-CTr/QU", "03-CTr/QU"]) {
      await expect(page.getByRole("heading", { level: 2, name: `Chương trình ${code}` })).toBeVisible();
    }
    await expect(row(page, "xu-phat-vi-pham")).toContainText(/1\.691\s+trường hợp/);
    await expect(row(page, "tien-xu-phat-vi-pham")).toContainText(/trên 305\.000\.000\s+đ/);
    await expect(row(page, "thue-xay-dung")).toContainText(/10\.934\.000\.000\s+đ/);
    await expect(row(page, "cong-trinh-co-phep")).toContainText(/1\.947\s+công trình/);
    await expect(row(page, "ty-le-gia-dinh-van-hoa")).toContainText(/trên 90\s+%/);
    await expect(row(page, "ktgs-chuyen-de-chi-bo")).toContainText(/161\s+lượt/);
    await expect(row(page, "co-quan-dien-tu")).toContainText(/3\s+năm/);
    // the report nearly every figure comes from is named once above the tables, not on each row (issue 13)
    await expect(page.getByTestId("common-source")).toContainText("Báo cáo của Đảng ủy phường Ngọc Thụy, 05/11/2019");
    await expect(row(page, "ktgs-chuyen-de-chi-bo")).not.toContainText("05/11/2019");
    await expect(page.locator("section[id^=ct-] table").getByText("05/11/2019")).toHaveCount(0);
    await expect(row(page, "tdp-xanh-sach-dep")).toContainText("Tổ 22 đạt năm 2018");
    await page.screenshot({ path: "test-results/screenshots/ngoc-thuy-overview.png", fullPage: true });
  });

  test("marks demonstration data with its badge and never reported figures", async ({ page }) => {
    await page.goto("/ngoc-thuy");
    await expect(page.getByRole("note")).toContainText("dữ liệu minh họa");
    // vp-khac has no figure in the report: its term figure is computed from demo years.
    await expect(row(page, "vp-khac").getByText("Dữ liệu minh họa")).toBeVisible();
    await expect(row(page, "xu-phat-vi-pham").getByText("Dữ liệu minh họa")).toHaveCount(0);
  });

  test("lists the land-clearance projects against the term total and the achievements by year", async ({ page }) => {
    await page.goto("/ngoc-thuy");
    const gpmb = page.getByRole("region", { name: "Dự án giải phóng mặt bằng" });
    await expect(gpmb).toContainText("3 dự án được nêu tên trong tổng số 15 dự án GPMB của nhiệm kỳ.");
    await expect(gpmb.getByRole("rowheader", { name: "Đường 25m trường Pháp" })).toBeVisible();
    const achievements = page.getByRole("region", { name: "Danh hiệu, mô hình đạt được" });
    await expect(achievements).toContainText("Chợ Tổ 25 được công nhận chợ văn minh thương mại");
    await expect(achievements.getByRole("listitem").first()).toContainText("2015");
  });

  test("fits a 375 px phone without horizontal scrolling of the page", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/ngoc-thuy");
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: "test-results/screenshots/ngoc-thuy-phone.png", fullPage: false });
  });

  test("unknown ward or term shows the Vietnamese not-found page", async ({ page }) => {
    const res = await page.goto("/khong-co-phuong");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy trang");
    expect((await page.goto("/ngoc-thuy?term=1990-1995"))?.status()).toBe(404);
  });

  test("the home page lists the wards of Long Biên", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 2, name: "Quận Long Biên" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Phường/ })).toHaveCount(14);
    await page.getByRole("link", { name: /Phường Ngọc Thụy/ }).click();
    await expect(page).toHaveURL(/\/ngoc-thuy$/);
  });

  test("home and overview have no serious or critical accessibility violations", async ({ page }) => {
    for (const url of ["/", "/ngoc-thuy"]) {
      await page.goto(url);
      await expectAccessible(page, url);
    }
  });
});
