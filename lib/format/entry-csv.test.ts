import { describe, expect, it } from "vitest";
import { figureStamp } from "@/lib/domain/export-stamp";
import type { EntryFileGrid } from "@/lib/domain/entry-file-grid";
import { previewImport } from "@/lib/domain/entry-import";
import { entryGridToCsv, parseCsvRecords, readEntryCsv } from "./entry-csv";

const grid: EntryFileGrid = {
  ward: { id: 1, slug: "ngoc-thuy", name: "Phường Ngọc Thụy", shortName: "Ngọc Thụy" },
  year: 2020,
  periodId: 7,
  programme: { id: 3, slug: "03-CTr-QU", code: "03-CTr/QU", title: "Chương trình 03" },
  submission: null,
  sections: [
    {
      code: "s",
      name: "Trật tự",
      indicators: [
        {
          id: 10,
          code: "ty-le",
          name: "Gia đình văn hóa; “đạt”, chuẩn",
          unit: "%",
          valueType: "PERCENT",
          parentCode: null,
          perGroup: false,
          derivedFrom: null,
        },
        {
          id: 13,
          code: "tien",
          name: "Tiền xử phạt",
          unit: "đồng",
          valueType: "MONEY",
          parentCode: null,
          perGroup: false,
          derivedFrom: null,
        },
        {
          id: 15,
          code: "tdp-vh",
          name: "Tổ dân phố văn hóa",
          unit: "năm",
          valueType: "BOOLEAN",
          parentCode: null,
          perGroup: true,
          derivedFrom: null,
        },
      ],
    },
  ],
  groups: [{ id: 2, slug: "ngoc-thuy-to-1", name: "Tổ 1", shortName: "Tổ 1" }],
  cells: {
    "ngoc-thuy:ty-le": {
      value: "90.5",
      qualifier: "EXACT",
      note: 'Ghi chú có dấu; và "ngoặc"\nxuống dòng',
      version: 2,
      source: "entry",
    },
    "ngoc-thuy:tien": { value: "305000000", qualifier: "MORE_THAN", note: null, version: 1, source: "entry" },
    "ngoc-thuy-to-1:tdp-vh": { value: "1", qualifier: "EXACT", note: null, version: 0, source: "result" },
  },
  lastYear: { tien: { value: "290000000", qualifier: "EXACT" } },
  targets: { "ty-le": { comparison: "GTE", value: "90" } },
  history: {},
  rules: [],
};

const bytes = (s: string) => new TextEncoder().encode(s);

