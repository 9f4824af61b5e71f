import { type Browser, type Page, expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./auth-state";
import { addCityAndWards, submitUnitForm } from "./helpers/org-units";
import { transition } from "./helpers/submission";

// Issue 12's whole story, as a new user would: an administrator adds a city and two test wards and gives
// the demo ward accounts roles on them; district staff copy 2015–2020 into 2020–2025 and that into
// 2025–2030, rename an indicator, set targets for two indicators with one ward's override and import a
// third from a file; the ward official enters 2026, the committee approves, and the dashboard shows the
// figure against the new targets; the two test wards, merged into a ward of the new city, show 2026 as
// their sum, labelled with their names; and three refusals (an indicator's type once it has figures, a
// programme with entries, a target file with an unknown indicator) answer in Vietnamese and change
// nothing. Runs after every other spec (its own project in playwright.config.ts): a new latest term
// becomes every page's default, and the new wards would change what other specs count.
test.describe.configure({ mode: "serial" });

const TERM = "2025-2030";
const CATALOGUE = `/quan-tri/danh-muc?nhiem-ky=${TERM}`;
const TARGETS = `/quan-tri/chi-tieu?nhiem-ky=${TERM}&chuong-trinh=03-CTr-QU`;
const CAMPAIGNS = "Đợt ra quân xử lý vi phạm trật tự đô thị";
const DOC = "Nghị quyết Đại hội Đảng bộ phường Ngọc Thụy lần thứ XXV";

async function as(browser: Browser, username: string, next: string): Promise<Page> {
  const page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await page.goto(`/dang-nhap?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Tên đăng nhập hoặc e-mail").fill(username);
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[?]/g, "\\?")}$`));
  return page;
}

// the page is hydrated once the network is idle; one click, since these actions are not idempotent
async function submitUntil(page: Page, form: ReturnType<Page["getByRole"]>, button: string, answer: string | RegExp) {
  await page.waitForLoadState("networkidle");
  await form.getByRole("button", { name: button }).click();
  await expect(form.getByRole("status")).toContainText(answer, { timeout: 30_000 });
}

/** The ward official enters one 2026 figure of programme 03 and sends it; the committee approves it. */
async function publish2026(browser: Browser, ward: string, value: string) {
  const entry = `/${ward}/nhap-lieu/2026/03-CTr-QU`;
  const official = await as(browser, "demo.phuong", entry);
  await official.getByLabel(`${CAMPAIGNS} (đợt), năm 2026`, { exact: true }).fill(value);
  await official.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(official.getByTestId("save-status")).toContainText("Đã lưu nháp");
  await transition(official, "Gửi duyệt");
  await expect(official.getByTestId("submission-panel")).toContainText("Đã gửi – chờ duyệt");
  await official.context().close();
  const committee = await as(browser, "demo.danguy", entry);
  await transition(committee, "Duyệt");
  await expect(committee.getByTestId("submission-panel")).toContainText("Đã duyệt");
  await committee.context().close();
}

async function grant(admin: Page, username: string, role: string, unit: string) {
  const row = admin.getByTestId(`account-${username}`);
  await row.getByLabel("Vai trò").selectOption(role);
  await row.getByLabel("Đơn vị (mã)").fill(unit);
  await row.getByRole("button", { name: "Gán" }).click();
  await expect(admin.getByTestId(`account-${username}`)).toContainText(unit === "thu-ba" ? "Phường Thử Ba" : "Thử Tư");
}

type Target = { indicator: string; value: string; appliesAs: string };
const targetsOf = async (page: Page, ward: string): Promise<Target[]> =>
  ((await (await page.request.get(`/api/v1/org-units/${ward}/targets?term=${TERM}`)).json()) as { data: Target[] })
    .data;

