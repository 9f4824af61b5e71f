import { type Browser, type Page, expect, test } from "@playwright/test";
import { STORAGE_STATE } from "./auth-state";
import { expectAccessible } from "./helpers/accessibility";
import { signIn } from "./helpers/sign-in";

// The yearly entry form as the ward official (demo.phuong) uses it. Each test signs in itself:
// the shared storage state is the district staff's, who may read but not edit.
test.use({ storageState: { cookies: [], origins: [] } });

const ENTRY = (year: number) => `/ngoc-thuy/nhap-lieu/${year}/03-CTr-QU`;
const field = (page: Page, name: string, unit: string, year: number) =>
  page.getByLabel(`${name} (${unit}), năm ${year}`, { exact: true });

async function officialPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "demo.phuong");
  return { context, page };
}

test.describe("yearly entry form", () => {
  test("at 1440 px the “trên” box and the input never cover the indicator's name", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, "demo.phuong");
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
    await signIn(page, "demo.phuong");
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
    await signIn(page, "demo.phuong");
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
    await signIn(page, "demo.phuong");
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

  test("residential groups: the ward share follows the groups as they are typed", async ({ page, browser }) => {
    await signIn(page, "demo.phuong");
    await page.goto(`${ENTRY(2016)}/to-dan-pho`);
    await expect(page.getByRole("row")).toHaveCount(39); // header and 38 groups
    const live = page.getByTestId("live-tdp-van-hoa");
    const before = await live.textContent();
    const figure = "Tổ 1: Đạt danh hiệu Tổ dân phố văn hóa";
    const first = page.getByLabel(figure, { exact: true });
    const value = (await first.inputValue()) === "1" ? "0" : "1";
    await first.selectOption(value);
    await expect(live).not.toHaveText(before ?? "");
    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await expect(page.getByTestId("save-status")).toContainText("Đã lưu nháp");
    await page.goto(ENTRY(2016));
    await expect(page.getByTestId("row-ty-le-tdp-van-hoa")).toContainText("Đã nhập bởi");

    // a reader (district staff) cannot focus the grid's disabled cells: each figure's history is a
    // button of its own cell, the next stop of the keyboard after the grid, named after its figure
    const staff = await browser.newContext({ storageState: STORAGE_STATE });
    const reader = await staff.newPage();
    await reader.goto(`${ENTRY(2016)}/to-dan-pho`);
    await expect(reader.getByLabel(figure, { exact: true })).toBeDisabled();
    await reader.getByRole("region", { name: "Bảng nhập theo tổ dân phố" }).focus();
    await reader.keyboard.press("Tab");
    await expect(reader.locator(":focus")).toHaveAccessibleName(/^Lịch sử: Tổ 1: /);
    const history = reader.getByRole("button", { name: `Lịch sử: ${figure}`, exact: true });
    await history.focus();
    // a key press before hydration opens nothing
    await expect(async () => {
      await reader.keyboard.press("Enter");
      await expect(history).toHaveAttribute("aria-expanded", "true", { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    const list = reader.locator(`[id="${await history.getAttribute("aria-controls")}"]`);
    await expect(list).toContainText("Cán bộ phường Ngọc Thụy (minh họa)");
    await expect(list).toContainText(`→ ${value === "1" ? "Đạt" : "Chưa đạt"}`);
    await staff.close();
  });

  test("reads well: no serious accessibility violations, usable at 375 px, read-only for district staff", async ({
    page,
    browser,
  }) => {
    await signIn(page, "demo.phuong");
    for (const url of [ENTRY(2020), `${ENTRY(2020)}/to-dan-pho`]) {
      await page.goto(url);
      await expectAccessible(page, url);
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

  test("group grid: a wrong value says why at its cell; Lưu nháp saves the valid rows and moves to the wrong one", async ({
    page,
  }) => {
    await signIn(page, "demo.phuong");
    await page.goto(`${ENTRY(2015)}/to-dan-pho`);
    const cell = (group: number) =>
      page.getByLabel(`Tổ ${group}: Gia đình đạt tiêu chuẩn Gia đình văn hóa (theo tổ dân phố)`, { exact: true });
    await cell(1).fill("120");
    await cell(2).fill("95,5");

    // the reason is read with the cell and shown inside it, not in a box below the grid
    await expect(cell(1)).toHaveAttribute("aria-invalid", "true");
    const messageId = await cell(1).getAttribute("aria-describedby");
    const message = page.locator(`[id="${messageId}"]`);
    await expect(message).toContainText("100");
    const [cellBox, messageBox] = [
      (await cell(1).locator("xpath=ancestor::td").boundingBox())!,
      (await message.boundingBox())!,
    ];
    expect(messageBox.y).toBeGreaterThanOrEqual(cellBox.y);
    expect(messageBox.y + messageBox.height).toBeLessThanOrEqual(cellBox.y + cellBox.height + 1);
    await expect(cell(2)).not.toHaveAttribute("aria-invalid", "true");

    await cell(3).focus();
    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await expect(page.getByTestId("save-status")).toContainText("Đã lưu 1 ô hợp lệ. 1 ô chưa hợp lệ");
    await expect(cell(1)).toBeFocused();
    await expect(page.getByTestId("unsaved-count")).toHaveText("1 ô đã sửa, chưa lưu");

    await page.reload();
    await expect(cell(2)).toHaveValue("95,5");
  });

  test("ward figures: Lưu nháp with only wrong rows saves nothing, says why, and moves to the first", async ({
    page,
  }) => {
    await signIn(page, "demo.phuong");
    await page.goto(ENTRY(2015));
    const money = field(page, "Tiền xử phạt vi phạm trật tự đô thị", "đồng", 2015);
    await money.fill("1,5");
    await expect(money).toHaveAttribute("aria-invalid", "true");
    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await expect(page.getByTestId("save-status")).toContainText("Chưa lưu gì: 1 ô chưa hợp lệ");
    await expect(money).toBeFocused();
    const bar = (await page.locator("[data-save-bar]").boundingBox())!;
    const box = (await money.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(bar.y);
  });

  test("yes/no rows: no unit beside the question, a term target in years reads in years", async ({ page }) => {
    await signIn(page, "demo.phuong");
    await page.goto("/ngoc-thuy/nhap-lieu/2020/02-CTr-QU");
    const row = page.getByTestId("row-co-quan-dien-tu");
    await expect(row.locator("#o-co-quan-dien-tu-ten")).toHaveText("Đạt mô hình cơ quan điện tử");
    await expect(row).not.toContainText("(năm)");
    await expect(row).not.toContainText("(đạt)");
    await expect(row).toContainText(/Chỉ tiêu nhiệm kỳ: ≥ 3\snăm \(minh họa\)/);
    await expect(row).not.toContainText("≥ Chưa đạt");
    await expect(page.getByLabel("Đạt mô hình cơ quan điện tử, năm 2020", { exact: true })).toBeVisible();
    // no row of the form names a unit for a yes/no question
    const rowsText = await page.locator('[data-testid^="row-"]').allInnerTexts();
    expect(rowsText.filter((t) => /\((năm|đạt)\)/.test(t))).toEqual([]);
  });

  test("published figures: counted as present, confirmed as this year's in one step", async ({ page }) => {
    await signIn(page, "demo.phuong");
    const url = "/ngoc-thuy/nhap-lieu/2015/02-CTr-QU";
    await page.goto(url);
    const panel = page.getByTestId("submission-panel");
    // nothing is owed where the form shows a published figure, and header and badge agree
    await expect(panel.getByTestId("completeness")).toHaveText(
      "Đã nhập 0/10 ô · Số liệu công bố chưa xác nhận 10 · Còn thiếu 0",
    );
    await expect(page.getByTestId("submission-status")).toHaveText("Chưa bắt đầu");
    await expect(panel.locator("[data-state]").first()).toHaveText(/Chưa bắt đầu/);
    await expect(panel.getByText("Chỉ tiêu còn thiếu số liệu")).toHaveCount(0);

    const box = page.getByTestId("confirm-published");
    await expect(box).toContainText("10 ô đang hiện số liệu đã công bố");
    await box.getByRole("button", { name: "Xác nhận 10 số liệu đã công bố" }).click();
    await expect(page.getByTestId("confirm-published-status")).toHaveText(
      "Đã xác nhận 10 số liệu đã công bố là số liệu năm 2015 (lưu nháp).",
    );
    await expect(box.getByRole("button")).toHaveCount(0);

    await page.reload();
    await expect(page.getByTestId("submission-status")).toHaveText("Đang nhập");
    await expect(panel.locator("[data-state]").first()).toHaveText(/Đang nhập/);
    await expect(panel.getByTestId("completeness")).toHaveText("Đã nhập 10/10 ô · đủ");
    await expect(page.getByTestId("confirm-published")).toHaveCount(0);
    await expect(page.locator('[data-testid^="row-"]').filter({ hasText: "Đã nhập bởi" })).toHaveCount(10);
  });
});
