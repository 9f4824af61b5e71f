// Accounts an administrator makes on /quan-tri/tai-khoan for a spec's own units, as a new user would.
import { type Browser, type Page, expect } from "@playwright/test";

/**
 * A new account holding `role` on `unit`: created by `admin` with a temporary password, which the
 * person then changes to `password` at their first sign-in (as every new account must).
 */
export async function makeAccount(
  admin: Page,
  browser: Browser,
  account: { username: string; name: string; role: string; unit: string; password: string },
) {
  const temporary = "tam-thoi-rat-dai-1";
  await admin.goto("/quan-tri/tai-khoan");
  const form = admin.locator("form[action='/api/admin/accounts']");
  await form.getByLabel("Tên đăng nhập").fill(account.username);
  await form.getByLabel("Họ và tên").fill(account.name);
  await form.getByLabel(/Mật khẩu tạm/).fill(temporary);
  await form.getByLabel("Vai trò").selectOption(account.role);
  await form.getByLabel("Đơn vị (mã)").fill(account.unit);
  await form.getByRole("button", { name: "Tạo" }).click();
  await expect(admin.getByRole("status")).toHaveText(`Đã tạo tài khoản ${account.username}.`);

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const user = await context.newPage();
  await user.goto("/dang-nhap");
  await user.getByLabel("Tên đăng nhập hoặc e-mail").fill(account.username);
  await user.getByLabel("Mật khẩu").fill(temporary);
  await user.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(user).toHaveURL(/\/doi-mat-khau$/);
  await user.getByLabel("Mật khẩu hiện tại").fill(temporary);
  await user.getByLabel(/^Mật khẩu mới/).fill(account.password);
  await user.getByLabel("Nhập lại mật khẩu mới").fill(account.password);
  await user.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(user.locator("main").getByRole("status")).toContainText("Đã đổi mật khẩu");
  await context.close();
}
