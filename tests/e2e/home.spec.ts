// The home page at any number of wards: the person's own units first, then one page of the wards they
// may read, searched by name with or without diacritics (the paging itself: tests/integration/data-scope).
import { type Page, expect, test } from "@playwright/test";
import { expectAccessible } from "./helpers/accessibility";
import { signedInPage } from "./helpers/sign-in";

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
  await expectAccessible(page);
});

/** The year the home page reports on (the current year of the latest term, which other tests may add). */
async function standingYear(page: Page): Promise<string> {
  const heading = page.getByTestId("year-standing").getByRole("heading", { level: 2 });
  await expect(heading).toHaveText(/^Tình hình số liệu năm \d{4}$/);
  return (await heading.innerText()).slice(-4);
}

test("home: what waits first, then where each of the person's wards stands this year", async ({ page, browser }) => {
  // district staff (the shared session): the district's wards counted by state, as /tien-do counts them
  await page.goto("/");
  const year = await standingYear(page);
  const inboxBox = (await page.getByTestId("inbox").boundingBox())!;
  const standingBox = (await page.getByTestId("year-standing").boundingBox())!;
  expect(inboxBox.y).toBeLessThan(standingBox.y);
  const district = page.getByTestId("standing-long-bien");
  const size = (await district.getByRole("heading").innerText()).match(/(\d+) phường × (\d+) chương trình/);
  expect(size).not.toBeNull();
  expect(size![1]).toBe("14");
  const counts = await district.locator("li[data-state]:not([data-state=late]) strong").allInnerTexts();
  expect(counts).toHaveLength(5);
  expect(counts.reduce((sum, c) => sum + Number(c.replace(/\./g, "")), 0)).toBe(14 * Number(size![2]));
  await expect(
    district.getByRole("link", { name: `Tiến độ từng phường của Quận Long Biên năm ${year}` }),
  ).toHaveAttribute("href", `/tien-do?district=long-bien&year=${year}`);

  // the ward official and the committee: their ward, programme by programme, each with its state and a link
  for (const username of ["demo.phuong", "demo.danguy"]) {
    const other = await signedInPage(browser, username);
    await other.goto("/");
    const y = await standingYear(other);
    const ward = other.getByTestId("standing-ngoc-thuy");
    const rows = ward.getByRole("listitem");
    expect(await rows.count()).toBeGreaterThan(0);
    for (const row of await rows.all()) {
      await expect(row.locator("[data-state]")).toHaveCount(1);
      await expect(row.getByRole("link")).toHaveAttribute("href", new RegExp(`^/ngoc-thuy/nhap-lieu/${y}/[\\w-]+$`));
    }
    await expectAccessible(other);
    if (username === "demo.danguy") {
      // the reviewer's entry page is not titled as if they entered the figures
      await rows.first().getByRole("link").click();
      await expect(other).toHaveTitle(new RegExp(`^Số liệu ${y} · `));
    }
    await other.context().close();
  }
});
