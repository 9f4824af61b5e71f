import { type Page, expect as baseExpect, test } from "@playwright/test";
import { makeAccount } from "./helpers/accounts";
import { addUnit } from "./helpers/org-units";
import { transition } from "./helpers/submission";
import { expectAccessible } from "./helpers/accessibility";
import { signedInPage } from "./helpers/sign-in";

// A question on one residential group's figure, asked and answered beside that figure on the groups'
// grid: the committee asks about Tổ 1's "Tổ dân phố văn hóa", the ward's official answers in the
// cell, sending again names the open question, and the approval closes it there. On a ward, groups
// and accounts of this spec's own (a new ward under Long Biên: it runs after the specs that count
// Long Biên's wards, see playwright.config.ts).
test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: "serial" });
// several browsers, sign-ins and transitions on a machine shared with other builds
test.setTimeout(300_000);
const expect = baseExpect.configure({ timeout: 30_000 });

const WARD = "thu-cau-hoi";
const YEAR = 2019;
const GRID = `/${WARD}/nhap-lieu/${YEAR}/03-CTr-QU/to-dan-pho`;
const PASSWORD = "câu hỏi về tổ dân phố";
const OFFICIAL = { username: "e2e.cauhoi.canbo", name: "Cán bộ phường Thử Câu Hỏi" };
const COMMITTEE = { username: "e2e.cauhoi.danguy", name: "Đảng ủy phường Thử Câu Hỏi" };
const FIGURE = "Tổ 1: Đạt danh hiệu Tổ dân phố văn hóa";

/** the questions in Tổ 1's cell of "Tổ dân phố văn hóa" */
const cell = (page: Page) =>
  page.locator(`[data-testid="row-questions"][data-unit="${WARD}-to-1"][data-indicator="tdp-van-hoa"]`);
const panel = (page: Page) => page.getByTestId("submission-panel");

