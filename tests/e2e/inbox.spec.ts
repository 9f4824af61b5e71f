import AxeBuilder from "@axe-core/playwright";
import { type Page, expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./auth-state";

// "Việc cần làm": the party committee sees on its home page, and counted in the header, the
// submission a ward official has just sent (Ngọc Thụy's 2017 figures of 01-CT/QU, which no other
// spec touches); the item leads to the review, and is gone once approved.
test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: "serial" });

const YEAR = 2017;
const ENTRY = `/ngoc-thuy/nhap-lieu/${YEAR}/01-CT-QU`;
const ITEM = `Chờ duyệt: số liệu năm ${YEAR} của Phường Ngọc Thụy, chương trình 01-CT/QU`;

async function signIn(page: Page, username: string, next: string) {
  await page.goto(`/dang-nhap?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Tên đăng nhập hoặc e-mail").fill(username);
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, "\\$&")}$`));
}

const panel = (page: Page) => page.getByTestId("submission-panel");
const inbox = (page: Page) => page.getByRole("region", { name: /Việc cần làm/ });
const headerCount = (page: Page) =>
  page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: /Việc cần làm/ });

// a click that lands before the page is hydrated opens nothing: click until the confirmation shows
async function confirm(page: Page, action: string, comment?: string) {
  await expect(async () => {
    await panel(page).getByRole("button", { name: action, exact: true }).click();
    await expect(panel(page).getByRole("form", { name: `Xác nhận: ${action}` })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  if (comment !== undefined) await panel(page).getByRole("textbox").fill(comment);
  await panel(page)
    .getByRole("button", { name: `Xác nhận ${action.toLowerCase()}` })
    .click();
}

const countIn = async (page: Page) => Number((await headerCount(page).innerText()).replace(/\D/g, "") || "0");

test("the committee sees a submission on its home page right after the ward sends it, and not after approving", async ({
  page,
  browser,
}) => {
  await signIn(page, "demo.danguy", "/");
  await expect(inbox(page)).toBeVisible();
  await expect(inbox(page).getByText(ITEM)).toHaveCount(0);
  const before = await countIn(page);

  const official = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const op = await official.newPage();
  await signIn(op, "demo.phuong", ENTRY);
  await confirm(op, "Gửi duyệt");
  await expect(panel(op)).toContainText("Đã gửi – chờ duyệt");
  // the official is not asked to approve their own figures
  await op.goto("/");
  await expect(inbox(op).getByText(ITEM)).toHaveCount(0);
  await official.close();

  await page.reload();
  const item = inbox(page).getByRole("listitem").filter({ hasText: ITEM });
  await expect(item).toContainText("bởi Cán bộ phường Ngọc Thụy");
  expect(await countIn(page)).toBe(before + 1);
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.setViewportSize({ width: 1280, height: 800 });

  await item.getByRole("link", { name: "Xem và duyệt" }).click();
  await expect(page).toHaveURL(new RegExp(`${ENTRY}$`));
  await confirm(page, "Duyệt", "");
  await expect(panel(page)).toContainText("Đã duyệt – đã khóa");

  await page.goto("/");
  await expect(inbox(page)).toBeVisible();
  await expect(inbox(page).getByText(ITEM)).toHaveCount(0);
  expect(await countIn(page)).toBe(before);
});
