import { type Page, expect as baseExpect, test } from "@playwright/test";
import { expectAccessible } from "./helpers/accessibility";
import { signIn } from "./helpers/sign-in";

// Unlock requests: Ngọc Thụy's 2015 figures of 01-CT/QU (which no other spec touches) are sent and
// approved; the ward official asks to unlock them with a reason; district staff find the request in
// "Việc cần làm", refuse it with a comment that the ward then reads; asked again, staff unlock, and
// the ward sees the request granted and its figures open again.
test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);
const expect = baseExpect.configure({ timeout: 30_000 });

const YEAR = 2015;
const ENTRY = `/ngoc-thuy/nhap-lieu/${YEAR}/01-CT-QU`;
const ITEM = `Xin mở khóa: số liệu năm ${YEAR} của Phường Ngọc Thụy, chương trình 01-CT/QU`;

const panel = (page: Page) => page.getByTestId("submission-panel");
const requests = (page: Page) => page.getByTestId("unlock-requests");
const inbox = (page: Page) => page.getByRole("region", { name: /Việc cần làm/ });

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

async function askToUnlock(page: Page, reason: string) {
  const form = requests(page).getByRole("form", { name: "Xin mở khóa số liệu" });
  await form.getByLabel("Lý do xin mở khóa (bắt buộc)").fill(reason);
  await form.getByRole("button", { name: "Gửi yêu cầu mở khóa" }).click();
  // the request, now open, replaces the form: its state is the answer
  const newest = requests(page).getByTestId("unlock-request").first();
  await expect(newest).toHaveAttribute("data-status", "OPEN");
  await expect(newest).toContainText(reason);
}

test("the ward asks to unlock approved figures; staff refuse with a comment, then unlock", async ({ browser }) => {
  const fresh = () => browser.newContext({ storageState: { cookies: [], origins: [] } });
  const officialCtx = await fresh();
  const official = await officialCtx.newPage();
  await signIn(official, "demo.phuong", ENTRY);
  // nothing to ask while the figures are not approved
  await expect(requests(official)).toHaveCount(0);
  await confirm(official, "Gửi duyệt");
  await expect(panel(official)).toContainText("Đã gửi – chờ duyệt");

  const committeeCtx = await fresh();
  const committee = await committeeCtx.newPage();
  await signIn(committee, "demo.danguy", ENTRY);
  await confirm(committee, "Duyệt");
  await expect(panel(committee)).toContainText("Đã duyệt – đã khóa");
  // the committee does not ask for unlocks: the ward's officials do
  await expect(requests(committee)).toHaveCount(0);
  await committeeCtx.close();

  await official.reload();
  await askToUnlock(official, "Nhập nhầm số đảng viên mới, cần sửa.");
  await expect(requests(official)).toContainText("Đang chờ quận, thành phố xem xét");
  await expect(requests(official).getByRole("form", { name: "Xin mở khóa số liệu" })).toHaveCount(0);
  await expectAccessible(official);

  const staffCtx = await fresh();
  const staff = await staffCtx.newPage();
  await signIn(staff, "demo.quan", "/");
  const item = inbox(staff).getByRole("listitem").filter({ hasText: ITEM });
  await expect(item).toContainText("Nhập nhầm số đảng viên mới, cần sửa.");
  await item.getByRole("link", { name: "Mở khóa hoặc từ chối" }).click();
  await expect(staff).toHaveURL(new RegExp(`${ENTRY}#mo-khoa$`));
  const refuse = requests(staff).getByRole("form", { name: "Từ chối yêu cầu mở khóa" });
  await refuse.getByLabel("Lý do từ chối (bắt buộc)").fill("Số liệu đã khớp với báo cáo năm của quận.");
  await refuse.getByRole("button", { name: "Từ chối yêu cầu" }).click();
  await expect(requests(staff).getByTestId("unlock-request").first()).toHaveAttribute("data-status", "REFUSED");

  // the ward reads the refusal and its reason, and may ask again
  await official.reload();
  const refused = requests(official).getByTestId("unlock-request").first();
  await expect(refused).toContainText("Bị từ chối");
  await expect(refused).toContainText("Số liệu đã khớp với báo cáo năm của quận.");
  // the refusal waits in the inbox of the official who asked, until they mark it read
  await official.goto("/");
  const refusal = inbox(official)
    .getByRole("listitem")
    .filter({ hasText: `Yêu cầu mở khóa bị từ chối: số liệu năm ${YEAR} của Phường Ngọc Thụy, chương trình 01-CT/QU` });
  await expect(refusal).toContainText("Số liệu đã khớp với báo cáo năm của quận.");
  await refusal.getByRole("button", { name: "Đã xem" }).click();
  await expect(refusal).toHaveCount(0);
  await official.goto(ENTRY);
  await askToUnlock(official, "Quận ủy đã điều chỉnh chỉ tiêu năm 2015.");

  // staff grant it by unlocking with a reason; the request leaves their inbox
  await staff.goto("/");
  await inbox(staff).getByRole("listitem").filter({ hasText: ITEM }).getByRole("link").click();
  await confirm(staff, "Mở khóa", "Đồng ý để phường sửa theo điều chỉnh.");
  await expect(staff.getByTestId("review-message")).toContainText("Đã mở khóa");
  await staff.goto("/");
  await expect(inbox(staff).getByRole("listitem").filter({ hasText: ITEM })).toHaveCount(0);
  await staffCtx.close();

  await official.reload();
  await expect(panel(official)).toContainText("Đang nhập");
  const granted = requests(official).getByTestId("unlock-request").first();
  await expect(granted).toHaveAttribute("data-status", "GRANTED");
  await expect(granted).toContainText("Đồng ý để phường sửa theo điều chỉnh.");
  await officialCtx.close();
});