test("the committee asks about one group's figure, the ward answers beside it, the approval closes it", async ({
  browser,
}) => {
  const admin = await signedInPage(browser, "demo.quantri", "/quan-tri/don-vi");
  await addUnit(admin, {
    parent: "Quận Long Biên",
    level: "Phường, xã",
    name: "Phường Thử Câu Hỏi",
    shortName: "Thử Câu Hỏi",
    slug: WARD,
  });
  for (const n of [1, 2])
    await addUnit(admin, {
      parent: "Phường Thử Câu Hỏi",
      level: "Tổ dân phố",
      name: `Tổ dân phố ${n}`,
      shortName: `Tổ ${n}`,
      slug: `${WARD}-to-${n}`,
    });
  await makeAccount(admin, browser, { ...OFFICIAL, role: "WARD_OFFICIAL", unit: WARD, password: PASSWORD });
  await makeAccount(admin, browser, { ...COMMITTEE, role: "WARD_PARTY_COMMITTEE", unit: WARD, password: PASSWORD });
  await admin.context().close();

  // the ward's official enters Tổ 1's figure and sends the year
  const official = await signedInPage(browser, OFFICIAL.username, GRID, PASSWORD);
  await official.getByLabel(FIGURE, { exact: true }).selectOption("1");
  await official.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(official.getByTestId("save-status")).toContainText("Đã lưu nháp");
  await transition(official, "Gửi duyệt");
  await expect(panel(official)).toContainText("Đã gửi – chờ duyệt");
  // the ward does not ask
  await expect(official.getByRole("button", { name: /^Hỏi về số liệu này/ })).toHaveCount(0);

  // the committee asks in Tổ 1's cell, from the keyboard's point of view: the button names the figure
  // and the focus moves into the box it opens
  const committee = await signedInPage(browser, COMMITTEE.username, GRID, PASSWORD);
  await expect(committee.getByRole("button", { name: /^Hỏi về số liệu này: Tổ [12]: / })).toHaveCount(6);
  const question = cell(committee).getByLabel(`Câu hỏi về ${FIGURE}`);
  await expect(async () => {
    await committee.getByRole("button", { name: `Hỏi về số liệu này: ${FIGURE}` }).click();
    await expect(question).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(question).toBeFocused();
  await question.fill("Tổ 1 được công nhận khi nào?");
  await cell(committee).getByRole("button", { name: "Gửi câu hỏi" }).click();
  const thread = cell(committee).getByTestId("row-question");
  await expect(thread).toHaveCount(1);
  await expect(thread).toContainText(`${COMMITTEE.name} hỏi`);
  await expect(thread).toContainText("Tổ 1 được công nhận khi nào?");
  await expect(thread).toContainText("số liệu lúc đó: Đạt");
  await expect(thread).toHaveAttribute("data-state", "open");
  // and in the review panel's list, naming the group
  const questions = committee.getByTestId("figure-questions");
  await expect(questions).toContainText("(1 đang mở)");
  await expect(questions.getByTestId("figure-question")).toContainText(
    "Đạt danh hiệu Tổ dân phố văn hóa (Tổ dân phố 1)",
  );
  // … whose link leads to the cell
  await expect(questions.getByRole("link", { name: /^Xem trên bảng tổ dân phố/ })).toHaveAttribute(
    "href",
    `${GRID}#cau-hoi-${WARD}-to-1-tdp-van-hoa`,
  );
  await expect(committee.locator(`[id="cau-hoi-${WARD}-to-1-tdp-van-hoa"]`)).toBeVisible();
  // on paper the thread stays beside its figure; the buttons and boxes do not print
  await committee.emulateMedia({ media: "print" });
  await expect(thread).toBeVisible();
  await expect(
    committee.getByRole("button", { name: `Hỏi về số liệu này: Tổ 2: Đạt danh hiệu Tổ dân phố văn hóa` }),
  ).toBeHidden();
  await expect(cell(committee).getByRole("button", { name: "Gửi câu hỏi" })).toBeHidden();
  await committee.emulateMedia({ media: "screen" });
  await expect(async () => {
    await panel(committee).getByRole("button", { name: "Trả lại", exact: true }).click();
    await expect(panel(committee).getByRole("form", { name: "Xác nhận: Trả lại" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await panel(committee)
    .getByRole("form", { name: "Xác nhận: Trả lại" })
    .getByRole("textbox")
    .fill("Xem câu hỏi ở Tổ 1.");
  await panel(committee).getByRole("button", { name: "Xác nhận trả lại" }).click();
  await expect(panel(committee)).toContainText("Bị trả lại");

  // the official answers in the same cell
  await official.reload();
  await official.waitForLoadState("networkidle");
  const answer = cell(official).getByLabel(`Trả lời câu hỏi về ${FIGURE}`);
  await answer.fill("Từ đợt bình xét tháng 12.");
  await cell(official).getByRole("button", { name: "Gửi trả lời" }).click();
  await expect(cell(official).getByTestId("row-question")).toContainText(
    `${OFFICIAL.name} trả lời (số liệu lúc đó: Đạt)`,
  );
  await expect(cell(official).getByTestId("row-question")).toContainText("Từ đợt bình xét tháng 12.");
  await expectAccessible(official);
  // on a phone the page keeps to the screen (the grid scrolls in its own box)
  await official.setViewportSize({ width: 375, height: 800 });
  expect(await official.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await cell(official).scrollIntoViewIfNeeded();
  await expect(cell(official).getByTestId("row-question")).toBeInViewport();
  await official.setViewportSize({ width: 1280, height: 800 });
  // sending again names the question still open
  await expect(async () => {
    await panel(official).getByRole("button", { name: "Gửi duyệt", exact: true }).click();
    await expect(panel(official).getByRole("form", { name: "Xác nhận: Gửi duyệt" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(panel(official).getByRole("form", { name: "Xác nhận: Gửi duyệt" })).toContainText(
    "Còn 1 câu hỏi của Đảng ủy về số liệu đang mở.",
  );
  await panel(official).getByRole("button", { name: "Xác nhận gửi duyệt" }).click();
  await expect(panel(official)).toContainText("Đã gửi – chờ duyệt");
  await official.context().close();

  // the committee reads the answer beside the figure and approves: the thread is closed there
  await committee.reload();
  await expect(cell(committee).getByTestId("row-question")).toContainText("Từ đợt bình xét tháng 12.");
  await expectAccessible(committee);
  await transition(committee, "Duyệt");
  await expect(committee.getByTestId("review-message")).toContainText("Đã đóng 1 câu hỏi về số liệu.");
  await committee.reload();
  await expect(panel(committee)).toContainText("Đã duyệt – đã khóa");
  const closed = cell(committee).getByTestId("row-question");
  await expect(closed).toHaveAttribute("data-state", "closed");
  await expect(closed).toContainText("Đã đóng khi duyệt");
  await expect(committee.getByRole("button", { name: /^Hỏi về số liệu này/ })).toHaveCount(0);
  await expect(committee.getByTestId("figure-questions")).toContainText("không có câu hỏi đang mở");
  await committee.context().close();
});
