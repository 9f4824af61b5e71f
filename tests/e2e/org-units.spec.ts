import { type Browser, type Page, expect, test } from "@playwright/test";
import { addCityAndWards, submitUnitForm } from "./helpers/org-units";
import { transition } from "./helpers/submission";
import { expectAccessible } from "./helpers/accessibility";
import { makeAccount as makeNewAccount } from "./helpers/accounts";
import { signedInPage } from "./helpers/sign-in";

// An administrator sets up units as a new user would: adds a city, and two test wards (under Long
// Biên, whose programmes they then report on); each test ward's official enters a 2019 figure and
// its committee approves it; the administrator merges the two wards into a new ward of the city,
// and the new ward's dashboard shows 2019 as their sum, labelled with the former wards' names.
// Test units and accounts only: no real reorganisation is recorded.
test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: "serial" });

const YEAR = 2019;
const CAMPAIGNS = "Đợt ra quân xử lý vi phạm trật tự đô thị";
const NEW_PASSWORD = "tổ dân phố thử nghiệm";

/** A new account with a role on the first ward (its temporary password changed), and the role on the second. */
async function makeAccount(admin: Page, browser: Browser, username: string, role: string) {
  await makeNewAccount(admin, browser, { username, name: username, role, unit: "thu-mot", password: NEW_PASSWORD });
  const row = admin.getByTestId(`account-${username}`);
  await row.getByLabel("Vai trò").selectOption(role);
  await row.getByLabel("Đơn vị (mã)").fill("thu-hai");
  await row.getByRole("button", { name: "Gán" }).click();
  await expect(admin.getByTestId(`account-${username}`)).toContainText("Phường Thử Hai");
}

async function publish(browser: Browser, ward: string, value: string) {
  const entry = `/${ward}/nhap-lieu/${YEAR}/03-CTr-QU`;
  const official = await signedInPage(browser, "e2e.canbo", entry, NEW_PASSWORD);
  await official.getByLabel(`${CAMPAIGNS} (đợt), năm ${YEAR}`, { exact: true }).fill(value);
  await official.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(official.getByTestId("save-status")).toContainText("Đã lưu nháp");
  await transition(official, "Gửi duyệt");
  await expect(official.getByTestId("submission-panel")).toContainText("Đã gửi – chờ duyệt");
  await official.context().close();
  const committee = await signedInPage(browser, "e2e.danguy", entry, NEW_PASSWORD);
  await transition(committee, "Duyệt");
  await expect(committee.getByTestId("submission-panel")).toContainText("Đã duyệt");
  await committee.context().close();
}

test("an administrator adds a city and two wards, merges them; the new ward's history is their sum, labelled", async ({
  browser,
}) => {
  // many sign-ins, an entry and an approval per ward: minutes on a busy 2-core machine
  test.setTimeout(300_000);
  const admin = await signedInPage(browser, "demo.quantri", "/quan-tri/don-vi");
  await expect(admin.getByRole("heading", { level: 1, name: "Quản trị đơn vị" })).toBeVisible();
  await addCityAndWards(admin, { shortName: "Thử Nghiệm", slug: "tp-thu-nghiem" }, [
    ["Thử Một", "thu-mot"],
    ["Thử Hai", "thu-hai"],
  ]);
  // a second ward of the same name under the same district is refused, in Vietnamese
  await admin.goto("/quan-tri/don-vi");
  const add = admin.getByRole("form", { name: "Thêm đơn vị" });
  await add.getByLabel("Đơn vị cấp trên").selectOption({ label: "Quận Long Biên" });
  await add.getByLabel("Cấp", { exact: true }).selectOption({ label: "Phường, xã" });
  await add.getByLabel("Tên đầy đủ").fill("Phường Thu Mot");
  await add.getByLabel("Tên ngắn").fill("Thu Mot");
  await add.getByLabel("Mã", { exact: true }).fill("thu-mot-2");
  await add.getByLabel("Ngày bắt đầu hoạt động").fill("2015-01-01");
  await submitUnitForm(admin, "Thêm đơn vị", "Thêm đơn vị", "Đã có đơn vị tên “Phường Thu Mot” thuộc Quận Long Biên");

  await makeAccount(admin, browser, "e2e.canbo", "WARD_OFFICIAL");
  await makeAccount(admin, browser, "e2e.danguy", "WARD_PARTY_COMMITTEE");
  await publish(browser, "thu-mot", "12");
  await publish(browser, "thu-hai", "30");

  await admin.goto("/quan-tri/don-vi");
  const merge = admin.getByRole("form", { name: "Sáp nhập đơn vị" });
  await merge.getByLabel("Phường Thử Một").check();
  await merge.getByLabel("Phường Thử Hai").check();
  await merge.getByLabel("Đơn vị mới thuộc").selectOption({ label: "Thành phố Thử Nghiệm" });
  await merge.getByLabel("Ngày hiệu lực").fill("2020-01-01");
  await merge.getByLabel("Tên đơn vị mới").fill("Phường Thử Gộp");
  await merge.getByLabel("Tên ngắn của đơn vị mới").fill("Thử Gộp");
  await merge.getByLabel("Mã đơn vị mới").fill("thu-gop");
  await submitUnitForm(admin, "Sáp nhập đơn vị", "Sáp nhập", "Đã sáp nhập thành Phường Thử Gộp từ ngày 01/01/2020.");
  await expectAccessible(admin);

  await admin.goto("/quan-tri/don-vi/thu-gop");
  await expect(admin.getByRole("region", { name: "Lịch sử" })).toContainText(
    "Hình thành từ Thử Một từ ngày 01/01/2020",
  );
  await expectAccessible(admin);

  await admin.goto("/thu-gop/chuong-trinh/03-CTr-QU");
  await expect(admin.getByTestId("formed-from")).toContainText("tính từ các đơn vị cũ: Thử Một, Thử Hai");
  // the section's charts and tables are made when it is opened
  await admin.locator('details[data-section="trat-tu-do-thi"] > summary').click();
  const chart = admin.locator('[data-indicator="ra-quan-xu-ly"]');
  const row = chart.locator("table tbody tr").filter({ has: admin.locator("th", { hasText: String(YEAR) }) });
  await expect(row).toContainText("42");
  await expect(row).toContainText("Tính từ các đơn vị cũ: Thử Một, Thử Hai");
  await expectAccessible(admin);
  // the former wards stay readable for their years
  await admin.goto("/thu-mot/chuong-trinh/03-CTr-QU");
  await admin.locator('details[data-section="trat-tu-do-thi"] > summary').click();
  await expect(
    admin
      .locator('[data-indicator="ra-quan-xu-ly"] table tbody tr')
      .filter({ has: admin.locator("th", { hasText: String(YEAR) }) }),
  ).toContainText("12");
});

