import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { type Page, expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { signIn } from "./helpers/sign-in";

// A ward official downloads the Excel export, changes one value in it, uploads it, sees exactly that
// change in the preview, applies it, finds the new value, and a second upload changes nothing.
// Year 2018: the entry-form tests edit other years.

test.use({ storageState: { cookies: [], origins: [] } });

const YEAR = 2018;
const BASE = `/ngoc-thuy/nhap-lieu/${YEAR}/03-CTr-QU`;
const IMPORT = `${BASE}/nhap-tep`;
const CODE = "bien-ban-nhac-nho";
const NAME = "Trường hợp lập biên bản nhắc nhở";

async function downloadXlsx(page: Page): Promise<ExcelJS.Workbook> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Tải tệp Excel (.xlsx)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`nhap-lieu-ngoc-thuy-${YEAR}-03-ctr-qu.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
  return wb;
}

function valueCell(wb: ExcelJS.Workbook, code = CODE, column = "F"): ExcelJS.Cell {
  const ws = wb.getWorksheet("Phường")!;
  for (let r = 9; r <= ws.rowCount; r++) if (ws.getCell(`A${r}`).value === code) return ws.getCell(`${column}${r}`);
  throw new Error(`no row ${code}`);
}

async function upload(page: Page, bytes: Buffer, name = "nhap-lieu.xlsx") {
  await page.getByLabel(/Tệp Excel \(\.xlsx\) hoặc CSV/).setInputFiles({
    name,
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: bytes,
  });
  await page.getByRole("button", { name: "Xem trước" }).click();
}

test("an edited Excel export: preview shows the one change, apply writes it, a second upload changes nothing", async ({
  page,
}) => {
  await signIn(page, "demo.phuong", IMPORT);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(
    `Nhập từ tệp · Phường Ngọc Thụy · năm ${YEAR} · 03-CTr/QU`,
  );

  const wb = await downloadXlsx(page);
  const cell = valueCell(wb);
  expect(typeof cell.value).toBe("number");
  const before = cell.value as number;
  cell.value = before + 1;
  const edited = Buffer.from(await wb.xlsx.writeBuffer());

  await upload(page, edited);
  await expect(page.getByRole("status")).toHaveText(
    "Tệp sẽ thêm 0 và sửa 1 giá trị. Chưa ghi gì: bấm “Áp dụng” để ghi.",
  );
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(NAME);
  await expect(rows.first()).toContainText(`${before} → ${before + 1}`);
  await expect(rows.first()).toHaveAttribute("data-status", "changed");
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  await page.getByRole("button", { name: "Áp dụng" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã ghi 1 giá trị từ tệp.");

  // the new value is what the ward's figures now hold: a fresh export carries it
  expect(valueCell(await downloadXlsx(page)).value).toBe(before + 1);
  // and so does the entry page, which links back to the import
  await page.goto(BASE);
  await expect(page.getByLabel(`${NAME} (trường hợp), năm ${YEAR}`, { exact: true })).toHaveValue(String(before + 1));
  await expect(page.getByRole("link", { name: "Nhập từ Excel, CSV" })).toHaveAttribute("href", IMPORT);

  // the same file again: nothing to change
  await page.goto(IMPORT);
  await upload(page, edited);
  await expect(page.getByRole("status")).toHaveText("Không có thay đổi: mọi giá trị trong tệp đã có trong hệ thống.");
  await expect(page.getByRole("button", { name: "Áp dụng" })).toHaveCount(0);
});

test("a file with a word in a number cell is refused, naming the cell, and nothing can be applied", async ({
  page,
}) => {
  await signIn(page, "demo.phuong", IMPORT);
  const wb = await downloadXlsx(page);
  const cell = valueCell(wb);
  cell.value = "mười hai";
  await upload(page, Buffer.from(await wb.xlsx.writeBuffer()));
  await expect(page.locator("main").getByRole("alert")).toContainText("Tệp có 1 dòng lỗi");
  await expect(page.locator('tbody tr[data-status="invalid"]')).toContainText(
    `Ô ${cell.address} (“${NAME}”): “mười hai” không phải là số.`,
  );
  await expect(page.getByRole("button", { name: "Áp dụng" })).toHaveCount(0);
});

test("a note changed in the file is shown old → new before it is written, also when the value stays", async ({
  page,
}) => {
  await signIn(page, "demo.phuong", IMPORT);
  const wb = await downloadXlsx(page);
  const value = valueCell(wb, "ra-quan-xu-ly").value;
  const note = valueCell(wb, "ra-quan-xu-ly", "H");
  const before = note.value === null ? null : String(note.value);
  const next = `Ghi chú thử ${Date.now()}`;
  note.value = next;
  await upload(page, Buffer.from(await wb.xlsx.writeBuffer()));
  await expect(page.getByRole("status")).toHaveText(
    "Tệp sẽ thêm 0 và sửa 1 giá trị. Chưa ghi gì: bấm “Áp dụng” để ghi.",
  );
  const row = page.locator('tbody tr[data-status="changed"]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`${value} (giá trị không đổi)`);
  await expect(row.getByTestId("import-note")).toHaveText(
    `Ghi chú: ${before === null ? "(trống)" : `“${before}”`} → “${next}”`,
  );
});

test("an empty file is refused as empty, not as no file chosen", async ({ page }) => {
  await signIn(page, "demo.phuong", IMPORT);
  await upload(page, Buffer.alloc(0), "rong.xlsx");
  await expect(page.locator("main").getByRole("alert")).toHaveText(/^Tệp rỗng\./);
  await expect(page.getByRole("button", { name: "Áp dụng" })).toHaveCount(0);
});
