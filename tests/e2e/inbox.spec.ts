import { type Page, expect as baseExpect, test } from "@playwright/test";
import { expectAccessible } from "./helpers/accessibility";
import { signIn } from "./helpers/sign-in";

// "Việc cần làm": the party committee sees on its home page, and counted in the header, the
// submission a ward official has just sent (Ngọc Thụy's 2017 figures of 01-CT/QU, which no other
// spec touches); the item leads to the review, and is gone once approved.
test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: "serial" });
// several browsers and sign-ins per test, on a machine shared with other builds: a transition can
// take seconds to answer there
test.setTimeout(180_000);
const expect = baseExpect.configure({ timeout: 30_000 });

const YEAR = 2017;
const ENTRY = `/ngoc-thuy/nhap-lieu/${YEAR}/01-CT-QU`;
const ITEM = `Chờ duyệt: số liệu năm ${YEAR} của Phường Ngọc Thụy, chương trình 01-CT/QU`;

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
  await expectAccessible(page);
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

// Ngọc Thụy's 2018 figures of 01-CT/QU (no other spec touches them): a question on one figure is
// answered by the ward, named before sending again, and closed by the approval.
const QUESTION_ENTRY = "/ngoc-thuy/nhap-lieu/2018/01-CT-QU";

test("a question on one figure is answered by the ward and closed by the approval", async ({ page, browser }) => {
  const official = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const op = await official.newPage();
  await signIn(op, "demo.phuong", QUESTION_ENTRY);
  await confirm(op, "Gửi duyệt");
  await expect(panel(op)).toContainText("Đã gửi – chờ duyệt");

  await signIn(page, "demo.danguy", QUESTION_ENTRY);
  const questions = page.getByTestId("figure-questions");
  await expect(questions).toContainText("không có câu hỏi đang mở");
  // the reviewer's changes-only view is there for the committee, not for the ward
  await expect(page.getByTestId("changed-rows")).toContainText("Số liệu thay đổi so với số liệu đã công bố");
  await expect(op.getByTestId("changed-rows")).toHaveCount(0);
  const ask = questions.getByRole("form", { name: "Đặt câu hỏi về số liệu" });
  const indicator = ask.getByLabel(/Chỉ tiêu của/);
  const indicatorName = (await indicator.locator("option").first().innerText()).trim();
  // one click (a retried click would ask twice): the form works before hydration too
  await ask.getByLabel("Câu hỏi").fill("Số liệu này lấy từ đâu?");
  await ask.getByRole("button", { name: "Gửi câu hỏi" }).click();
  const thread = questions.getByTestId("figure-question");
  await expect(thread).toHaveCount(1);
  await expect(thread).toContainText(indicatorName);
  await expect(thread).toContainText("Đảng ủy phường Ngọc Thụy (minh họa)");
  await expect(questions).toContainText("(1 đang mở)");
  await confirm(page, "Trả lại", "Xem câu hỏi về số liệu.");
  await expect(panel(page)).toContainText("Bị trả lại");

  await op.reload();
  const answer = op.getByRole("form", { name: `Trả lời: ${indicatorName}` });
  await answer.getByLabel("Trả lời").fill("Theo sổ theo dõi của phường.");
  await answer.getByRole("button", { name: "Gửi trả lời" }).click();
  await expect(op.getByTestId("figure-question")).toContainText("Theo sổ theo dõi của phường.");
  // sending again names the question still open
  await expect(async () => {
    await panel(op).getByRole("button", { name: "Gửi duyệt", exact: true }).click();
    await expect(panel(op).getByRole("form", { name: "Xác nhận: Gửi duyệt" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(panel(op).getByRole("form", { name: "Xác nhận: Gửi duyệt" })).toContainText(
    "Còn 1 câu hỏi của Đảng ủy về số liệu đang mở.",
  );
  await panel(op).getByRole("button", { name: "Xác nhận gửi duyệt" }).click();
  await expect(panel(op)).toContainText("Đã gửi – chờ duyệt");
  await official.close();

  await page.reload();
  await expect(questions.getByTestId("figure-question")).toContainText("Theo sổ theo dõi của phường.");
  await expectAccessible(page);
  await confirm(page, "Duyệt", "");
  await expect(page.getByTestId("review-message")).toContainText("Đã đóng 1 câu hỏi về số liệu.");
  await expect(panel(page)).toContainText("Đã duyệt – đã khóa");
  await expect(questions).toContainText("không có câu hỏi đang mở");
  await questions.getByText("Câu hỏi đã đóng (1)").click();
  await expect(questions.getByTestId("figure-question")).toContainText("Đã đóng khi duyệt");
  await expect(questions.getByRole("form")).toHaveCount(0);
});

// Ngọc Thụy's 2019 figures of 01-CT/QU (no other spec sends, approves or counts them): the committee asks about one row
// from that row ("Hỏi về số liệu này"), the ward answers on that row, the approval closes it there.
const ROW_ENTRY = "/ngoc-thuy/nhap-lieu/2019/01-CT-QU";

test("a question asked on one row is answered on that row and shown closed there after the approval", async ({
  page,
  browser,
}) => {
  const official = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const op = await official.newPage();
  await signIn(op, "demo.phuong", ROW_ENTRY);
  await confirm(op, "Gửi duyệt");
  await expect(panel(op)).toContainText("Đã gửi – chờ duyệt");

  await signIn(page, "demo.danguy", ROW_ENTRY);
  const rows = page.getByTestId("row-questions");
  const code = await rows.first().getAttribute("data-indicator");
  const row = page.locator(`[data-testid="row-questions"][data-indicator="${code}"]`);
  // a click before hydration opens nothing: click until the form for this figure shows
  const ask = row.getByRole("button", { name: /^Hỏi về số liệu này: / });
  await expect(async () => {
    await ask.click();
    await expect(row.getByRole("textbox")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const QUESTION = "Số liệu dòng này lấy từ sổ nào?";
  await row.getByRole("textbox").fill(QUESTION);
  await row.getByRole("button", { name: "Gửi câu hỏi" }).click();
  await expect(row.getByTestId("row-question")).toContainText(QUESTION);
  await expect(row.getByTestId("row-question")).toHaveAttribute("data-state", "open");
  // only on that row, and listed among the open questions of the review panel
  await expect(page.getByTestId("row-question")).toHaveCount(1);
  await expect(page.getByTestId("figure-questions")).toContainText("(1 đang mở)");

  await op.reload();
  const opRow = op.locator(`[data-testid="row-questions"][data-indicator="${code}"]`);
  await expect(opRow.getByTestId("row-question")).toContainText(QUESTION);
  await expect(opRow.getByRole("button", { name: /^Hỏi về số liệu này/ })).toHaveCount(0);
  const ANSWER = "Sổ theo dõi của phường, quý IV.";
  await expect(async () => {
    if (!(await opRow.getByTestId("row-question").innerText()).includes(ANSWER)) {
      await opRow.getByRole("textbox").fill(ANSWER);
      await opRow.getByRole("button", { name: "Gửi trả lời" }).click();
    }
    await expect(opRow.getByTestId("row-question")).toContainText(ANSWER, { timeout: 5000 });
  }).toPass({ timeout: 30_000 });
  await official.close();

  await page.reload();
  await expect(row.getByTestId("row-question")).toContainText(ANSWER);
  await confirm(page, "Duyệt", "");
  await expect(panel(page)).toContainText("Đã duyệt – đã khóa");
  await expect(row.getByTestId("row-question")).toHaveAttribute("data-state", "closed");
  await expect(row.getByTestId("row-question")).toContainText("Đã đóng khi duyệt");
  await expect(row.getByRole("textbox")).toHaveCount(0);
  await expect(page.getByTestId("figure-questions")).toContainText("không có câu hỏi đang mở");
});
