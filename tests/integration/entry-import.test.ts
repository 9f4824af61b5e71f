// Excel and CSV import of the entry grid against real PostgreSQL, on the seeded Ngọc Thụy data:
// export → import finds nothing to change; an edited export changes exactly the edited values (with
// audit rows); a bad row, a bad file or a locked period changes nothing; importing twice changes
// nothing the second time; a connection killed mid-import leaves the data as it was.
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { storedZip } from "@/lib/xlsx/zip-guard";
import { seed } from "@/prisma/seed";
import { createMigratedDatabase, type TestDatabase } from "../setup/db";
import { lyingZip } from "../setup/crafted-zip";

type Lib = {
  getEntryFileGrid: typeof import("@/lib/data/entry-file-grid").getEntryFileGrid;
  writeEntryWorkbook: typeof import("@/lib/xlsx/write-entry-workbook").writeEntryWorkbook;
  entryGridToCsv: typeof import("@/lib/format/entry-csv").entryGridToCsv;
  previewEntryFile: typeof import("@/lib/services/entry-import").previewEntryFile;
  applyEntryFile: typeof import("@/lib/services/entry-import").applyEntryFile;
};

const APP_NAME = "ctk-entry-import-test";
const TARGET = { ward: "ngoc-thuy", year: 2020, programme: "03-CTr-QU" };
const ACTOR = { userId: "nguoi-nhap", name: "Người nhập" };
// what an editor of the ward reads with is tested in data-scope.test.ts; here, every unit
const ALL = { all: true } as const;

let database: TestDatabase;
let prisma: PrismaClient;
let lib: Lib;

beforeAll(async () => {
  database = await createMigratedDatabase();
  prisma = database.prisma;
  await seed(prisma, { demo: true });
  await prisma.user.create({ data: { id: ACTOR.userId, name: ACTOR.name, email: "nhap@example.vn" } });
  // the app's pool names itself, so that the test can find (and kill) its backend
  vi.stubEnv("DATABASE_URL", `${database.url}${database.url.includes("?") ? "&" : "?"}application_name=${APP_NAME}`);
  vi.resetModules();
  (globalThis as { prisma?: unknown }).prisma = undefined;
  lib = {
    getEntryFileGrid: (await import("@/lib/data/entry-file-grid")).getEntryFileGrid,
    writeEntryWorkbook: (await import("@/lib/xlsx/write-entry-workbook")).writeEntryWorkbook,
    entryGridToCsv: (await import("@/lib/format/entry-csv")).entryGridToCsv,
    previewEntryFile: (await import("@/lib/services/entry-import")).previewEntryFile,
    applyEntryFile: (await import("@/lib/services/entry-import")).applyEntryFile,
  };
}, 180_000);

afterAll(async () => {
  const g = globalThis as { prisma?: { $disconnect(): Promise<void> } };
  await g.prisma?.$disconnect();
  g.prisma = undefined;
  vi.unstubAllEnvs();
  await database?.drop();
});

async function exportXlsx(target = TARGET): Promise<Buffer> {
  const grid = await lib.getEntryFileGrid({
    wardSlug: target.ward,
    year: target.year,
    programmeSlug: target.programme,
    scope: ALL,
  });
  if (!grid) throw new Error("no grid");
  return lib.writeEntryWorkbook(grid);
}

/** Opens a workbook, lets `edit` change it, writes it back. */
async function edited(bytes: Buffer, edit: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  await edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The ward sheet's row of an indicator (column A holds the codes). */
function rowOf(wb: ExcelJS.Workbook, code: string): ExcelJS.Row {
  const ws = wb.getWorksheet("Phường")!;
  for (let r = 9; r <= ws.rowCount; r++) if (ws.getCell(`A${r}`).value === code) return ws.getRow(r);
  throw new Error(`no row ${code}`);
}

const file = (bytes: Uint8Array, name = "nhap-lieu.xlsx") => ({ name, bytes: new Uint8Array(bytes) });

async function preview(bytes: Uint8Array, name?: string) {
  return lib.previewEntryFile(TARGET, file(bytes, name), ALL);
}

async function apply(bytes: Uint8Array, name?: string) {
  const p = await preview(bytes, name);
  if (!p.ok) return p;
  return lib.applyEntryFile({
    actor: ACTOR,
    target: TARGET,
    file: file(bytes, name),
    fingerprint: p.fingerprint,
    scope: ALL,
  });
}

/** Every entry value and entry-value audit row, for "nothing changed" comparisons. */
async function state() {
  const [values, audit, submissions] = await Promise.all([
    prisma.entryValue.findMany({
      orderBy: { id: "asc" },
      select: { indicatorId: true, orgUnitId: true, value: true, qualifier: true, note: true, version: true },
    }),
    prisma.auditLog.count({ where: { entity: "entry_value" } }),
    prisma.submission.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, version: true } }),
  ]);
  return JSON.stringify({ values, audit, submissions });
}

