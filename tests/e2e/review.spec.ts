import { type Page, expect, test } from "@playwright/test";
import { expectAccessible } from "./helpers/accessibility";
import { signIn } from "./helpers/sign-in";

// Review of Ngọc Thụy's 2016 figures of 02-CTr/QU: the official sends, the party committee returns
// with a comment, the official reads it and sends again, the committee approves; district staff
// follow the district's progress, set the year's deadline and unlock with a reason.
test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: "serial" });

const YEAR = 2016;
const ENTRY = `/ngoc-thuy/nhap-lieu/${YEAR}/02-CTr-QU`;

const panel = (page: Page) => page.getByTestId("submission-panel");

// a click that lands before the page is hydrated opens nothing: click until the confirmation shows
async function openConfirmation(page: Page, action: string) {
  await expect(async () => {
    await panel(page).getByRole("button", { name: action, exact: true }).click();
    await expect(panel(page).getByRole("form", { name: `Xác nhận: ${action}` })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

async function confirm(page: Page, action: string, comment?: string) {
  await openConfirmation(page, action);
  if (comment !== undefined) await panel(page).getByRole("textbox").fill(comment);
  await panel(page)
    .getByRole("button", { name: `Xác nhận ${action.toLowerCase()}` })
    .click();
}

test("ward official sends the year's figures from the entry hub", async ({ page }) => {
  await signIn(page, "demo.phuong", "/ngoc-thuy");
  await page.getByRole("link", { name: "Nhập liệu và duyệt" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Nhập liệu và duyệt số liệu");
  const cell = page.locator(`tr[data-year="${YEAR}"] td[data-programme="02-CTr-QU"]`);
  await expect(cell).toContainText("Chưa bắt đầu");
  await expectAccessible(page);
  await cell.getByRole("link", { name: /Nhập số liệu/ }).click();
  await expect(page).toHaveURL(new RegExp(`${ENTRY}$`));

  await expect(panel(page)).toContainText("Chưa bắt đầu");
  // the demonstration's published figures fill 9 of the 10 inputs: only "Đạt mô hình cơ quan điện tử" is
  // missing; none of the 9 is the ward's own entry yet, and the panel says so apart from what is missing
  await expect(panel(page).getByTestId("completeness")).toHaveText(
    "Đã nhập 0/10 ô · Số liệu công bố chưa xác nhận 9 · Còn thiếu 1",
  );
  // the committee's buttons are not offered to the official
  await expect(panel(page).getByRole("button", { name: "Duyệt", exact: true })).toHaveCount(0);
  await openConfirmation(page, "Gửi duyệt");
  await expect(panel(page)).toContainText("còn 1 ô chưa nhập.");
  await expect(panel(page)).toContainText("9 ô đang là số liệu đã công bố, phường chưa xác nhận là số liệu năm nay.");
  await expectAccessible(page);
  await panel(page).getByRole("button", { name: "Xác nhận gửi duyệt" }).click();
  await expect(page.getByTestId("review-message")).toHaveText(
    "Đã gửi số liệu cho Đảng ủy phường duyệt. Số liệu tạm khóa trong khi chờ duyệt.",
  );
  await expect(panel(page)).toContainText("Đã gửi – chờ duyệt");
  await expect(panel(page).getByRole("button", { name: "Gửi duyệt" })).toHaveCount(0);
  await expect(panel(page).getByTestId("review-history")).toContainText("Cán bộ phường Ngọc Thụy");

  // the district's progress is not for a ward official
  await expect(page.getByRole("link", { name: "Tiến độ nhập liệu" })).toHaveCount(0);
  expect((await page.goto("/tien-do"))?.status()).toBe(403);
});

test("party committee returns with a comment (required), the official reads it and sends again, the committee approves", async ({
  page,
  browser,
}) => {
  await signIn(page, "demo.danguy", ENTRY);
  await expect(panel(page)).toContainText("Đã gửi – chờ duyệt");
  // the committee sees the same split as the official: entered, published but not confirmed, missing
  await expect(panel(page).getByTestId("completeness")).toHaveText(
    "Đã nhập 0/10 ô · Số liệu công bố chưa xác nhận 9 · Còn thiếu 1",
  );
  await confirm(page, "Trả lại", "");
  await expect(panel(page).getByText("Hãy ghi ý kiến khi trả lại, để phường biết cần sửa gì.")).toBeVisible();
  await expect(panel(page).getByRole("textbox")).toHaveAttribute("aria-invalid", "true");
  await panel(page).getByRole("textbox").fill("Chỉ tiêu cơ quan điện tử chưa nhập, đề nghị bổ sung.");
  await panel(page).getByRole("button", { name: "Xác nhận trả lại" }).click();
  await expect(page.getByTestId("review-message")).toHaveText("Đã trả lại số liệu cho phường, kèm ý kiến.");
  await expect(panel(page)).toContainText("Bị trả lại");

  const official = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const op = await official.newPage();
  await signIn(op, "demo.phuong", ENTRY);
  await expect(panel(op).getByTestId("pending-comment")).toContainText(
    "Chỉ tiêu cơ quan điện tử chưa nhập, đề nghị bổ sung.",
  );
  await expect(panel(op).getByTestId("pending-comment")).toContainText("Đảng ủy phường Ngọc Thụy");
  await confirm(op, "Gửi duyệt");
  await expect(panel(op)).toContainText("Đã gửi – chờ duyệt");
  await official.close();

  await page.reload();
  await confirm(page, "Duyệt", "Đồng ý.");
  await expect(page.getByTestId("review-message")).toContainText("Đã duyệt và công bố số liệu");
  await expect(panel(page)).toContainText("Đã duyệt – đã khóa");
  for (const name of ["Trả lại", "Duyệt", "Gửi duyệt", "Mở khóa"])
    await expect(panel(page).getByRole("button", { name, exact: true })).toHaveCount(0);
  const history = panel(page).getByTestId("review-history").getByRole("listitem");
  await expect(history).toHaveCount(4);
  await expect(history.nth(1)).toContainText("Trả lại");
  await expect(history.nth(3)).toContainText(
    /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} · Đảng ủy phường Ngọc Thụy \(minh họa\) · Duyệt/,
  );
  await expectAccessible(page);
});

test("district staff follow the district's progress, set the deadline and unlock with a reason", async ({ page }) => {
  await signIn(page, "demo.quan", "/");
  await page
    .getByRole("navigation", { name: "Điều hướng chính" })
    .getByRole("link", { name: "Tiến độ nhập liệu" })
    .click();
  await page.locator('select[name="year"]').selectOption(String(YEAR));
  await page.getByRole("button", { name: "Xem" }).click();
  await expect(page).toHaveURL(/\/tien-do\?district=long-bien&year=2016$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Tiến độ nhập liệu năm ${YEAR}`);
  await expect(page.getByTestId("deadline")).toHaveText(`Chưa đặt hạn nộp số liệu năm ${YEAR}.`);

  // a deadline long past: every ward that has not sent is late, the approved one is not
  await page.getByLabel(`Hạn nộp số liệu năm ${YEAR}`, { exact: true }).fill("2017-03-31");
  await page.getByRole("button", { name: "Lưu hạn nộp" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã đặt hạn nộp" })).toHaveText(
    `Đã đặt hạn nộp số liệu năm ${YEAR}: 31/03/2017.`,
  );
  await expect(page.getByTestId("deadline")).toContainText("31/03/2017");

  const ngocThuy = page.locator('tr[data-ward="ngoc-thuy"] td[data-programme="02-CTr-QU"]');
  await expect(ngocThuy).toContainText("Đã duyệt – đã khóa");
  await expect(ngocThuy.locator("[data-late]")).toHaveCount(0);
  await expect(page.locator('tr[data-ward="bo-de"] td[data-programme="02-CTr-QU"]')).toContainText("Trễ hạn");
  const counts = page.getByTestId("progress-counts");
  await expect(counts.locator('[data-state="APPROVED"]')).toContainText("1");
  await expect(counts.locator('[data-state="late"]')).toContainText("41");
  await page.locator('[data-owed-ward="bo-de"] summary').click();
  // Bồ Đề's programme 02 figures are all published (demonstration); one of programme 03 is not
  await expect(page.locator('[data-owed-ward="bo-de"]')).toContainText("Chương trình 03-CTr/QU");
  await expect(page.locator('[data-owed-ward="bo-de"]')).not.toContainText("Chương trình 02-CTr/QU");
  await expectAccessible(page);

  // 375 px: nothing wider than the screen
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.setViewportSize({ width: 1280, height: 800 });

  await ngocThuy.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`${ENTRY}$`));
  await confirm(page, "Mở khóa", " ");
  await expect(panel(page).getByText("Hãy ghi lý do mở khóa.")).toBeVisible();
  await panel(page).getByRole("textbox").fill("Phường đề nghị bổ sung số liệu.");
  await panel(page).getByRole("button", { name: "Xác nhận mở khóa" }).click();
  await expect(page.getByTestId("review-message")).toContainText("Đã mở khóa");
  await expect(panel(page)).toContainText("Đang nhập");
  await expect(panel(page).getByTestId("pending-comment")).toContainText("Phường đề nghị bổ sung số liệu.");
});
