// /tien-do lists a city's wards a page at a time (3.321 wards were 18 MiB of HTML): found by name with
// or without diacritics, the counts by state still those of every ward. Reads Long Biên's seed only.
import { expect, test } from "@playwright/test";

test("/tien-do finds a ward by name without diacritics and keeps the district's totals", async ({ page }) => {
  await page.goto("/tien-do?district=long-bien&year=2020");
  const heading = page.getByRole("heading", { name: /^Tổng hợp/ });
  const total = await heading.textContent();
  expect(total).toMatch(/^Tổng hợp \(\d+ phường × \d+ chương trình\)$/);
  const counts = await page.getByTestId("progress-counts").textContent();
  const wards = await page.locator("tr[data-ward]").count();
  expect(wards).toBeGreaterThan(1);

  await page.getByRole("searchbox", { name: /Tìm phường, xã/ }).fill("ngoc thuy");
  await page.getByRole("button", { name: "Tìm" }).click();
  await expect(page).toHaveURL(/[?&]q=ngoc(\+|%20)thuy/);
  await expect(page).toHaveURL(/[?&]year=2020/);
  await expect(page.getByTestId("progress-list-status")).toHaveText("1 phường, xã khớp “ngoc thuy”");
  await expect(page.locator("tr[data-ward]")).toHaveCount(1);
  await expect(page.getByRole("rowheader", { name: "Ngọc Thụy" })).toBeVisible();
  await expect(page.locator("[data-owed-ward]")).toHaveCount(1);
  // the totals are the district's, whatever the list shows
  await expect(heading).toHaveText(total!);
  await expect(page.getByTestId("progress-counts")).toHaveText(counts!);

  // another year keeps the search
  await page.getByRole("combobox", { name: "Năm" }).selectOption("2019");
  await page.getByRole("button", { name: "Xem" }).click();
  await expect(page).toHaveURL(/[?&]year=2019/);
  await expect(page).toHaveURL(/[?&]q=ngoc(\+|%20)thuy/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tiến độ nhập liệu năm 2019");
  await expect(page.getByTestId("progress-list-status")).toHaveText("1 phường, xã khớp “ngoc thuy”");
  await expect(page.locator("tr[data-ward]")).toHaveCount(1);

  await page.goto("/tien-do?district=long-bien&year=2020&q=khong+co+phuong+nay");
  await expect(page.getByTestId("progress-list-status")).toHaveText(
    "Không tìm thấy phường, xã nào có tên khớp “khong co phuong nay”.",
  );
  await expect(page.locator("tr[data-ward]")).toHaveCount(0);
});
