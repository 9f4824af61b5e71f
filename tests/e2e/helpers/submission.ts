// The submission panel of an entry page (Gửi duyệt, Duyệt, Trả lại …).
import { type Page, expect } from "@playwright/test";

/** A click before hydration opens nothing: clicks `action` until its confirmation shows, then confirms. */
export async function transition(page: Page, action: string) {
  const panel = page.getByTestId("submission-panel");
  await expect(async () => {
    await panel.getByRole("button", { name: action, exact: true }).click();
    await expect(panel.getByRole("form", { name: `Xác nhận: ${action}` })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await panel.getByRole("button", { name: `Xác nhận ${action.toLowerCase()}` }).click();
}
