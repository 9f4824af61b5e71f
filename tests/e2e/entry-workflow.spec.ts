import { type Browser, type Page, expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./auth-state";

// The whole year of programme 03 in Ngọc Thụy, as the people who do it: the ward official enters
// and sends; the party committee returns it with a comment; the official corrects and sends again;
// the committee approves; the figure is on the dashboard and in the API at once, and locked.
test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: "serial" });

const YEAR = 2020;
const ENTRY = `/ngoc-thuy/nhap-lieu/${YEAR}/03-CTr-QU`;
const CAMPAIGNS = "Đợt ra quân xử lý vi phạm trật tự đô thị";
const campaigns = (page: Page) => page.getByLabel(`${CAMPAIGNS} (đợt), năm ${YEAR}`, { exact: true });
const panel = (page: Page) => page.getByTestId("submission-panel");

async function as(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/dang-nhap?next=${encodeURIComponent(ENTRY)}`);
  await page.getByLabel("Tên đăng nhập hoặc e-mail").fill(username);
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(new RegExp(`${ENTRY}$`));
  return page;
}

// a click before hydration opens nothing: click until the confirmation shows, then confirm
async function transition(page: Page, action: string, comment?: string) {
  await expect(async () => {
    await panel(page).getByRole("button", { name: action, exact: true }).click();
    await expect(panel(page).getByRole("form", { name: `Xác nhận: ${action}` })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  if (comment !== undefined) await panel(page).getByRole("textbox").fill(comment);
  await panel(page)
    .getByRole("button", { name: `Xác nhận ${action.toLowerCase()}` })
    .click();
}

async function saveDraft(page: Page, value: string) {
  await campaigns(page).fill(value);
  await page.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(page.getByTestId("save-status")).toContainText("Đã lưu nháp");
}

test("enter, send, return with a comment, correct, send again, approve: published and locked", async ({ browser }) => {
  // two people, five transitions, a dashboard and the API: over a minute on a busy 2-core machine
  test.slow();
  const official = await as(browser, "demo.phuong");
  await expect(campaigns(official)).toBeEditable();
  await saveDraft(official, "41");
  await transition(official, "Gửi duyệt");
  await expect(panel(official)).toContainText("Đã gửi – chờ duyệt");
  // while it waits for review, the form is read-only
  await official.reload();
  await expect(campaigns(official)).toBeDisabled();

  const committee = await as(browser, "demo.danguy");
  await expect(campaigns(committee)).toHaveValue("41");
  await transition(committee, "Trả lại", "Số đợt ra quân chưa khớp sổ theo dõi, đề nghị kiểm tra lại.");
  await expect(panel(committee)).toContainText("Bị trả lại");

  // the official reads the comment, corrects the figure and sends again
  await official.reload();
  await expect(panel(official).getByTestId("review-history")).toContainText("Số đợt ra quân chưa khớp sổ theo dõi");
  await expect(campaigns(official)).toBeEditable();
  await saveDraft(official, "43");
  await transition(official, "Gửi duyệt");
  await expect(panel(official)).toContainText("Đã gửi – chờ duyệt");

  await committee.reload();
  await expect(campaigns(committee)).toHaveValue("43");
  await transition(committee, "Duyệt");
  await expect(panel(committee)).toContainText("Đã duyệt");

  // on the dashboard at once, with the ward's own source instead of demonstration data
  await committee.goto("/ngoc-thuy/chuong-trinh/03-CTr-QU");
  // the section's charts and tables are made when it is opened
  await committee.locator('details[data-section="trat-tu-do-thi"] > summary').click();
  const chart = committee.locator('[data-indicator="ra-quan-xu-ly"]');
  const row = chart.locator("table tbody tr").filter({ has: committee.locator("th", { hasText: String(YEAR) }) });
  await expect(row).toContainText("43");
  await expect(row).toContainText("Số liệu do phường Ngọc Thụy nhập");

  // and in the API
  const api = await committee.request.get("/api/v1/org-units/ngoc-thuy/values");
  expect(api.status()).toBe(200);
  const body = (await api.json()) as {
    data: { indicator: { code: string }; period: { year: number | null }; value: string; source: { kind: string } }[];
  };
  const published = body.data.find((v) => v.indicator.code === "ra-quan-xu-ly" && v.period.year === YEAR);
  expect(published).toMatchObject({ value: "43", source: { kind: "ENTRY" } });

  // approved figures are locked for the official
  await official.reload();
  await expect(official.getByText("Đã duyệt và khóa").first()).toBeVisible();
  await expect(campaigns(official)).toBeDisabled();
  await expect(official.getByRole("button", { name: "Lưu nháp" })).toHaveCount(0);
});