test("issue 12's story: units, two copied terms, targets, 2026 figures, a merge, and refusals", async ({ browser }) => {
  test.setTimeout(900_000);

  // the administrator adds a city and two test wards (under Long Biên, whose programmes they report
  // on), and gives the demo ward official and committee roles on them
  const admin = await as(browser, "demo.quantri", "/quan-tri/don-vi");
  await addCityAndWards(admin, { shortName: "Câu Chuyện", slug: "tp-cau-chuyen" }, [
    ["Thử Ba", "thu-ba"],
    ["Thử Tư", "thu-tu"],
  ]);
  await admin.goto("/quan-tri/tai-khoan");
  for (const ward of ["thu-ba", "thu-tu"]) {
    await grant(admin, "demo.phuong", "WARD_OFFICIAL", ward);
    await grant(admin, "demo.danguy", "WARD_PARTY_COMMITTEE", ward);
  }

  // district staff create the two terms, each by copying the one before
  const staff = await as(browser, "demo.quan", "/quan-tri/danh-muc");
  const termForm = staff.getByRole("form", { name: "Tạo nhiệm kỳ" });
  await termForm.getByLabel("Năm đầu").fill("2020");
  await termForm.getByLabel("Năm cuối").fill("2025");
  await termForm.getByLabel("Sao chép chương trình từ").selectOption("2015-2020");
  await submitUntil(staff, termForm, "Tạo nhiệm kỳ", /Đã tạo nhiệm kỳ 2020–2025, sao chép 3 chương trình/);
  await staff.reload();
  await termForm.getByLabel("Năm đầu").fill("2025");
  await termForm.getByLabel("Năm cuối").fill("2030");
  await termForm.getByLabel("Sao chép chương trình từ").selectOption("2020-2025");
  await submitUntil(staff, termForm, "Tạo nhiệm kỳ", /Đã tạo nhiệm kỳ 2025–2030, sao chép 3 chương trình/);

  // rename an indicator of the new term (it has no figures yet)
  await staff.goto(CATALOGUE);
  const item = staff.locator('[data-programme="03-CTr-QU"] [data-indicator="cam-ket-ho-kinh-doanh"]');
  await item.getByText("Sửa chỉ tiêu").click();
  const edit = item.getByRole("form", { name: /^Sửa chỉ tiêu/ });
  await edit.getByLabel("Tên chỉ tiêu").fill("Hộ kinh doanh ký cam kết văn minh đô thị");
  await submitUntil(staff, edit, "Lưu chỉ tiêu", "Đã lưu 1 thay đổi của chỉ tiêu.");

  // targets for the whole term: two in the grid, one ward's own
  await staff.goto(TARGETS);
  const grid = staff.getByRole("form", { name: "Chỉ tiêu theo năm" });
  await grid.getByLabel("Văn bản giao chỉ tiêu").fill(DOC);
  await grid.getByLabel(`${CAMPAIGNS}, Cả nhiệm kỳ`).fill("≥ 10");
  await grid.getByLabel("Gia đình đạt tiêu chuẩn Gia đình văn hóa, Cả nhiệm kỳ").fill("≥ 90");
  await submitUntil(staff, grid, "Lưu chỉ tiêu", "Đã lưu chỉ tiêu: 2 mới, 0 sửa, 0 xóa.");
  await staff.goto(`${TARGETS}&chi-tieu=ra-quan-xu-ly`);
  const wards = staff.getByRole("form", { name: `Chỉ tiêu “${CAMPAIGNS}” theo phường và năm` });
  await wards.getByLabel("Văn bản giao chỉ tiêu").fill(DOC);
  await wards.getByLabel("Ngọc Thụy, Cả nhiệm kỳ").fill("≥ 3");
  await submitUntil(staff, wards, "Lưu chỉ tiêu", "Đã lưu chỉ tiêu: 1 mới, 0 sửa, 0 xóa.");

  // a third from a file: preview, then apply
  await staff.goto(TARGETS);
  const file = staff.getByRole("form", { name: "Nhập chỉ tiêu từ tệp" });
  await file.getByLabel("Tệp chỉ tiêu").setInputFiles({
    name: "chi-tieu-2025-2030.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("\ufeffMã chỉ tiêu;Năm;Phường;Chỉ tiêu\r\ncam-ket-ho-kinh-doanh;Cả nhiệm kỳ;;≥ 1.000\r\n"),
  });
  await file.getByLabel("Văn bản giao chỉ tiêu").fill(DOC);
  await submitUntil(staff, file, "Xem trước", "Xem trước: 1 mới, 0 thay đổi, 0 xóa, 0 không đổi.");
  await file.getByRole("button", { name: "Áp dụng" }).click();
  await expect(file.getByRole("status")).toContainText("Đã lưu chỉ tiêu: 1 mới, 0 sửa, 0 xóa.");

  // the API: Ngọc Thụy's own target, the defaults it inherits, with their source
  const targets = await targetsOf(staff, "ngoc-thuy");
  expect(targets).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ indicator: "ra-quan-xu-ly", value: "3", appliesAs: "unit" }),
      expect.objectContaining({ indicator: "ty-le-gia-dinh-van-hoa", value: "90", appliesAs: "default" }),
      expect.objectContaining({ indicator: "cam-ket-ho-kinh-doanh", value: "1000", appliesAs: "default" }),
    ]),
  );

  // the ward official enters 2026 and sends it; the committee approves
  await publish2026(browser, "ngoc-thuy", "4");

  // the dashboard of the new term: the figure against the ward's own target, from the resolution
  const committee = await as(browser, "demo.danguy", "/ngoc-thuy/chuong-trinh/03-CTr-QU");
  const card = committee.locator('[data-card="ra-quan-xu-ly"]');
  await expect(card).toContainText(/≥\s*3\s+đợt/);
  await expect(card.locator("[data-status]")).toHaveText(/Vượt/);
  await expect(card).not.toContainText("chỉ tiêu minh họa");
  await expect(committee.locator('[data-card="ty-le-gia-dinh-van-hoa"]')).toContainText(/≥\s*90\s*%/);

  // refusals, each answered in Vietnamese, changing nothing
  // 1. the type of an indicator that now has figures
  await staff.goto(CATALOGUE);
  const campaigns = staff.locator('[data-programme="03-CTr-QU"] [data-indicator="ra-quan-xu-ly"]');
  await campaigns.getByText("Sửa chỉ tiêu").click();
  const typeEdit = campaigns.getByRole("form", { name: /^Sửa chỉ tiêu/ });
  const valueType = typeEdit.getByLabel("Kiểu giá trị");
  const typeBefore = await valueType.inputValue();
  await valueType.selectOption({ index: typeBefore === "DECIMAL" ? 0 : 2 });
  expect(await valueType.inputValue()).not.toBe(typeBefore);
  await submitUntil(staff, typeEdit, "Lưu chỉ tiêu", /Không thể đổi kiểu giá trị: chỉ tiêu đã có 2 số liệu/);
  await staff.reload();
  await campaigns.getByText("Sửa chỉ tiêu").click();
  await expect(campaigns.getByRole("form", { name: /^Sửa chỉ tiêu/ }).getByLabel("Kiểu giá trị")).toHaveValue(
    typeBefore,
  );

  // 2. a programme with entries
  staff.on("dialog", (d) => void d.accept());
  const remove = staff.getByRole("form", { name: "Xóa chương trình 03-CTr/QU" });
  await submitUntil(staff, remove, "Xóa chương trình", /Không thể xóa: đã có .* gắn với mục này/);
  await staff.reload();
  await expect(staff.locator('[data-programme="03-CTr-QU"] [data-indicator="ra-quan-xu-ly"]')).toBeVisible();

  // 3. a target file with an unknown indicator: the preview names it, nothing can be applied
  await staff.goto(TARGETS);
  const bad = staff.getByRole("form", { name: "Nhập chỉ tiêu từ tệp" });
  await bad.getByLabel("Tệp chỉ tiêu").setInputFiles({
    name: "chi-tieu-sai.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      "\ufeffMã chỉ tiêu;Năm;Phường;Chỉ tiêu\r\nra-quan-xu-ly;Cả nhiệm kỳ;;≥ 20\r\nkhong-co-chi-tieu;2026;;≥ 5\r\n",
    ),
  });
  await bad.getByLabel("Văn bản giao chỉ tiêu").fill(DOC);
  await submitUntil(staff, bad, "Xem trước", "Tệp có 1 dòng lỗi: sửa tệp rồi xem trước lại. Chưa ghi gì.");
  await expect(bad).toContainText("không có chỉ tiêu mã “khong-co-chi-tieu” trong chương trình 03-CTr/QU");
  await expect(bad.getByRole("button", { name: "Áp dụng" })).toBeDisabled();
  expect(await targetsOf(staff, "ngoc-thuy")).toEqual(targets);

  // the two test wards report 2026, then merge into a ward of the new city from 2027
  await publish2026(browser, "thu-ba", "5");
  await publish2026(browser, "thu-tu", "7");
  await admin.goto("/quan-tri/don-vi");
  const merge = admin.getByRole("form", { name: "Sáp nhập đơn vị" });
  await merge.getByLabel("Phường Thử Ba").check();
  await merge.getByLabel("Phường Thử Tư").check();
  await merge.getByLabel("Đơn vị mới thuộc").selectOption({ label: "Thành phố Câu Chuyện" });
  await merge.getByLabel("Ngày hiệu lực").fill("2027-01-01");
  await merge.getByLabel("Tên đơn vị mới").fill("Phường Thử Ba Tư");
  await merge.getByLabel("Tên ngắn của đơn vị mới").fill("Thử Ba Tư");
  await merge.getByLabel("Mã đơn vị mới").fill("thu-ba-tu");
  await merge.getByLabel(/Chuyển các vai trò/).check();
  await submitUnitForm(admin, "Sáp nhập đơn vị", "Sáp nhập", "Đã sáp nhập thành Phường Thử Ba Tư từ ngày 01/01/2027.");

  // the successor's 2026 is the sum of the former wards', labelled with their names
  await admin.goto("/thu-ba-tu/chuong-trinh/03-CTr-QU");
  await expect(admin.getByTestId("formed-from")).toContainText("tính từ các đơn vị cũ: Thử Ba, Thử Tư");
  // the section's charts and tables are made when it is opened
  await admin.locator('details[data-section="trat-tu-do-thi"] > summary').click();
  const row = admin
    .locator('[data-indicator="ra-quan-xu-ly"] table tbody tr')
    .filter({ has: admin.locator("th", { hasText: "2026" }) });
  await expect(row).toContainText("12");
  await expect(row).toContainText("Tính từ các đơn vị cũ: Thử Ba, Thử Tư");
  // the former wards stay readable for their years
  await admin.goto("/thu-ba/chuong-trinh/03-CTr-QU");
  await admin.locator('details[data-section="trat-tu-do-thi"] > summary').click();
  await expect(
    admin
      .locator('[data-indicator="ra-quan-xu-ly"] table tbody tr')
      .filter({ has: admin.locator("th", { hasText: "2026" }) }),
  ).toContainText("5");
});