async function failureOf(bytes: Uint8Array, name?: string): Promise<string> {
  const before = await state();
  const p = await preview(bytes, name);
  expect(p.ok, "the file should be refused").toBe(false);
  expect(await state()).toBe(before);
  return p.ok ? "" : p.message;
}

describe("entry import", () => {
  it("finds nothing to change in an unedited export (xlsx and csv)", async () => {
    const xlsx = await preview(await exportXlsx());
    if (!xlsx.ok) throw new Error(xlsx.message);
    expect(xlsx.preview.counts).toMatchObject({ new: 0, changed: 0, conflict: 0, invalid: 0 });
    // the ward's own indicators and 38 groups × 3 group indicators
    expect(xlsx.preview.counts.unchanged).toBe(28 + 38 * 3);
    const grid = (await lib.getEntryFileGrid({
      wardSlug: TARGET.ward,
      year: TARGET.year,
      programmeSlug: TARGET.programme,
      scope: ALL,
    }))!;
    const csv = await preview(new TextEncoder().encode(lib.entryGridToCsv(grid)), "nhap-lieu.csv");
    if (!csv.ok) throw new Error(csv.message);
    expect(csv.preview.counts).toMatchObject({ new: 0, changed: 0, unchanged: 28 + 38 * 3, invalid: 0 });
  });

  it("previews exactly the edited rows, applies exactly them with audit rows, and a second import changes nothing", async () => {
    const bytes = await edited(await exportXlsx(), (wb) => {
      rowOf(wb, "hoi-vien-clb-moi-truong").getCell("G").value = "trên";
      rowOf(wb, "ra-quan-xu-ly").getCell("F").value = 31;
      rowOf(wb, "tien-xu-phat-vi-pham").getCell("F").value = 305000000;
      // far above earlier years (43–69 million): the note is the confirmation
      rowOf(wb, "tien-xu-phat-vi-pham").getCell("H").value = "Theo sổ theo dõi";
      rowOf(wb, "thu-giu-rau-cu-qua").getCell("F").value = 90.5;
      rowOf(wb, "cong-khai-gpmb").getCell("F").value = "99,5";
      const groups = wb.getWorksheet("Tổ dân phố")!;
      expect(groups.getCell("E9").value).toBe("Đạt"); // Tổ 1, tdp-van-hoa
      groups.getCell("E9").value = "Chưa đạt";
    });
    const p = await preview(bytes);
    if (!p.ok) throw new Error(p.message);
    const touched = p.preview.rows.filter((r) => r.status !== "unchanged");
    expect(touched.map((r) => [r.unit, r.indicator, r.status, r.old.value, r.next?.value, r.next?.qualifier])).toEqual([
      // the ward's share of cultural groups, recomputed from the groups as the form's save does: 27 of 38
      ["ngoc-thuy", "ty-le-tdp-van-hoa", "changed", "73.7", "71.1", "EXACT"],
      ["ngoc-thuy", "hoi-vien-clb-moi-truong", "changed", "515", "515", "MORE_THAN"],
      ["ngoc-thuy", "ra-quan-xu-ly", "changed", "34", "31", "EXACT"],
      ["ngoc-thuy", "tien-xu-phat-vi-pham", "changed", "64000000", "305000000", "EXACT"],
      ["ngoc-thuy", "thu-giu-rau-cu-qua", "changed", "115", "90.5", "EXACT"],
      ["ngoc-thuy", "cong-khai-gpmb", "changed", "100", "99.5", "EXACT"],
      ["ngoc-thuy-to-1", "tdp-van-hoa", "changed", "1", "0", "EXACT"],
    ]);
    expect(p.preview.canApply).toBe(true);

    const auditBefore = await prisma.auditLog.count({ where: { entity: "entry_value" } });
    const out = await lib.applyEntryFile({
      actor: ACTOR,
      target: TARGET,
      file: file(bytes),
      fingerprint: p.fingerprint,
      scope: ALL,
    });
    expect(out).toMatchObject({ ok: true, changed: 7 });
    const values = await prisma.entryValue.findMany({
      orderBy: { id: "asc" },
      select: {
        value: true,
        qualifier: true,
        note: true,
        version: true,
        outlierConfirmed: true,
        indicator: { select: { code: true } },
        orgUnit: { select: { slug: true } },
      },
    });
    expect(
      values.map((v) => [
        `${v.orgUnit.slug}:${v.indicator.code}`,
        v.value?.toFixed(),
        v.qualifier,
        v.note,
        v.version,
        v.outlierConfirmed,
      ]),
    ).toEqual([
      ["ngoc-thuy:ty-le-tdp-van-hoa", "71.1", "EXACT", "Tính từ 27/38 tổ dân phố.", 1, false],
      ["ngoc-thuy:hoi-vien-clb-moi-truong", "515", "MORE_THAN", null, 1, false],
      ["ngoc-thuy:ra-quan-xu-ly", "31", "EXACT", null, 1, false],
      ["ngoc-thuy:tien-xu-phat-vi-pham", "305000000", "EXACT", "Theo sổ theo dõi", 1, true],
      ["ngoc-thuy:thu-giu-rau-cu-qua", "90.5", "EXACT", null, 1, false],
      ["ngoc-thuy:cong-khai-gpmb", "99.5", "EXACT", null, 1, false],
      ["ngoc-thuy-to-1:tdp-van-hoa", "0", "EXACT", null, 1, false],
    ]);
    const audit = await prisma.auditLog.findMany({
      where: { entity: "entry_value" },
      orderBy: { id: "asc" },
      select: { actor: true, action: true, oldValue: true, newValue: true },
    });
    expect(audit.slice(auditBefore).map((a) => [a.actor, a.action, a.oldValue, a.newValue])).toEqual([
      [ACTOR.userId, "CREATE", null, "71.1"],
      [ACTOR.userId, "CREATE", null, "515"],
      [ACTOR.userId, "CREATE", null, "31"],
      [ACTOR.userId, "CREATE", null, "305000000"],
      [ACTOR.userId, "CREATE", null, "90.5"],
      [ACTOR.userId, "CREATE", null, "99.5"],
      [ACTOR.userId, "CREATE", null, "0"],
    ]);

    // the same file again: the values are there, so every row is unchanged although its versions are old
    const before = await state();
    const again = await preview(bytes);
    expect(again.ok && again.preview.counts).toMatchObject({ new: 0, changed: 0, conflict: 0, invalid: 0 });
    expect(await apply(bytes)).toMatchObject({ ok: true, changed: 0 });
    expect(await state()).toBe(before);
    // a fresh export carries the new values and versions
    const fresh = await preview(await exportXlsx());
    expect(fresh.ok && fresh.preview.counts.unchanged).toBe(28 + 38 * 3);
  });

  it("changes nothing when one row is bad, and names the cell", async () => {
    const bytes = await edited(await exportXlsx(), (wb) => {
      rowOf(wb, "bien-ban-nhac-nho").getCell("F").value = 77;
      rowOf(wb, "ra-quan-xu-ly").getCell("F").value = "mười hai";
    });
    const before = await state();
    const p = await preview(bytes);
    if (!p.ok) throw new Error(p.message);
    const bad = p.preview.rows.find((r) => r.status === "invalid")!;
    const row = bad.ref.slice(1);
    expect(bad.messages[0]).toBe(
      `Ô F${row} (“Đợt ra quân xử lý vi phạm trật tự đô thị”): “mười hai” không phải là số. Chỉ nhập chữ số, ví dụ 1.691 hoặc 90,5; không nhập chữ.`,
    );
    expect(p.preview.canApply).toBe(false);
    const out = await lib.applyEntryFile({
      actor: ACTOR,
      target: TARGET,
      file: file(bytes),
      fingerprint: p.fingerprint,
      scope: ALL,
    });
    expect(out).toMatchObject({ ok: false, code: "invalid" });
    expect(await state()).toBe(before);
  });

  it("refuses a value changed in the app since the export: conflict shown, nothing written", async () => {
    const exported = await exportXlsx();
    // someone saves in the app after the export
    await apply(await edited(exported, (wb) => void (rowOf(wb, "bien-ban-nhac-nho").getCell("F").value = 80)));
    const mine = await edited(exported, (wb) => {
      rowOf(wb, "bien-ban-nhac-nho").getCell("F").value = 81;
      rowOf(wb, "cam-ket-ho-kinh-doanh").getCell("F").value = 99;
    });
    const before = await state();
    const p = await preview(mine);
    if (!p.ok) throw new Error(p.message);
    const conflict = p.preview.rows.find((r) => r.status === "conflict")!;
    expect(conflict.indicator).toBe("bien-ban-nhac-nho");
    expect(conflict.messages[0]).toMatch(/hiện là 80, tệp ghi 81/);
    expect(
      await lib.applyEntryFile({
        actor: ACTOR,
        target: TARGET,
        file: file(mine),
        fingerprint: p.fingerprint,
        scope: ALL,
      }),
    ).toMatchObject({ ok: false, code: "conflict" });
    expect(await state()).toBe(before);
  });

  it("keeps a figure changed in the app since the export when the file left it alone, and applies the rest", async () => {
    const exported = await exportXlsx();
    const valueIn = async (bytes: Buffer, code: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      return Number(rowOf(wb, code).getCell("F").value);
    };
    const permitted = (await valueIn(exported, "cong-trinh-co-phep")) + 1;
    const tax = (await valueIn(exported, "thue-xay-dung")) + 1000;
    // someone saves in the app after the export
    await apply(await edited(exported, (wb) => void (rowOf(wb, "cong-trinh-co-phep").getCell("F").value = permitted)));
    // the person edits another row of the old file
    const mine = await edited(exported, (wb) => void (rowOf(wb, "thue-xay-dung").getCell("F").value = tax));
    const p = await preview(mine);
    if (!p.ok) throw new Error(p.message);
    const kept = p.preview.rows.find((r) => r.indicator === "cong-trinh-co-phep")!;
    expect(kept.status).toBe("unchanged");
    expect(kept.messages[0]).toMatch(
      new RegExp(`nay là ${permitted}\\); tệp không sửa ô này nên giữ giá trị trong ứng dụng`),
    );
    expect(p.preview.rows.filter((r) => r.change).map((r) => [r.indicator, r.next?.value])).toEqual([
      ["thue-xay-dung", String(tax)],
    ]);
    expect(
      await lib.applyEntryFile({
        actor: ACTOR,
        target: TARGET,
        file: file(mine),
        fingerprint: p.fingerprint,
        scope: ALL,
      }),
    ).toMatchObject({ ok: true, changed: 1 });
    const stored = await prisma.entryValue.findMany({
      where: { indicator: { code: { in: ["cong-trinh-co-phep", "thue-xay-dung"] } }, orgUnit: { slug: TARGET.ward } },
      orderBy: { indicator: { code: "asc" } },
      select: { value: true, indicator: { select: { code: true } } },
    });
    expect(stored.map((v) => [v.indicator.code, v.value?.toFixed()])).toEqual([
      ["cong-trinh-co-phep", String(permitted)],
      ["thue-xay-dung", String(tax)],
    ]);
  });

  it("refuses apply when the data changed between preview and apply", async () => {
    const bytes = await edited(
      await exportXlsx(),
      (wb) => void (rowOf(wb, "to-roi-tuyen-truyen").getCell("F").value = 60),
    );
    // a fingerprint of another preview (the file or the data changed since): refused
    const p = await preview(bytes);
    if (!p.ok) throw new Error(p.message);
    const before = await state();
    expect(
      await lib.applyEntryFile({
        actor: ACTOR,
        target: TARGET,
        file: file(bytes),
        fingerprint: "0".repeat(32),
        scope: ALL,
      }),
    ).toMatchObject({ ok: false, code: "conflict" });
    expect(await state()).toBe(before);
  });

  it("refuses files that are not ours, each with its message, and changes nothing", async () => {
    const ours = await exportXlsx();
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet("Sheet1").getCell("A1").value = "Số liệu";
    expect(await failureOf(Buffer.from(await plain.xlsx.writeBuffer()))).toMatch(
      /không theo mẫu nhập liệu.*dấu hiệu mẫu/,
    );
    expect(
      await failureOf(await edited(ours, (wb) => void (wb.getWorksheet("Phường")!.getCell("F8").value = "Số"))),
    ).toMatch(/thiếu cột “Giá trị” \(cột F\)/);
    expect(await failureOf(await exportXlsx({ ...TARGET, ward: "bo-de" }))).toMatch(/đơn vị “bo-de”/);
    expect(await failureOf(await exportXlsx({ ...TARGET, year: 2019 }))).toMatch(/năm 2019 \(trang này: năm 2020\)/);
    expect(await failureOf(await exportXlsx({ ...TARGET, programme: "01-CT-QU" }))).toMatch(/chương trình “01-CT-QU”/);
    expect(await failureOf(await edited(ours, (wb) => wb.getWorksheet("Phường")!.mergeCells("F12:G12")))).toMatch(
      /ô gộp trong vùng số liệu \(F12:G12\)/,
    );
    expect(
      await failureOf(await edited(ours, (wb) => void (wb.getWorksheet("Phường")!.getCell("B2500").value = "x"))),
    ).toMatch(/2500 dòng, quá giới hạn 2000/);
    expect(
      await failureOf(await edited(ours, (wb) => void [1, 2, 3, 4].forEach((n) => wb.addWorksheet(`Thêm ${n}`)))),
    ).toMatch(/7 trang tính/);
    expect(await failureOf(new Uint8Array(2 * 1024 * 1024 + 1).fill(0x41), "lon.xlsx")).toMatch(/Tệp quá lớn/);
    expect(await failureOf(new TextEncoder().encode("\u00d0\u00cf\u0011\u00e0 cũ"), "cu.xls")).toMatch(
      /\.xls.*lưu lại dạng \.xlsx/,
    );
    expect(await failureOf(zipBomb())).toMatch(/quá lớn khi giải nén/);
    // the same zip whose local and central headers both say its part is 1 000 bytes
    expect(await failureOf(zipBomb(1000))).toMatch(/^Tệp Excel quá lớn khi giải nén/);
    expect(await failureOf(openDocumentSpreadsheet(), "nhap-lieu.ods")).toMatch(/^Hãy lưu tệp dạng Excel \(\.xlsx\)/);
    expect(await failureOf(openDocumentSpreadsheet(), "doi-ten.xlsx")).toMatch(/^Hãy lưu tệp dạng Excel \(\.xlsx\)/);
    expect(await failureOf(new TextEncoder().encode("<office:document/>"), "phang.fods")).toMatch(
      /^Hãy lưu tệp dạng Excel \(\.xlsx\)/,
    );
    expect(await failureOf(new Uint8Array(), "rong.xlsx")).toMatch(/^Tệp rỗng/);
    expect(await failureOf(new TextEncoder().encode("PK\u0003\u0004 hỏng"))).toMatch(/không phải là tệp Excel/);
  });

  it("reads only the template's sheets: a large extra sheet is never parsed and changes nothing read", async () => {
    const { readEntryWorkbook } = await import("@/lib/xlsx/read-entry-workbook");
    const plain = await exportXlsx();
    const extra = await edited(plain, (wb) => {
      const ws = wb.addWorksheet("Phụ lục");
      for (let r = 1; r <= 1500; r++) ws.addRow(Array.from({ length: 20 }, (_, c) => r * 100 + c));
    });
    const trace = (): { sheetsParsed: string[]; rowsVisited: number } => ({ sheetsParsed: [], rowsVisited: 0 });
    const [alone, withExtra] = [trace(), trace()];
    const read = await readEntryWorkbook(plain, alone);
    if (!read.ok) throw new Error(read.message);
    expect(read.rows.filter((r) => r.sheet === "groups").length).toBeGreaterThan(0);
    expect(await readEntryWorkbook(extra, withExtra)).toEqual(read);
    expect(withExtra.sheetsParsed.sort()).toEqual(["Phường", "Tổ dân phố", "ctk-mau"].sort());
    // the rows the reader looked at are the template's alone: none of the extra sheet's 1 500
    expect(withExtra.rowsVisited).toBe(alone.rowsVisited);
    expect(alone.rowsVisited).toBeLessThan(1500);
    // merged cells are still found in the group sheet (read from the sheet's XML, not the stream)
    expect(await failureOf(await edited(plain, (wb) => wb.getWorksheet("Tổ dân phố")!.mergeCells("C12:D12")))).toMatch(
      /Trang “Tổ dân phố” có ô gộp trong vùng số liệu \(C12:D12\)/,
    );
    // a value in a group row without its code is still named
    expect(
      await failureOf(
        await edited(plain, (wb) => {
          const ws = wb.getWorksheet("Tổ dân phố")!;
          ws.getCell("A12").value = null;
          ws.getCell("C12").value = 7;
        }),
      ),
    ).toMatch(/^Ô C12 có dữ liệu nhưng dòng 12 không có mã tổ dân phố/);
  });

  it("refuses a group sheet holding more values than a ward's groups and indicators could, naming its size", async () => {
    const { readEntryWorkbook } = await import("@/lib/xlsx/read-entry-workbook");
    const bytes = await edited(await exportXlsx(), (wb) => {
      const ws = wb.getWorksheet("Tổ dân phố")!;
      for (let k = 0; k < 60; k++) {
        ws.getCell(7, 3 + 2 * k).value = `chi-tieu-${k}`;
        ws.getCell(7, 4 + 2 * k).value = "Phiên bản";
      }
      for (let r = 9; r < 209; r++) {
        ws.getCell(r, 1).value = `to-${r}`;
        ws.getCell(r, 3).value = r;
      }
    });
    const trace = { sheetsParsed: [] as string[], rowsVisited: 0 };
    expect(await readEntryWorkbook(bytes, trace)).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^Trang “Tổ dân phố” có 200 tổ × 60 chỉ tiêu \(12\.000 ô số liệu\), quá giới hạn 10\.000 ô\./,
      ),
    });
    expect(trace.sheetsParsed).toContain("Tổ dân phố");
    expect(await failureOf(bytes)).toMatch(/quá giới hạn 10\.000 ô/);
  });

  it("refuses formulas, unknown codes and duplicates row by row, and applies none of the file", async () => {
    const bytes = await edited(await exportXlsx(), (wb) => {
      rowOf(wb, "ra-quan-xu-ly").getCell("F").value = { formula: "10+2", result: 12 };
      rowOf(wb, "vp-khac").getCell("A").value = "khong-co-ma-nay";
      rowOf(wb, "vp-mai-che").getCell("A").value = "vp-buc-be";
      rowOf(wb, "to-roi-tuyen-truyen").getCell("F").value = 50;
    });
    const before = await state();
    const p = await preview(bytes);
    if (!p.ok) throw new Error(p.message);
    const messages = p.preview.rows.flatMap((r) => r.messages);
    expect(messages).toContainEqual(expect.stringMatching(/^Ô F\d+ chứa công thức; hãy dán giá trị/));
    expect(messages).toContainEqual(
      expect.stringMatching(/mã chỉ tiêu “khong-co-ma-nay” không thuộc chương trình 03-CTr\/QU/),
    );
    expect(messages).toContainEqual(expect.stringMatching(/trùng với dòng ở ô A\d+/));
    expect(p.preview.canApply).toBe(false);
    expect(
      await lib.applyEntryFile({
        actor: ACTOR,
        target: TARGET,
        file: file(bytes),
        fingerprint: p.fingerprint,
        scope: ALL,
      }),
    ).toMatchObject({ ok: false });
    expect(await state()).toBe(before);
  });

  it("refuses values that break the programme's cross-field rules, naming the rule", async () => {
    const bytes = await edited(await exportXlsx(), (wb) => {
      const total = Number(rowOf(wb, "cong-trinh-khong-phep").getCell("F").value);
      rowOf(wb, "ctkp-dinh-chi").getCell("F").value = total + 1;
      rowOf(wb, "ctkp-dinh-chi").getCell("H").value = "thử quy tắc";
    });
    const before = await state();
    const p = await preview(bytes);
    if (!p.ok) throw new Error(p.message);
    const bad = p.preview.rows.find((r) => r.indicator === "ctkp-dinh-chi")!;
    expect(bad.status).toBe("invalid");
    expect(bad.messages.join(" ")).toMatch(
      /vượt quá “Công trình xây dựng không phép”.*Quy tắc: Số công trình không phép/,
    );
    expect(p.preview.canApply).toBe(false);
    expect(
      await lib.applyEntryFile({
        actor: ACTOR,
        target: TARGET,
        file: file(bytes),
        fingerprint: p.fingerprint,
        scope: ALL,
      }),
    ).toMatchObject({ ok: false, code: "invalid" });
    expect(await state()).toBe(before);
  });

  it("refuses a locked period (submitted or approved)", async () => {
    const bytes = await edited(await exportXlsx(), (wb) => void (rowOf(wb, "du-an-gpmb").getCell("F").value = 9));
    const p = await preview(bytes);
    if (!p.ok) throw new Error(p.message);
    const sub = await prisma.submission.findFirstOrThrow({
      where: { orgUnit: { slug: "ngoc-thuy" }, period: { year: 2020 } },
    });
    await prisma.submission.update({ where: { id: sub.id }, data: { status: "SUBMITTED" } });
    try {
      expect(await failureOf(bytes)).toMatch(/đã gửi, chờ Đảng ủy duyệt, không nhập tệp được/);
      const before = await state();
      expect(
        await lib.applyEntryFile({
          actor: ACTOR,
          target: TARGET,
          file: file(bytes),
          fingerprint: p.fingerprint,
          scope: ALL,
        }),
      ).toMatchObject({ ok: false, code: "locked" });
      expect(await state()).toBe(before);
    } finally {
      await prisma.submission.update({ where: { id: sub.id }, data: { status: "DRAFT" } });
    }
  });

  it("answers busy, reading nothing, when every file-reading slot is taken and the waiting places are full", async () => {
    const { fileReadSlots } = await import("@/lib/services/entry-import");
    const { IMPORT_LIMITS } = await import("@/lib/domain/entry-template");
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const holders = Array.from({ length: IMPORT_LIMITS.concurrentReads + IMPORT_LIMITS.waitingReads }, () =>
      fileReadSlots.run(() => held),
    );
    try {
      const bytes = await exportXlsx();
      expect(await lib.previewEntryFile(TARGET, file(bytes), ALL)).toEqual({
        ok: false,
        code: "busy",
        message: expect.stringMatching(/đang bận.*thử lại sau/),
      });
      expect(
        await lib.applyEntryFile({
          actor: ACTOR,
          target: TARGET,
          file: file(bytes),
          fingerprint: "0".repeat(32),
          scope: ALL,
        }),
      ).toMatchObject({ ok: false, code: "busy" });
    } finally {
      release();
      await Promise.all(holders);
    }
    const again = await preview(await exportXlsx());
    expect(again.ok).toBe(true);
  });

  it("shows a note the file changes, old → new, on a row whose value stays, and writes exactly that", async () => {
    const { previewRowViews } = await import("@/lib/domain/entry-import");
    const exported = await exportXlsx();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported as unknown as ArrayBuffer);
    const value = Number(rowOf(wb, "ra-quan-xu-ly").getCell("F").value);
    const bytes = await edited(
      exported,
      (w) => void (rowOf(w, "ra-quan-xu-ly").getCell("H").value = "Có 2 đợt cao điểm"),
    );
    const p = await preview(bytes);
    if (!p.ok) throw new Error(p.message);
    expect(previewRowViews(p.preview, p.grid)).toEqual([
      {
        ref: expect.stringMatching(/^F\d+$/),
        unit: "Ngọc Thụy",
        indicator: expect.any(String),
        status: "changed",
        old: String(value),
        next: null,
        note: { old: null, next: "Có 2 đợt cao điểm" },
        messages: [],
      },
    ]);
    expect(
      await lib.applyEntryFile({
        actor: ACTOR,
        target: TARGET,
        file: file(bytes),
        fingerprint: p.fingerprint,
        scope: ALL,
      }),
    ).toMatchObject({ ok: true, changed: 1 });
    const v = await prisma.entryValue.findFirstOrThrow({
      where: { indicator: { code: "ra-quan-xu-ly" }, orgUnit: { slug: TARGET.ward } },
    });
    expect([v.value?.toFixed(), v.note]).toEqual([String(value), "Có 2 đợt cao điểm"]);
  });

  it("confirms a value far from earlier years only by a note added or changed in the file, never by the note already stored", async () => {
    // a figure within earlier years (43–69 million) with a note, stored
    const start = await edited(await exportXlsx(), (wb) => {
      rowOf(wb, "tien-xu-phat-vi-pham").getCell("F").value = 60000000;
      rowOf(wb, "tien-xu-phat-vi-pham").getCell("H").value = "Theo biên bản";
    });
    expect(await apply(start)).toMatchObject({ ok: true });
    // a fresh export carries that note; only the value is changed, far above earlier years
    const far = await edited(
      await exportXlsx(),
      (wb) => void (rowOf(wb, "tien-xu-phat-vi-pham").getCell("F").value = 905000000),
    );
    const before = await state();
    const p = await preview(far);
    if (!p.ok) throw new Error(p.message);
    const row = p.preview.rows.find((r) => r.indicator === "tien-xu-phat-vi-pham")!;
    expect(row.status).toBe("invalid");
    expect(row.messages.join(" ")).toMatch(
      /khác xa các năm trước.*Ghi chú đã có \(“Theo biên bản”\) không xác nhận giá trị mới/,
    );
    expect(p.preview.canApply).toBe(false);
    expect(
      await lib.applyEntryFile({
        actor: ACTOR,
        target: TARGET,
        file: file(far),
        fingerprint: p.fingerprint,
        scope: ALL,
      }),
    ).toMatchObject({ ok: false, code: "invalid" });
    expect(await state()).toBe(before);
    // a reason written for this value confirms it
    const reasoned = await edited(
      far,
      (wb) => void (rowOf(wb, "tien-xu-phat-vi-pham").getCell("H").value = "Xử phạt công trình lớn ở tổ 5"),
    );
    expect(await apply(reasoned)).toMatchObject({ ok: true, changed: 1 });
    const v = await prisma.entryValue.findFirstOrThrow({
      where: { indicator: { code: "tien-xu-phat-vi-pham" }, orgUnit: { slug: TARGET.ward } },
    });
    expect([v.value?.toFixed(), v.note, v.outlierConfirmed]).toEqual([
      "905000000",
      "Xử phạt công trình lớn ở tổ 5",
      true,
    ]);
  });

  it("round-trips CSV with its BOM and diacritics", async () => {
    const grid = (await lib.getEntryFileGrid({
      wardSlug: TARGET.ward,
      year: TARGET.year,
      programmeSlug: TARGET.programme,
      scope: ALL,
    }))!;
    const csv = lib.entryGridToCsv(grid);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(";Ngọc Thụy;");
    const lines = csv.split("\r\n");
    const i = lines.findIndex((l) => l.includes(";cam-ket-ho-kinh-doanh;"));
    const cells = lines[i].split(";");
    cells[10] = "1.691";
    cells[12] = '"Hộ kinh doanh ở phố Ngọc Thụy; ký “cam kết”"'; // quoted: it holds the separator
    lines[i] = cells.join(";");
    const bytes = new TextEncoder().encode(lines.join("\r\n"));
    const out = await apply(bytes, "nhap-lieu.csv");
    expect(out).toMatchObject({ ok: true, changed: 1 });
    const v = await prisma.entryValue.findFirstOrThrow({
      where: { indicator: { code: "cam-ket-ho-kinh-doanh" }, orgUnit: { slug: "ngoc-thuy" } },
    });
    expect([v.value?.toFixed(), v.note]).toEqual(["1691", "Hộ kinh doanh ở phố Ngọc Thụy; ký “cam kết”"]);
    const again = lib.entryGridToCsv(
      (await lib.getEntryFileGrid({
        wardSlug: TARGET.ward,
        year: TARGET.year,
        programmeSlug: TARGET.programme,
        scope: ALL,
      }))!,
    );
    // the version column: the version, then the stamp of the figure as exported
    expect(again).toMatch(/;1\.691;;"Hộ kinh doanh ở phố Ngọc Thụy; ký “cam kết”";1-[0-9a-z]+\r\n/);
    expect(await apply(new TextEncoder().encode(again), "lai.csv")).toMatchObject({ ok: true, changed: 0 });
  });

  it.runIf(inject("testDb").mode === "server")(
    "leaves the data exactly as before when the importing connection is killed mid-transaction",
    async () => {
      // every group's three values change; the last one's row is held by another connection, so the
      // import blocks after writing the others — then its backend is terminated
      const base = await exportXlsx();
      // Tổ 38's first value becomes an entry value (the row the other connection will hold)
      expect(
        await apply(await edited(base, (wb) => void (wb.getWorksheet("Tổ dân phố")!.getCell("C46").value = 50))),
      ).toMatchObject({ ok: true, changed: 1 });
      const bytes = await edited(await exportXlsx(), (wb) => {
        const ws = wb.getWorksheet("Tổ dân phố")!;
        for (let r = 9; r <= 46; r++) {
          ws.getCell(`C${r}`).value = 40 + (r % 7);
          ws.getCell(`E${r}`).value = r % 2 ? "Đạt" : "Chưa đạt";
        }
      });
      const p = await preview(bytes);
      if (!p.ok) throw new Error(p.message);
      expect(p.preview.counts.new + p.preview.counts.changed).toBeGreaterThan(40);
      const before = await state();

      const holder = new pg.Client({ connectionString: database.url });
      const killer = new pg.Client({ connectionString: database.url });
      await holder.connect();
      await killer.connect();
      try {
        await holder.query("BEGIN");
        await holder.query(
          `SELECT ev.id FROM entry_value ev JOIN org_unit o ON o.id = ev.org_unit_id JOIN indicator i ON i.id = ev.indicator_id
           WHERE o.slug = 'ngoc-thuy-to-38' AND i.code = 'gd-van-hoa-theo-tdp' FOR UPDATE`,
        );
        const applying = lib
          .applyEntryFile({ actor: ACTOR, target: TARGET, file: file(bytes), fingerprint: p.fingerprint, scope: ALL })
          .then(
            (r) => ({ r }),
            (e: unknown) => ({ e }),
          );
        // wait until the import's backend waits for that row lock, with its earlier writes done
        let pid: number | null = null;
        for (let k = 0; k < 200 && pid === null; k++) {
          const { rows } = await killer.query<{ pid: number }>(
            "SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock' AND xact_start IS NOT NULL",
            [APP_NAME],
          );
          pid = rows[0]?.pid ?? null;
          if (pid === null) await new Promise((r) => setTimeout(r, 50));
        }
        expect(pid, "the import should be waiting for the held row").not.toBeNull();
        const { rows: written } = await killer.query<{ n: string }>(
          "SELECT count(*) AS n FROM pg_locks WHERE pid = $1 AND locktype = 'transactionid' AND granted",
          [pid],
        );
        expect(Number(written[0].n)).toBeGreaterThan(0); // it had written (holds its own transaction id)
        await killer.query("SELECT pg_terminate_backend($1)", [pid]);
        const result = await applying;
        expect("e" in result || ("r" in result && !result.r.ok)).toBe(true);
      } finally {
        await holder.query("ROLLBACK").catch(() => {});
        await holder.end();
        await killer.end();
      }
      expect(await state()).toBe(before);
      // the pool recovers: the same import now goes through in full
      const retry = await apply(bytes);
      expect(retry.ok).toBe(true);
      expect(await state()).not.toBe(before);
    },
    60_000,
  );
});

/**
 * A small zip whose one entry inflates to 60 MB: declared honestly in its headers, or as `declared`
 * bytes in both the local and the central header (a crafted file).
 */
function zipBomb(declared = 60 * 1024 * 1024): Uint8Array {
  const deflated = deflateRawSync(Buffer.alloc(60 * 1024 * 1024, 0x61));
  return new Uint8Array(lyingZip([{ name: "xl/worksheets/sheet1.xml", deflated }], declared));
}

/** An OpenDocument spreadsheet as LibreOffice writes it: a zip whose first part, "mimetype", names it. */
function openDocumentSpreadsheet(): Uint8Array {
  return new Uint8Array(
    storedZip([
      { name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.spreadsheet") },
      {
        name: "content.xml",
        data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><office:document-content office:version="1.3"/>'),
      },
      {
        name: "META-INF/manifest.xml",
        data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest manifest:version="1.3"/>'),
      },
    ]),
  );
}
