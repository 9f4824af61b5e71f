import { expect, test as setup } from "@playwright/test";
import { DEMO_PASSWORD, STORAGE_STATE } from "./auth-state";

// The dashboards need a session (PUBLIC_PORTAL is off): the tests read as the demo district staff.
setup("sign in as the demo district staff", async ({ page }) => {
  await page.goto("/dang-nhap");
  await page.getByLabel("Tên đăng nhập hoặc e-mail").fill("demo.quan");
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByTestId("current-user")).toContainText("Cán bộ quận");
  await page.context().storageState({ path: STORAGE_STATE });
});