describe("entry CSV", () => {
  it("starts with a BOM, separates with ';', writes Vietnamese numbers and every row's ward, year and programme", () => {
    const csv = entryGridToCsv(grid);
    expect(csv.startsWith("\ufeffMã phường;Năm;Mã chương trình;")).toBe(true);
    const lines = csv.split("\r\n");
    // the version column carries the version and the stamp of the figure as exported
    const tien = figureStamp({ value: "305000000", qualifier: "MORE_THAN", note: null }, true);
    expect(lines[2]).toBe(
      `ngoc-thuy;2020;03-CTr-QU;ngoc-thuy;Ngọc Thụy;tien;Tiền xử phạt;đồng;290.000.000;;305.000.000;trên;;1-${tien}`,
    );
    const group = figureStamp({ value: "1", qualifier: "EXACT", note: null }, true);
    expect(csv).toContain(
      `ngoc-thuy;2020;03-CTr-QU;ngoc-thuy-to-1;Tổ 1;tdp-vh;Tổ dân phố văn hóa;năm;;;Đạt;;;0-${group}`,
    );
  });

  it("round-trips: the export read back changes nothing, diacritics and quoted fields intact", () => {
    const parsed = readEntryCsv(bytes(entryGridToCsv(grid)));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.header).toEqual({ ward: "ngoc-thuy", year: 2020, programme: "03-CTr-QU" });
    expect(parsed.rows).toHaveLength(3);
    expect(parsed.rows[0].note?.cell).toEqual({ kind: "text", text: 'Ghi chú có dấu; và "ngoặc"\nxuống dòng' });
    expect(previewImport(parsed, grid).counts).toMatchObject({ unchanged: 3, new: 0, changed: 0, invalid: 0 });
  });

  it("reads a file re-saved with ',' separators and without BOM, naming cells by column letter", () => {
    const csv = [
      "Mã phường,Năm,Mã chương trình,Mã đơn vị,Đơn vị,Mã chỉ tiêu,Chỉ tiêu,Đơn vị tính,Năm trước,Chỉ tiêu năm,Giá trị,Trên,Ghi chú,Phiên bản",
      'ngoc-thuy,2020,03-CTr-QU,ngoc-thuy,Ngọc Thụy,ty-le,x,%,,,"90,5",,"Ghi chú có dấu; và ""ngoặc""\nxuống dòng",2',
      'ngoc-thuy,2020,03-CTr-QU,ngoc-thuy,Ngọc Thụy,tien,"Tiền, xử phạt",đồng,,,305.000.001,trên,,1',
    ].join("\n");
    const parsed = readEntryCsv(bytes(csv));
    if (!parsed.ok) throw new Error(parsed.message);
    const p = previewImport(parsed, grid);
    expect(p.rows.map((r) => r.status)).toEqual(["unchanged", "changed"]);
    expect(p.rows[1].ref).toBe("K3");
    expect(p.rows[1].next?.value).toBe("305000001");
  });

  it("refuses files that are not ours, not UTF-8, or mix wards", () => {
    expect(readEntryCsv(bytes("a;b;c\r\n1;2;3\r\n"))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/thiếu cột “Mã phường”/),
    });
    expect(readEntryCsv(new Uint8Array([0x4d, 0xe3, 0x20, 0xff]))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/UTF-8/),
    });
    const mixed = entryGridToCsv(grid).replace(
      /\r\nngoc-thuy;2020;03-CTr-QU;ngoc-thuy-to-1/,
      "\r\nbo-de;2020;03-CTr-QU;ngoc-thuy-to-1",
    );
    expect(readEntryCsv(bytes(mixed))).toMatchObject({ ok: false, message: expect.stringMatching(/Dòng 4/) });
  });

  it("treats a cell starting with '=' as a formula", () => {
    const csv = entryGridToCsv(grid).replace("305.000.000", "=1+1");
    const parsed = readEntryCsv(bytes(csv));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(previewImport(parsed, grid).rows[1].messages[0]).toBe(
      "Ô K3 chứa công thức; hãy dán giá trị (“Tiền xử phạt”).",
    );
  });

  it("keeps a note that looks like a formula as text (no CSV injection), and reads it back unchanged", () => {
    const g = {
      ...grid,
      cells: { ...grid.cells, "ngoc-thuy:tien": { ...grid.cells["ngoc-thuy:tien"], note: '=HYPERLINK("x")' } },
    };
    const csv = entryGridToCsv(g);
    expect(csv).toContain(`;"'=HYPERLINK(""x"")";`);
    const parsed = readEntryCsv(bytes(csv));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(previewImport(parsed, g).counts).toMatchObject({ unchanged: 3, invalid: 0 });
  });

  it("writes a note starting with a dash and words as it is, and reads it back unchanged", () => {
    const g = {
      ...grid,
      cells: { ...grid.cells, "ngoc-thuy:tien": { ...grid.cells["ngoc-thuy:tien"], note: "- đã kiểm tra" } },
    };
    const csv = entryGridToCsv(g);
    expect(csv).toContain(";- đã kiểm tra;");
    expect(csv).not.toContain("'- đã kiểm tra");
    const parsed = readEntryCsv(bytes(csv));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(previewImport(parsed, g).counts).toMatchObject({ unchanged: 3, invalid: 0 });
  });

  it("parses quotes, doubled quotes and line breaks; refuses an unclosed quote", () => {
    expect(parseCsvRecords('a;"b;c";"d""e"\r\n"x\ny";z', ";")).toEqual([
      ["a", "b;c", 'd"e'],
      ["x\ny", "z"],
    ]);
    expect(parseCsvRecords('a;"b', ";")).toBeNull();
  });
});
