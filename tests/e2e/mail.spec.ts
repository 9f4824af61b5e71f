import AxeBuilder from "@axe-core/playwright";
import { expect as baseExpect, test } from "@playwright/test";
import { signIn } from "./helpers/sign-in";

// E-mail settings: a person turns one kind of notice off on /tai-khoan and it stays off; the server of
// the tests has no SMTP_URL, which the page says. /quan-tri/thu-gui is for administrators only.
test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);
const expect = baseExpect.configure({ timeout: 30_000 });

test("a ward official turns deadline reminders off on the account page, and it stays off", async ({ page }) => {
  await signIn(page, "demo.phuong", "/tai-khoan");
  await expect(page.getByRole("heading", { name: "Tài khoản của tôi" })).toBeVisible();
  await expect(page.getByText("Máy chủ này chưa bật gửi thư")).toBeVisible();
  const reminders = page.getByRole("checkbox", { name: /Nhắc hạn nộp số liệu/ });
  await expect(reminders).toBeChecked();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  // a click before hydration submits nothing: retry until the answer shows
  await expect(async () => {
    await reminders.uncheck();
    await page.getByRole("button", { name: "Lưu lựa chọn" }).click();
    await expect(page.getByRole("status").getByText("Đã lưu lựa chọn nhận thư.")).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await page.reload();
  await expect(page.getByRole("checkbox", { name: /Nhắc hạn nộp số liệu/ })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Số liệu bị trả lại/ })).toBeChecked();
  // back as it was, for the other specs
  await page.getByRole("checkbox", { name: /Nhắc hạn nộp số liệu/ }).check();
  await page.getByRole("button", { name: "Lưu lựa chọn" }).click();
  await expect(page.getByRole("status").getByText("Đã lưu lựa chọn nhận thư.")).toBeVisible();
});

test("the outbox is for administrators: a ward official is refused, an administrator sees the counts", async ({
  page,
  browser,
}) => {
  await signIn(page, "demo.phuong", "/ngoc-thuy");
  expect((await page.goto("/quan-tri/thu-gui"))?.status()).toBe(403);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "demo.quantri", "/quan-tri/thu-gui");
  await expect(admin.getByRole("heading", { name: "Thư gửi đi" })).toBeVisible();
  await expect(admin.getByTestId("mail-counts")).toContainText("Đã gửi: 0");
  await expect(admin.getByText("Không có thư nào.")).toBeVisible();
});
