// The home page at any number of wards: the person's own units first, then one page of the wards they
// may read, searched by name with or without diacritics (the paging itself: tests/integration/data-scope).
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("district staff start from their district; the ward search ignores diacritics", async ({ page }) => {
  await page.goto("/");
  const own = page.getByRole("region", { name: "Đơn vị của bạn" });
  await expect(own).toContainText("Quận Long Biên");
  await expect(own.getByRole("link", { name: "So sánh các đơn vị trực thuộc" })).toHaveAttribute(
    "href",
    "/so-sanh?parent=long-bien",
  );
  await expect(page.getByTestId("ward-count")).toHaveText("14 phường, xã");

  await page.getByLabel("Tìm phường, xã (gõ có dấu hoặc không dấu)").fill("ngoc thuy");
  await page.getByRole("button", { name: "Tìm" }).click();
  await expect(page).toHaveURL(/\/\?q=ngoc\+thuy$/);
  await expect(page.getByTestId("ward-count")).toHaveText("1 phường, xã khớp “ngoc thuy”");
  await expect(page.getByRole("link", { name: /Phường/ })).toHaveCount(1);
  await page.getByRole("link", { name: /Phường Ngọc Thụy/ }).click();
  await expect(page).toHaveURL(/\/ngoc-thuy$/);

  await page.goto("/?q=kh%C3%B4ng%20c%C3%B3");
  await expect(page.getByTestId("ward-count")).toHaveText("Không tìm thấy phường, xã nào có tên khớp “không có”.");
  await expect(page.getByRole("link", { name: /Phường/ })).toHaveCount(0);
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
});
