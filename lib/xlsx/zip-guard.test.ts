import { createDeflateRaw, deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { IMPORT_LIMITS } from "@/lib/domain/entry-template";
import { type DeflatedPart, lyingZip as craftedZip } from "@/tests/setup/crafted-zip";
import { readEntryWorkbook } from "./read-entry-workbook";
import { INFLATE_CHUNK, isOpenDocument, storedZip, unzipWithinLimits } from "./zip-guard";

const MB = 1024 * 1024;
const LIMITS = {
  entries: IMPORT_LIMITS.zipEntries,
  totalBytes: IMPORT_LIMITS.unzippedBytes,
  partBytes: IMPORT_LIMITS.unzippedPartBytes,
};

/** `mb` megabytes of "a" deflated, streaming (the test never holds the inflated bytes either). */
async function deflatedAs(mb: number): Promise<Buffer> {
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on("data", (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => deflater.on("end", resolve));
  const block = Buffer.alloc(MB, 0x61);
  for (let i = 0; i < mb; i++) if (!deflater.write(block)) await new Promise((r) => deflater.once("drain", r));
  deflater.end();
  await done;
  return Buffer.concat(out);
}

/** A crafted zip whose headers declare 1 000 bytes a part (or `declared`). */
const lyingZip = (parts: DeflatedPart[], declared = 1000): Uint8Array => new Uint8Array(craftedZip(parts, declared));

async function workbookBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("a").getCell("A1").value = "Ngọc Thụy ".repeat(1000);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("zip guard", () => {
  it("stops inflating a part whose headers under-declare its size as soon as it passes the part limit", async () => {
    const bomb = lyingZip([{ name: "xl/worksheets/sheet1.xml", deflated: await deflatedAs(100) }]);
    expect(bomb.length).toBeLessThan(MB / 2); // 100 MB inflated from ~100 KB
    const out = await unzipWithinLimits(bomb, LIMITS);
    expect(out).toMatchObject({ ok: false, code: "too-large", over: "bytes", part: "xl/worksheets/sheet1.xml" });
    expect(out.inflatedBytes).toBeGreaterThan(LIMITS.partBytes);
    expect(out.inflatedBytes).toBeLessThanOrEqual(LIMITS.partBytes + INFLATE_CHUNK);
  });

  it("stops at the total limit when every part stays under its own", async () => {
    const part = await deflatedAs(15);
    const bomb = lyingZip([1, 2, 3, 4].map((n) => ({ name: `xl/worksheets/sheet${n}.xml`, deflated: part })));
    const out = await unzipWithinLimits(bomb, LIMITS);
    expect(out).toMatchObject({ ok: false, code: "too-large", over: "bytes", part: "xl/worksheets/sheet3.xml" });
    expect(out.inflatedBytes).toBeLessThanOrEqual(LIMITS.totalBytes + INFLATE_CHUNK);
  });

  it("refuses such a file with the size message before the spreadsheet reader sees it", async () => {
    const bomb = lyingZip([{ name: "xl/worksheets/sheet1.xml", deflated: await deflatedAs(100) }]);
    expect(await readEntryWorkbook(bomb)).toEqual({
      ok: false,
      message: expect.stringMatching(/^Tệp Excel quá lớn khi giải nén \(quá 40 MB/),
    });
  });

  it("reads a real workbook's parts and hands them on stored, which the reader opens as the same workbook", async () => {
    const bytes = await workbookBytes();
    const out = await unzipWithinLimits(bytes, LIMITS);
    if (!out.ok) throw new Error(out.code);
    expect(out.parts.map((p) => p.name)).toContain("xl/worksheets/sheet1.xml");
    expect(out.inflatedBytes).toBe(out.parts.reduce((n, p) => n + p.data.length, 0));
    expect(out.inflatedBytes).toBeGreaterThan(bytes.length);
    const stored = storedZip(out.parts);
    // every part of the re-zipped file is stored (method 0): nothing is left to inflate
    const again = await unzipWithinLimits(stored, LIMITS);
    if (!again.ok) throw new Error(again.code);
    expect(again.parts).toEqual(out.parts);
    expect(stored.length).toBeGreaterThanOrEqual(out.inflatedBytes);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(stored as unknown as ArrayBuffer);
    expect(wb.getWorksheet("a")!.getCell("A1").value).toBe("Ngọc Thụy ".repeat(1000));
  });

  it("refuses what is not a zip, a truncated part and too many parts", async () => {
    expect(await unzipWithinLimits(new TextEncoder().encode("Mã phường;Năm\r\n"), LIMITS)).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await unzipWithinLimits(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), LIMITS)).toMatchObject({
      ok: false,
      code: "invalid",
    });
    const whole = deflateRawSync(Buffer.alloc(100_000, 0x61));
    expect(
      await unzipWithinLimits(lyingZip([{ name: "a.xml", deflated: whole.subarray(0, 20) }]), LIMITS),
    ).toMatchObject({ ok: false, code: "invalid" });
    const many = lyingZip(
      Array.from({ length: LIMITS.entries + 1 }, (_, i) => ({
        name: `p${i}.xml`,
        deflated: deflateRawSync(Buffer.from("x")),
      })),
    );
    expect(await unzipWithinLimits(many, LIMITS)).toMatchObject({
      ok: false,
      code: "too-large",
      over: "entries",
      inflatedBytes: 0,
    });
  });

  it("tells an OpenDocument spreadsheet (.ods) from an Excel workbook, and asks for .xlsx", async () => {
    const ods = storedZip([
      { name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.spreadsheet") },
      { name: "content.xml", data: Buffer.from('<?xml version="1.0"?><office:document-content/>') },
      { name: "META-INF/manifest.xml", data: Buffer.from('<?xml version="1.0"?><manifest:manifest/>') },
    ]);
    const parts = await unzipWithinLimits(ods, LIMITS);
    expect(parts.ok && isOpenDocument(parts.parts)).toBe(true);
    const xlsx = await unzipWithinLimits(await workbookBytes(), LIMITS);
    expect(xlsx.ok && isOpenDocument(xlsx.parts)).toBe(false);
    expect(await readEntryWorkbook(ods)).toEqual({
      ok: false,
      message: expect.stringMatching(/^Hãy lưu tệp dạng Excel \(\.xlsx\)/),
    });
  });
});