test("the administrator moves the new ward under Hà Nội and changes its slug; old addresses follow", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await signedInPage(browser, "demo.quantri", "/quan-tri/don-vi/thu-gop");
  const move = admin.getByRole("form", { name: "Chuyển sang đơn vị cấp trên khác" });
  // the new parent is searched by name (diacritics ignored) and chosen by keyboard
  await admin.waitForLoadState("networkidle");
  await move.getByLabel("Đơn vị cấp trên mới").fill("ha noi");
  await expect(move.getByRole("listbox").getByRole("option", { name: "Thành phố Hà Nội" })).toBeVisible();
  await move.getByLabel("Đơn vị cấp trên mới").press("Enter");
  await expect(move.getByLabel("Đơn vị cấp trên mới")).toHaveValue("Thành phố Hà Nội");
  await move.getByLabel("Ngày chuyển có hiệu lực").fill("2021-01-01");
  await submitUnitForm(
    admin,
    "Chuyển sang đơn vị cấp trên khác",
    "Chuyển đơn vị",
    "Đã chuyển sang đơn vị cấp trên mới từ ngày 01/01/2021",
  );
  await admin.reload();
  await expect(admin.getByRole("region", { name: "Lịch sử" })).toContainText(
    "Thuộc Thành phố Thử Nghiệm đến 31/12/2020",
  );

  const rename = admin.getByRole("form", { name: "Đổi tên" });
  await rename.getByLabel("Mã mới (để trống: giữ mã)").fill("thu-gop-moi");
  await rename.getByLabel("Ngày tên mới có hiệu lực").fill("2021-01-01");
  // one click once hydrated (a second would be refused: nothing left to change); the page then
  // answers, or moves to the new slug's address
  await admin.waitForLoadState("networkidle");
  await rename.getByRole("button", { name: "Đổi tên" }).click();
  await expect(async () => {
    await admin.goto("/quan-tri/don-vi/thu-gop-moi");
    await expect(admin.getByRole("region", { name: "Lịch sử" })).toContainText("Mã cũ “thu-gop”", { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  // the old address of a page and of the API lead to the new slug
  await admin.goto("/thu-gop/chuong-trinh/03-CTr-QU?term=2015-2020");
  await expect(admin).toHaveURL(/\/thu-gop-moi\/chuong-trinh\/03-CTr-QU\?term=2015-2020$/);
  await expect(admin.getByTestId("formed-from")).toContainText("tính từ các đơn vị cũ: Thử Một, Thử Hai");
  const api = await admin.request.get("/api/v1/org-units/thu-gop", { maxRedirects: 0 });
  expect(api.status()).toBe(308);
  expect(api.headers()["location"]).toMatch(/\/api\/v1\/org-units\/thu-gop-moi$/);
});

test("a city with a ward directly under it has its own progress page", async ({ browser }) => {
  // after the move above, Phường Thử Gộp sits directly under Hà Nội (no district between them, as
  // since 1 July 2025): the city's staff follow its progress on /tien-do like a district's
  const admin = await signedInPage(browser, "demo.quantri", "/tien-do?district=ha-noi&year=2020");
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Tiến độ nhập liệu năm 2020");
  await expect(admin.getByText("Thành phố Hà Nội ·")).toBeVisible();
  await expect(admin.getByRole("rowheader", { name: "Thử Gộp" })).toBeVisible();
  await expectAccessible(admin);
});