test("district staff build a programme from scratch; the API and the ward's entry find it", async ({ browser }) => {
  test.setTimeout(240_000);
  const NAME = "Thủ tục hành chính giải quyết trực tuyến";
  const staff = await as(browser, "demo.quan", CATALOGUE);
  await staff.getByText("Tạo chương trình mới trong").click();
  const create = staff.getByRole("form", { name: "Tạo chương trình" });
  await create.getByLabel("Số hiệu").fill("05-CTr/QU");
  await create.getByLabel("Số thứ tự").fill("5");
  await create.getByLabel("Ngày ban hành").fill("2025-11-20");
  await create.getByLabel("Tên chương trình").fill("Chuyển đổi số trong hệ thống chính trị");
  // Áp dụng cho: searched by name among the issuer's wards, chosen by keyboard, shown as a chip
  await staff.waitForLoadState("networkidle");
  await create.getByLabel("Áp dụng cho").fill("ngoc thuy");
  await expect(create.getByRole("listbox").getByRole("option", { name: "Phường Ngọc Thụy" })).toBeVisible();
  await create.getByLabel("Áp dụng cho").press("Enter");
  await expect(create.getByRole("button", { name: "Bỏ Phường Ngọc Thụy" })).toBeVisible();
  await submitUntil(staff, create, "Tạo chương trình", "Đã tạo chương trình 05-CTr/QU. Hãy thêm mục và chỉ tiêu.");

  await staff.reload();
  const programme = staff.locator('[data-programme="05-CTr-QU"]');
  await expect(programme).toContainText("ban hành 20/11/2025");
  for (const [code, name] of [
    ["hanh-chinh", "Cải cách hành chính"],
    ["ha-tang-so", "Hạ tầng số"],
  ]) {
    await programme.getByText("Thêm mục vào 05-CTr/QU").click();
    const add = programme.getByRole("form", { name: "Thêm mục vào 05-CTr/QU" });
    await add.getByLabel("Mã mục").fill(code);
    await add.getByLabel("Tên mục").fill(name);
    await submitUntil(staff, add, "Thêm mục", `Đã thêm mục “${name}”.`);
    await staff.reload();
  }
  // ↑ by keyboard: focus the button, press Enter
  const up = programme.getByRole("form", { name: "Đưa mục “Hạ tầng số” lên" });
  await staff.waitForLoadState("networkidle");
  await up.getByRole("button", { name: "↑" }).focus();
  await staff.keyboard.press("Enter");
  await expect(up.getByRole("status")).toContainText("Đã đổi thứ tự mục.");
  await staff.reload();
  await expect(programme.locator("[data-section]").first()).toHaveAttribute("data-section", "ha-tang-so");

  // an indicator; then one whose fields disagree (a rate added up over the years) is refused
  const section = programme.getByRole("region", { name: "Mục Cải cách hành chính" });
  await section.getByText("Thêm chỉ tiêu vào mục").click();
  const addIndicator = section.getByRole("form", { name: "Thêm chỉ tiêu vào mục Cải cách hành chính" });
  await addIndicator.getByLabel(/^Mã chỉ tiêu/).fill("tthc-truc-tuyen");
  await addIndicator.getByLabel("Tên chỉ tiêu").fill(NAME);
  await addIndicator.getByLabel("Đơn vị tính").fill("thủ tục");
  await addIndicator.getByLabel("Thẻ chính trên bảng điều khiển").check();
  await submitUntil(staff, addIndicator, "Thêm chỉ tiêu", `Đã thêm chỉ tiêu “${NAME}”.`);
  await staff.reload();
  await expect(section.locator("[data-indicator]")).toHaveCount(1);
  await section.getByText("Thêm chỉ tiêu vào mục").click();
  await addIndicator.getByLabel(/^Mã chỉ tiêu/).fill("ty-le-truc-tuyen");
  await addIndicator.getByLabel("Tên chỉ tiêu").fill("Tỷ lệ hồ sơ trực tuyến");
  await addIndicator.getByLabel("Đơn vị tính").fill("%");
  await addIndicator.getByLabel("Kiểu giá trị").selectOption("PERCENT");
  await addIndicator.getByLabel("Cách tổng hợp cả nhiệm kỳ").selectOption("SUM");
  await submitUntil(staff, addIndicator, "Thêm chỉ tiêu", "Tỷ lệ (%) không cộng dồn qua các năm được");
  await staff.reload();
  await expect(section.locator("[data-indicator]")).toHaveCount(1);

  // the programme's title edited later
  await programme.getByText("Sửa chương trình 05-CTr/QU").click();
  const edit = programme.getByRole("form", { name: "Sửa chương trình 05-CTr/QU" });
  await edit.getByLabel("Tên chương trình").fill("Chuyển đổi số giai đoạn 2025–2030");
  await submitUntil(staff, edit, "Lưu chương trình", "Đã lưu 1 thay đổi của chương trình.");

  const api = await staff.request.get(`/api/v1/programmes?term=${TERM}`);
  const listed = ((await api.json()) as { data: { code: string; title: string; sections: { code: string }[] }[] }).data;
  expect(listed).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        code: "05-CTr/QU",
        title: "Chuyển đổi số giai đoạn 2025–2030",
        sections: [expect.objectContaining({ code: "ha-tang-so" }), expect.objectContaining({ code: "hanh-chinh" })],
      }),
    ]),
  );

  const official = await as(browser, "demo.phuong", "/ngoc-thuy/nhap-lieu/2026/05-CTr-QU");
  await expect(official.getByLabel(`${NAME} (thủ tục), năm 2026`, { exact: true })).toBeVisible();
});
