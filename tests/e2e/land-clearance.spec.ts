import { type Locator, type Page, expect, test } from "@playwright/test";
import { expectAccessible } from "./helpers/accessibility";
import { signIn } from "./helpers/sign-in";

// Land-clearance projects and their yearly progress, entered by the ward official on /{ward}/gpmb.
// The project made here is deleted at the end: the other specs count the report's three projects.
test.use({ storageState: { cookies: [], origins: [] } });

const NAME = "Đường gom khu tái định cư thử nghiệm e2e";
const PROGRAMME_03 = "/ngoc-thuy/chuong-trinh/03-CTr-QU";
// a save answers, then the page's data is refreshed: slower than a read on a busy machine
const SAVED = { timeout: 20_000 };

/** The disclosure that opens a form (its button inside has the same words). */
const summary = (scope: Page | Locator, text: string) =>
  scope.locator("summary").filter({ hasText: new RegExp(`^${text}$`) });

test.describe("land-clearance projects entered by the ward", () => {
  test("a ward official adds a project with a year's progress and finds it on the programme 03 dashboard", async ({
    page,
  }) => {
    await signIn(page, "demo.phuong", PROGRAMME_03);
    await page
      .getByRole("region", { name: "Dự án giải phóng mặt bằng" })
      .getByRole("link", { name: "Nhập, sửa dự án GPMB và tiến độ" })
      .click();
    await expect(page).toHaveURL(/\/ngoc-thuy\/gpmb$/, { timeout: 30_000 });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dự án giải phóng mặt bằng và danh hiệu, mô hình");

    // a reported project keeps its source and offers only its yearly progress
    const reported = page.getByRole("article", { name: "Đường 25m trường Pháp" });
    await expect(reported).toContainText("Báo cáo của Đảng ủy phường Ngọc Thụy, 05/11/2019");
    await expect(summary(reported, "Sửa dự án")).toHaveCount(0);

    await summary(page, "Thêm dự án").click();
    const form = page.getByRole("form", { name: "Thêm dự án" });
    await form.getByLabel("Tên dự án").fill(NAME);
    await form.getByLabel("Năm bắt đầu").selectOption("2019");
    await form.getByLabel("Năm kết thúc").selectOption("2018");
    await form.getByLabel("Số hộ bị ảnh hưởng").fill("42");
    await form.getByLabel("Diện tích (m²)").fill("12.500,5");
    await form.getByLabel("Bồi thường, hỗ trợ (đồng)").fill("305.000.000");
    await form.getByRole("button", { name: "Thêm dự án" }).click();
    // refused, the typed values kept, the reason next to the field
    await expect(form.getByRole("alert")).toContainText("Có ô chưa đúng", SAVED);
    await expect(form.getByText("Năm kết thúc không được trước năm bắt đầu.")).toBeVisible();
    await expect(form.getByLabel("Tên dự án")).toHaveValue(NAME);
    await form.getByLabel("Năm bắt đầu").selectOption("2018");
    await form.getByLabel("Năm kết thúc").selectOption("2020");
    await form.getByRole("button", { name: "Thêm dự án" }).click();
    await expect(form.getByRole("status")).toHaveText(`Đã thêm dự án “${NAME}”.`, SAVED);

    const card = page.getByRole("article", { name: NAME });
    await expect(card).toContainText("2018–2020");
    await expect(card).toContainText("12.500,5");
    await expect(card).toContainText(/305\.000\.000\s+đ/);
    await expect(card).toContainText("Phường nhập");
    // a draft until the committee approves the ward's 2018 figures of programme 03: labelled as such
    await expect(card).toContainText("Bản nháp – chưa duyệt");
    await expect(card).toContainText("Phường nhập, Đảng ủy phường chưa duyệt");
    await expect(card).not.toContainText("Đảng ủy phường duyệt");

    await summary(card, "Thêm tiến độ năm").click();
    const progress = card.getByRole("form", { name: `Thêm tiến độ năm của dự án ${NAME}` });
    await progress.getByLabel("Năm").selectOption("2019");
    await progress.getByLabel("Số hộ đã bàn giao mặt bằng").fill("50");
    await progress.getByRole("button", { name: "Thêm tiến độ năm" }).click();
    await expect(progress.getByText(/vượt số hộ bị ảnh hưởng của dự án \(42\)/)).toBeVisible(SAVED);
    await progress.getByLabel("Số hộ đã bàn giao mặt bằng").fill("30");
    await progress.getByLabel("Diện tích đã bàn giao (m²)").fill("8.000");
    await progress.getByLabel("Đã chi trả bồi thường (đồng)").fill("200.000.000");
    await progress.getByRole("button", { name: "Thêm tiến độ năm" }).click();
    await expect(progress.getByRole("status")).toHaveText("Đã lưu tiến độ năm 2019.", SAVED);
    await expect(card.getByRole("row", { name: /^2019/ })).toContainText(/30\s*8\.000\s*200\.000\.000\s+đ/);
    await expect(card.getByRole("row", { name: /^2019/ })).toContainText("Bản nháp – chưa duyệt");

    await expectAccessible(page);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: "test-results/screenshots/gpmb-phone.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    // the programme 03 dashboard shows only approved records: not this draft
    await page.goto(PROGRAMME_03);
    const gpmb = page.getByRole("region", { name: "Dự án giải phóng mặt bằng" });
    await expect(gpmb).toContainText("3 dự án được nêu tên trong tổng số 15");
    await expect(gpmb.getByRole("rowheader", { name: new RegExp(NAME) })).toHaveCount(0);

    // deleting asks first (and leaves the shared e2e database as the other specs expect it)
    await page.goto("/ngoc-thuy/gpmb");
    const again = page.getByRole("article", { name: NAME });
    await summary(again, "Sửa dự án").click();
    await again.getByRole("button", { name: "Xóa" }).click();
    await again.getByRole("button", { name: "Xác nhận xóa" }).click();
    await expect(page.getByRole("article", { name: NAME })).toHaveCount(0, SAVED);
    await page.goto(PROGRAMME_03);
    await expect(page.getByRole("region", { name: "Dự án giải phóng mặt bằng" })).toContainText(
      "3 dự án được nêu tên trong tổng số 15",
    );
  });

  test("the party committee reads the page without forms", async ({ page }) => {
    await signIn(page, "demo.danguy", PROGRAMME_03);
    await expect(page.getByRole("link", { name: "Nhập, sửa dự án GPMB và tiến độ" })).toHaveCount(0);
    await page.goto("/ngoc-thuy/gpmb");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dự án giải phóng mặt bằng và danh hiệu, mô hình");
    await expect(page.getByText("Bạn đang xem; chỉ cán bộ phường được nhập và sửa.")).toBeVisible();
    await expect(page.getByRole("form")).toHaveCount(0);
    await expect(page.getByRole("article", { name: "Đường 25m trường Pháp" })).toBeVisible();
    await expectAccessible(page);
  });
});
