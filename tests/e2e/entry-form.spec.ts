import AxeBuilder from "@axe-core/playwright";
import { type Browser, type Page, expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./auth-state";

// The yearly entry form as the ward official (demo.phuong) uses it. Each test signs in itself:
// the shared storage state is the district staff's, who may read but not edit.
test.use({ storageState: { cookies: [], origins: [] } });

const ENTRY = (year: number) => `/ngoc-thuy/nhap-lieu/${year}/03-CTr-QU`;
const field = (page: Page, name: string, unit: string, year: number) =>
  page.getByLabel(`${name} (${unit}), năm ${year}`, { exact: true });

async function signIn(page: Page, username = "demo.phuong") {
  await page.goto("/dang-nhap");
  await page.getByLabel("Tên đăng nhập hoặc e-mail").fill(username);
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

async function officialPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page);
  return { context, page };
}

test.describe("yearly entry form", () => {
  test("at 1440 px the “trên” box and the input never cover the indicator's name", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page);
    await page.goto(ENTRY(2020));
    const overlaps = await page.locator('[data-testid^="row-"]').evaluateAll((rows) =>
      rows.flatMap((row) => {
        const name = row.firstElementChild!.getBoundingClientRect();
        const controls = row.children[1]!.querySelectorAll("input, label");
        return [...controls]
          .filter((c) => c.getBoundingClientRect().left < name.right - 1)
          .map(() => row.getAttribute("data-testid"));
      }),
    );
    expect(overlaps).toEqual([]);
  });

  test("moving down with Enter keeps the focused input above the sticky save bar", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page);
    await page.goto(ENTRY(2020));
    const first = page.locator('[data-entry-grid] input[data-row="0"]').first();
    await first.focus();
    const bar = page.locator("[data-save-bar]");
    for (let move = 1; move <= 12; move++) {
      await page.keyboard.press("Enter");
      const focused = page.locator(":focus");
      await expect(focused).toHaveAttribute("data-row", /\d+/);
      const [box, barBox] = [(await focused.boundingBox())!, (await bar.boundingBox())!];
      expect(box.y + box.height, `move ${move}`).toBeLessThanOrEqual(barBox.y);
      expect(box.y, `move ${move}`).toBeGreaterThanOrEqual(0);
    }
  });

  test("Vietnamese numbers, a broken rule, an outlier confirmed with a note, saved and still there after a reload", async ({
    page,
  }) => {
    await signIn(page);
    await page.goto("/ngoc-thuy");
    await page.getByRole("link", { name: "Nhập số liệu 03-CTr/QU" }).click();
    await page.getByRole("link", { name: "2019", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${ENTRY(2019)}$`));
    await expect(page.getByRole("heading", { name: "Nhập số liệu năm 2019" })).toBeVisible();

    // the kinds of violations may not add up to more than the total
    const total = field(page, "Vi phạm trật tự đô thị đã xử lý, theo loại", "trường hợp", 2019);
    const original = await total.inputValue();
    await total.fill("5");
    const totalRow = page.getByTestId("row-vi-pham-da-xu-ly");
    await expect(totalRow.getByTestId("row-errors")).toContainText("vượt quá");
    await expect(page.getByTestId("row-vp-mai-che").getByTestId("row-errors")).toContainText("vượt quá");
    await total.fill(original);
    await expect(totalRow.getByTestId("row-errors")).toHaveCount(0);

    // Enter moves down like a spreadsheet
    await total.focus();
    await total.press("Enter");
    await expect(field(page, "Vi phạm biển hiệu, biển quảng cáo", "trường hợp", 2019)).toBeFocused();

    // an outlier asks for a confirmation and a note before it can be saved
    const money = field(page, "Tiền xử phạt vi phạm trật tự đô thị", "đồng", 2019);
    await money.fill("305.000.000");
    const moneyRow = page.getByTestId("row-tien-xu-phat-vi-pham");
    await expect(moneyRow.getByTestId("row-errors")).toContainText("khác xa các năm trước");
    await moneyRow.getByLabel("Tôi đã kiểm tra").check();
    await moneyRow.getByLabel("Ghi chú: Tiền xử phạt vi phạm trật tự đô thị").fill("Có đợt xử phạt lớn");
    await expect(moneyRow.getByTestId("row-errors")).toHaveCount(0);

    await field(page, "Rau, củ, quả thu giữ (chuyển Trường Hy Vọng)", "kg", 2019).fill("115,5");
    await expect(page.getByTestId("unsaved-count")).toHaveText("2 ô đã sửa, chưa lưu");
    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await expect(page.getByTestId("save-status")).toContainText("Đã lưu nháp (2 giá trị thay đổi)");

    await page.reload();
    await expect(field(page, "Tiền xử phạt vi phạm trật tự đô thị", "đồng", 2019)).toHaveValue("305.000.000");
    await expect(field(page, "Rau, củ, quả thu giữ (chuyển Trường Hy Vọng)", "kg", 2019)).toHaveValue("115,5");
    await expect(page.getByTestId("row-tien-xu-phat-vi-pham")).toContainText("Đã nhập bởi");

    // the figure's history: who changed it, from what to what, with the note
    await page.getByRole("button", { name: "Lịch sử: Tiền xử phạt vi phạm trật tự đô thị" }).click();
    await expect(page.getByTestId("row-tien-xu-phat-vi-pham")).toContainText("(trống) → 305.000.000");
    await expect(page.getByTestId("row-tien-xu-phat-vi-pham")).toContainText("Có đợt xử phạt lớn");
  });

  test("two people change the same figure: the second sees both values and chooses", async ({ browser }) => {
    const a = await officialPage(browser);
    const b = await officialPage(browser);
    await a.page.goto(ENTRY(2018));
    await b.page.goto(ENTRY(2018));
    await field(a.page, "Đợt ra quân xử lý vi phạm trật tự đô thị", "đợt", 2018).fill("29");
    await a.page.getByRole("button", { name: "Lưu nháp" }).click();
    await expect(a.page.getByTestId("save-status")).toContainText("Đã lưu nháp");

    await field(b.page, "Đợt ra quân xử lý vi phạm trật tự đô thị", "đợt", 2018).fill("31");
    await b.page.getByRole("button", { name: "Lưu nháp" }).click();
    const panel = b.page.getByTestId("conflict-panel");
    await expect(panel).toBeVisible();
    await expect(panel.getByTestId("conflict-mine")).toContainText("31");
    await expect(panel.getByTestId("conflict-theirs")).toContainText("29");
    await expect(panel).toContainText(/Giá trị đã lưu bởi .+ lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await panel.getByLabel(/Giá trị của bạn/).check();
    await panel.getByRole("button", { name: "Áp dụng lựa chọn" }).click();
    await expect(b.page.getByTestId("save-status")).toContainText("Đã lưu nháp");

    await a.page.reload();
    await expect(field(a.page, "Đợt ra quân xử lý vi phạm trật tự đô thị", "đợt", 2018)).toHaveValue("31");
    await a.context.close();
    await b.context.close();
  });

  test("offline: the save fails, says so, and the typed values stay; a reload offers the draft back", async ({
    page,
    context,
  }) => {
    await signIn(page);
    await page.goto(ENTRY(2017));
    const input = field(page, "Trường hợp lập biên bản nhắc nhở", "trường hợp", 2017);
    await input.fill("1.234");
    await context.setOffline(true);
    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await expect(page.getByTestId("save-status")).toContainText("Mất kết nối mạng");
    await expect(input).toHaveValue("1.234");
    await context.setOffline(false);

    // the local copy survives a reload
    page.on("dialog", (d) => d.accept());
    await page.waitForTimeout(500); // the draft is written a moment after typing
    await page.reload();
    await expect(input).not.toHaveValue("1.234");
    await page.getByRole("button", { name: "Khôi phục" }).click();
    await expect(input).toHaveValue("1.234");
    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await expect(page.getByTestId("save-status")).toContainText("Đã lưu nháp");
  });

  test("residential groups: the ward share follows the groups as they are typed", async ({ page }) => {
    await signIn(page);
    await page.goto(`${ENTRY(2016)}/to-dan-pho`);
    await expect(page.getByRole("row")).toHaveCount(39); // header and 38 groups
    const live = page.getByTestId("live-tdp-van-hoa");
    const before = await live.textContent();
    const first = page.getByLabel("Tổ 1: Đạt danh hiệu Tổ dân phố văn hóa", { exact: true });
    await first.selectOption((await first.inputValue()) === "1" ? "0" : "1");
    await expect(live).not.toHaveText(before ?? "");
    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await expect(page.getByTestId("save-status")).toContainText("Đã lưu nháp");
    await page.goto(ENTRY(2016));
    await expect(page.getByTestId("row-ty-le-tdp-van-hoa")).toContainText("Đã nhập bởi");
  });

  test("reads well: no serious accessibility violations, usable at 375 px, read-only for district staff", async ({
    page,
    browser,
  }) => {
    await signIn(page);
    for (const url of [ENTRY(2020), `${ENTRY(2020)}/to-dan-pho`]) {
      await page.goto(url);
      const { violations } = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(
        bad.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`),
        url,
      ).toEqual([]);
    }

    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(ENTRY(2020));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const input = field(page, "Đợt ra quân xử lý vi phạm trật tự đô thị", "đợt", 2020);
    await input.fill("35");
    await expect(page.getByRole("button", { name: "Lưu nháp" })).toBeInViewport();

    const staff = await browser.newContext();
    const staffPage = await staff.newPage();
    await signIn(staffPage, "demo.quan");
    await staffPage.goto(ENTRY(2020));
    await expect(staffPage.getByText("Bạn chỉ có quyền xem")).toBeVisible();
    await expect(field(staffPage, "Đợt ra quân xử lý vi phạm trật tự đô thị", "đợt", 2020)).toBeDisabled();
    await expect(staffPage.getByRole("button", { name: "Lưu nháp" })).toHaveCount(0);
    await staff.close();
  });
});
