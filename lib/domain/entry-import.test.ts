import { describe, expect, it } from "vitest";
import type { EntryFileGrid } from "./entry-file-grid";
import { figureStamp, versionCell } from "./export-stamp";
import {
  type ParsedEntryFile,
  type ParsedRow,
  type RawCell,
  changeFingerprint,
  changesOf,
  checkHeader,
  previewImport,
  previewRowViews,
  readValue,
} from "./entry-import";

const num = (value: number, percent = false): RawCell => ({ kind: "number", value, percent });
const text = (t: string): RawCell => ({ kind: "text", text: t });
const empty: RawCell = { kind: "empty" };

function grid(over: Partial<EntryFileGrid> = {}): EntryFileGrid {
  return {
    ward: { id: 1, slug: "ngoc-thuy", name: "Phường Ngọc Thụy", shortName: "Ngọc Thụy" },
    year: 2020,
    periodId: 7,
    programme: { id: 3, slug: "03-CTr-QU", code: "03-CTr/QU", title: "Chương trình 03" },
    submission: { status: "DRAFT", version: 4 },
    sections: [
      {
        code: "s",
        name: "Trật tự đô thị",
        indicators: [
          {
            id: 10,
            code: "ra-quan",
            name: "Đợt ra quân",
            unit: "đợt",
            valueType: "COUNT",
            parentCode: null,
            perGroup: false,
            derivedFrom: null,
          },
          {
            id: 11,
            code: "vi-pham",
            name: "Vi phạm",
            unit: "trường hợp",
            valueType: "COUNT",
            parentCode: null,
            perGroup: false,
            derivedFrom: null,
          },
          {
            id: 12,
            code: "vp-khac",
            name: "Vi phạm khác",
            unit: "trường hợp",
            valueType: "COUNT",
            parentCode: "vi-pham",
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
            id: 14,
            code: "ty-le",
            name: "Tỷ lệ",
            unit: "%",
            valueType: "PERCENT",
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
      "ngoc-thuy:ra-quan": { value: "12", qualifier: "EXACT", note: null, version: 3, source: "entry" },
      "ngoc-thuy:vi-pham": { value: "40", qualifier: "EXACT", note: null, version: 0, source: "result" },
      "ngoc-thuy:tien": { value: "305000000", qualifier: "EXACT", note: null, version: 1, source: "entry" },
      "ngoc-thuy-to-1:tdp-vh": { value: "1", qualifier: "EXACT", note: "ghi chú tổ", version: 2, source: "entry" },
    },
    lastYear: {},
    targets: {},
    history: { "ngoc-thuy:ra-quan": ["10", "11", "12"] },
    rules: [],
    ...over,
  };
}

let line = 9;
function row(indicator: string, value: RawCell, version: number | RawCell, extra: Partial<ParsedRow> = {}): ParsedRow {
  const r = line++;
  return {
    sheet: "ward",
    unit: "ngoc-thuy",
    indicator,
    value,
    valueRef: `F${r}`,
    qualifier: { cell: empty, ref: `G${r}` },
    note: { cell: empty, ref: `H${r}` },
    version: typeof version === "number" ? num(version) : version,
    versionRef: `I${r}`,
    codeRef: `A${r}`,
    ...extra,
  };
}
const file = (rows: ParsedRow[]): ParsedEntryFile => ({
  header: { ward: "ngoc-thuy", year: 2020, programme: "03-CTr-QU" },
  rows,
});

describe("import preview", () => {
  it("finds nothing to change in an unedited export", () => {
    const p = previewImport(
      file([
        row("ra-quan", num(12), 3),
        row("vi-pham", num(40), 0),
        row("tien", num(305000000), 1),
        row("vp-khac", empty, 0),
      ]),
      grid(),
    );
    expect(p.counts).toEqual({ new: 0, changed: 0, unchanged: 4, conflict: 0, invalid: 0 });
    expect(p.canApply).toBe(false);
    expect(changesOf(p)).toEqual([]);
  });

  it("lists new and changed rows with old and new values and the version to save from", () => {
    const p = previewImport(
      file([row("ra-quan", text("15"), 3), row("vp-khac", num(7), 0), row("tien", text("306.000.000"), 1)]),
      grid(),
    );
    expect(p.rows.map((r) => r.status)).toEqual(["changed", "new", "changed"]);
    expect(p.canApply).toBe(true);
    expect(changesOf(p)).toEqual([
      {
        indicatorId: 10,
        orgUnitId: 1,
        baseVersion: 3,
        outlierConfirmed: false,
        value: "15",
        qualifier: "EXACT",
        note: null,
      },
      {
        indicatorId: 12,
        orgUnitId: 1,
        baseVersion: 0,
        outlierConfirmed: false,
        value: "7",
        qualifier: "EXACT",
        note: null,
      },
      {
        indicatorId: 13,
        orgUnitId: 1,
        baseVersion: 1,
        outlierConfirmed: false,
        value: "306000000",
        qualifier: "EXACT",
        note: null,
      },
    ]);
  });

  it("clears a value when its cell is emptied, and sets “trên” and notes", () => {
    const p = previewImport(
      file([
        row("tien", empty, 1),
        row("ra-quan", num(12), 3, {
          qualifier: { cell: text("trên"), ref: "G9" },
          note: { cell: text(" theo báo cáo "), ref: "H9" },
        }),
      ]),
      grid(),
    );
    expect(changesOf(p).map((c) => [c.value, c.qualifier, c.note])).toEqual([
      [null, "EXACT", null],
      ["12", "MORE_THAN", "theo báo cáo"],
    ]);
  });

  it("refuses a note with U+0000 or a lone surrogate, naming the cell (the database could not store it)", () => {
    const p = previewImport(
      file([
        row("ra-quan", num(15), 3, { note: { cell: text("xem\u0000 biên bản"), ref: "H20" } }),
        row("tien", num(306000000), 1, { note: { cell: text("lỗi \ud800"), ref: "H21" } }),
      ]),
      grid(),
    );
    expect(p.rows.map((r) => r.status)).toEqual(["invalid", "invalid"]);
    expect(p.rows[0].messages[0]).toMatch(/^Ô H20 \(“Đợt ra quân”\): Có ký tự không hợp lệ/);
    expect(p.rows[1].messages[0]).toMatch(/^Ô H21 .*Có ký tự không hợp lệ/);
    expect(p.canApply).toBe(false);
  });

  it("refuses text that is not a number, naming the cell and the indicator", () => {
    const r = row("ra-quan", text("mười hai"), 3, { valueRef: "F12" });
    const p = previewImport(file([r, row("tien", text("1,5"), 1)]), grid());
    expect(p.rows[0].status).toBe("invalid");
    expect(p.rows[0].messages[0]).toMatch(/^Ô F12 \(“Đợt ra quân”\): “mười hai” không phải là số/);
    expect(p.rows[1].messages[0]).toMatch(/Tiền xử phạt/);
    expect(p.canApply).toBe(false);
  });

  it("refuses formulas, dates and error cells", () => {
    const p = previewImport(
      file([
        row("ra-quan", { kind: "formula" }, 3, { valueRef: "F12" }),
        row("tien", { kind: "date" }, 1),
        row("vi-pham", { kind: "error", text: "#N/A" }, 0),
      ]),
      grid(),
    );
    expect(p.rows[0].messages[0]).toMatch(/^Ô F12 chứa công thức; hãy dán giá trị/);
    expect(p.rows[1].messages[0]).toMatch(/ngày tháng/);
    expect(p.rows[2].messages[0]).toMatch(/#N\/A/);
    expect(p.counts.invalid).toBe(3);
  });

  it("refuses unknown codes, duplicates and ward indicators on a group row", () => {
    const p = previewImport(
      file([
        row("khong-co", num(1), 0, { codeRef: "A20" }),
        row("ra-quan", num(13), 3, { codeRef: "A21" }),
        row("ra-quan", num(14), 3, { codeRef: "A22" }),
        row("ra-quan", num(1), 0, { sheet: "groups", unit: "ngoc-thuy-to-1" }),
      ]),
      grid(),
    );
    expect(p.rows[0].messages[0]).toMatch(/Ô A20: mã chỉ tiêu “khong-co” không thuộc chương trình 03-CTr\/QU/);
    expect(p.rows[1].status).toBe("changed");
    expect(p.rows[2].messages[0]).toMatch(/trùng với dòng ở ô A21/);
    expect(p.rows[3].messages[0]).toMatch(/cho cả phường/);
    expect(p.canApply).toBe(false);
  });

  it("flags a value changed in the app since the export as a conflict, but not one the file leaves as it is", () => {
    const p = previewImport(file([row("ra-quan", num(15), 2), row("tien", num(305000000), 0)]), grid());
    expect(p.rows[0].status).toBe("conflict");
    expect(p.rows[0].messages[0]).toMatch(/hiện là 12, tệp ghi 15/);
    expect(p.rows[1].status).toBe("unchanged");
    expect(p.canApply).toBe(false);
  });

  it("keeps the app's figure for a row the app changed since the export and the file left as it was", () => {
    // exported at version 2 with 10; saved in the app since as 12 (version 3)
    const exported = { value: "10", qualifier: "EXACT" as const, note: null };
    const stamped = (f: typeof exported) => text(versionCell(2, figureStamp(f, true)));
    const untouched = previewImport(
      file([row("ra-quan", num(10), stamped(exported)), row("tien", num(306000000), 1)]),
      grid(),
    );
    expect(untouched.rows.map((r) => r.status)).toEqual(["unchanged", "changed"]);
    expect(untouched.rows[0].messages[0]).toMatch(
      /sửa trong ứng dụng sau khi xuất tệp \(nay là 12\); tệp không sửa ô này/,
    );
    expect(changesOf(untouched).map((c) => c.indicatorId)).toEqual([13]);
    expect(untouched.canApply).toBe(true);
    // edited in the file as well: a real conflict
    const edited = previewImport(file([row("ra-quan", num(11), stamped(exported))]), grid());
    expect(edited.rows[0].status).toBe("conflict");
    // a note added in the file is an edit too
    const noted = previewImport(
      file([row("ra-quan", num(10), stamped(exported), { note: { cell: text("sổ"), ref: "H9" } })]),
      grid(),
    );
    expect(noted.rows[0].status).toBe("conflict");
    // a file without stamps (plain versions) cannot tell, and says conflict as before
    expect(previewImport(file([row("ra-quan", num(10), 2)]), grid()).rows[0].status).toBe("conflict");
  });

  it("reads Excel numbers exactly, percent-formatted cells as percent, yes/no as text or TRUE/FALSE", () => {
    const ind = { name: "x", valueType: "PERCENT" as const };
    expect(readValue(num(90.5), "F9", ind)).toEqual({ ok: true, value: "90.5" });
    expect(readValue(num(0.905, true), "F9", ind)).toEqual({ ok: true, value: "90.5" });
    expect(readValue(num(0.1 + 0.2), "F9", ind)).toEqual({ ok: true, value: "0.3" });
    expect(readValue(num(305000000), "F9", { name: "x", valueType: "MONEY" })).toEqual({
      ok: true,
      value: "305000000",
    });
    expect(readValue(num(12.5), "F9", { name: "x", valueType: "COUNT" }).ok).toBe(false);
    expect(readValue(text("Chưa đạt"), "F9", { name: "x", valueType: "BOOLEAN" })).toEqual({ ok: true, value: "0" });
    expect(readValue({ kind: "boolean", value: true }, "F9", { name: "x", valueType: "BOOLEAN" })).toEqual({
      ok: true,
      value: "1",
    });
    expect(readValue(text("90,5"), "F9", ind)).toEqual({ ok: true, value: "90.5" });
  });

  it("keeps a group cell's note and qualifier (the groups sheet has neither column)", () => {
    const p = previewImport(
      file([
        row("tdp-vh", text("Chưa đạt"), 2, {
          sheet: "groups",
          unit: "ngoc-thuy-to-1",
          qualifier: undefined,
          note: undefined,
        }),
      ]),
      grid(),
    );
    expect(changesOf(p)).toEqual([
      {
        indicatorId: 15,
        orgUnitId: 2,
        baseVersion: 2,
        outlierConfirmed: false,
        value: "0",
        qualifier: "EXACT",
        note: "ghi chú tổ",
      },
    ]);
  });

  it("asks for a note on a value far from earlier years, and takes the note as the confirmation", () => {
    const without = previewImport(file([row("ra-quan", num(12000), 3)]), grid());
    expect(without.rows[0].status).toBe("invalid");
    expect(without.rows[0].messages[0]).toMatch(/khác xa các năm trước/);
    const withNote = previewImport(
      file([row("ra-quan", num(12000), 3, { note: { cell: text("ra quân hằng ngày"), ref: "H9" } })]),
      grid(),
    );
    expect(withNote.rows[0].status).toBe("changed");
    expect(changesOf(withNote)[0].outlierConfirmed).toBe(true);
  });

  it("does not take a note already stored as the confirmation of a new value far from earlier years", () => {
    const noted = (note: string | null) =>
      grid({
        cells: {
          ...grid().cells,
          "ngoc-thuy:ra-quan": { value: "12", qualifier: "EXACT", note, version: 3, source: "entry" },
        },
      });
    const withNote = (note: string) => ({ note: { cell: text(note), ref: "H9" } });
    // the export carries the stored note; the value alone was changed in the file
    const stale = previewImport(
      file([row("ra-quan", num(12000), 3, withNote("ra quân theo kế hoạch"))]),
      noted("ra quân theo kế hoạch"),
    );
    expect(stale.rows[0].status).toBe("invalid");
    expect(stale.rows[0].messages[0]).toMatch(
      /khác xa các năm trước.*Ghi lý do vào ô H9 để xác nhận\. Ghi chú đã có \(“ra quân theo kế hoạch”\) không xác nhận giá trị mới/,
    );
    expect(stale.canApply).toBe(false);
    // a note changed in the file is the reason
    const changed = previewImport(
      file([row("ra-quan", num(12000), 3, withNote("ra quân hằng ngày từ tháng 6"))]),
      noted("ra quân theo kế hoạch"),
    );
    expect(changed.rows[0].status).toBe("changed");
    expect(changesOf(changed)[0]).toMatchObject({ outlierConfirmed: true, note: "ra quân hằng ngày từ tháng 6" });
  });

  it("keeps the confirmation of a stored value far from earlier years when only its “trên” changes", () => {
    const g = grid({
      cells: {
        ...grid().cells,
        "ngoc-thuy:ra-quan": {
          value: "12000",
          qualifier: "EXACT",
          note: "ra quân hằng ngày",
          version: 3,
          source: "entry",
          outlierConfirmed: true,
        },
      },
    });
    const p = previewImport(
      file([
        row("ra-quan", num(12000), 3, {
          qualifier: { cell: text("trên"), ref: "G9" },
          note: { cell: text("ra quân hằng ngày"), ref: "H9" },
        }),
      ]),
      g,
    );
    expect(p.rows[0].status).toBe("changed");
    expect(changesOf(p)[0]).toMatchObject({ value: "12000", qualifier: "MORE_THAN", outlierConfirmed: true });
    // not confirmed before: the same value still needs a reason of its own
    const unconfirmed = grid({
      cells: { ...g.cells, "ngoc-thuy:ra-quan": { ...g.cells["ngoc-thuy:ra-quan"], outlierConfirmed: false } },
    });
    expect(
      previewImport(
        file([
          row("ra-quan", num(12000), 3, {
            qualifier: { cell: text("trên"), ref: "G9" },
            note: { cell: text("ra quân hằng ngày"), ref: "H9" },
          }),
        ]),
        unconfirmed,
      ).rows[0].status,
    ).toBe("invalid");
  });

  it("shows a note the file changes, old → new, also on a row whose value stays", () => {
    const g = grid({
      cells: {
        ...grid().cells,
        "ngoc-thuy:tien": {
          value: "305000000",
          qualifier: "EXACT",
          note: "theo biên bản",
          version: 1,
          source: "entry",
        },
      },
    });
    const p = previewImport(
      file([
        row("ra-quan", num(12), 3, { note: { cell: text("có 2 đợt cao điểm"), ref: "H9" } }),
        row("tien", num(306000000), 1, { note: { cell: empty, ref: "H10" } }),
        row("vi-pham", num(40), 0),
      ]),
      g,
    );
    expect(p.counts).toMatchObject({ changed: 2, unchanged: 1 });
    expect(previewRowViews(p, g)).toEqual([
      {
        ref: expect.stringMatching(/^F\d+$/),
        unit: "Ngọc Thụy",
        indicator: "Đợt ra quân",
        status: "changed",
        old: "12",
        next: null,
        note: { old: null, next: "có 2 đợt cao điểm" },
        messages: [],
      },
      {
        ref: expect.stringMatching(/^F\d+$/),
        unit: "Ngọc Thụy",
        indicator: "Tiền xử phạt",
        status: "changed",
        old: "305.000.000",
        next: "306.000.000",
        note: { old: "theo biên bản", next: null },
        messages: [],
      },
    ]);
    // and what "Áp dụng" writes is exactly that
    expect(changesOf(p).map((c) => [c.value, c.note])).toEqual([
      ["12", "có 2 đợt cao điểm"],
      ["306000000", null],
    ]);
  });

  it("asks for a group value far from the group's earlier years to be entered in the form (the groups sheet has no note column)", () => {
    const g = grid({
      sections: [
        {
          code: "s",
          name: "Gia đình",
          indicators: [
            {
              id: 16,
              code: "gdvh",
              name: "Gia đình văn hóa",
              unit: "hộ",
              valueType: "COUNT",
              parentCode: null,
              perGroup: true,
              derivedFrom: null,
            },
          ],
        },
      ],
      history: { "ngoc-thuy-to-1:gdvh": ["180", "185", "190"] },
    });
    const groupRow = (value: number) =>
      row("gdvh", num(value), 0, { sheet: "groups", unit: "ngoc-thuy-to-1", qualifier: undefined, note: undefined });
    const far = previewImport(file([groupRow(1900)]), g);
    expect(far.rows[0].status).toBe("invalid");
    expect(far.rows[0].messages[0]).toMatch(
      /Gia đình văn hóa.*Tổ 1.*khác xa các năm trước.*trang nhập theo tổ dân phố/,
    );
    expect(previewImport(file([groupRow(192)]), g).rows[0].status).toBe("new");
  });

  describe("the ward share computed from the groups", () => {
    const sections = [
      {
        code: "s",
        name: "Tổ dân phố văn hóa",
        indicators: [
          {
            id: 20,
            code: "tdp-vh-phuong",
            name: "Tổ dân phố văn hóa (phường)",
            unit: "%",
            valueType: "PERCENT" as const,
            parentCode: null,
            perGroup: false,
            derivedFrom: "tdp-vh",
          },
          {
            id: 15,
            code: "tdp-vh",
            name: "Tổ dân phố văn hóa",
            unit: "năm",
            valueType: "BOOLEAN" as const,
            parentCode: null,
            perGroup: true,
            derivedFrom: null,
          },
        ],
      },
    ];
    const groups = [1, 2, 3, 4].map((n) => ({ id: 100 + n, slug: `to-${n}`, name: `Tổ ${n}`, shortName: `Tổ ${n}` }));
    const cells = {
      "ngoc-thuy:tdp-vh-phuong": {
        value: "50",
        qualifier: "EXACT" as const,
        note: "Tính từ 2/4 tổ dân phố.",
        version: 5,
        source: "entry" as const,
      },
      "to-1:tdp-vh": { value: "1", qualifier: "EXACT" as const, note: null, version: 1, source: "entry" as const },
      "to-2:tdp-vh": { value: "1", qualifier: "EXACT" as const, note: null, version: 1, source: "entry" as const },
      "to-3:tdp-vh": { value: "0", qualifier: "EXACT" as const, note: null, version: 1, source: "entry" as const },
      "to-4:tdp-vh": { value: "0", qualifier: "EXACT" as const, note: null, version: 1, source: "entry" as const },
    };
    const shareGrid = () => grid({ sections, groups, cells, history: {} });
    const wardRow = (value: number) =>
      row("tdp-vh-phuong", num(value), 5, { note: { cell: text("Tính từ 2/4 tổ dân phố."), ref: "H9" } });
    const groupRow = (n: number, value: string) =>
      row("tdp-vh", text(value), 1, { sheet: "groups", unit: `to-${n}`, qualifier: undefined, note: undefined });

    it("is recomputed when a group's value changes, and saved with it", () => {
      const p = previewImport(file([wardRow(50), groupRow(3, "Đạt"), groupRow(4, "Chưa đạt")]), shareGrid());
      const ward = p.rows.find((r) => r.unit === "ngoc-thuy")!;
      expect(ward.status).toBe("changed");
      expect(ward.next).toEqual({ value: "75", qualifier: "EXACT", note: "Tính từ 3/4 tổ dân phố." });
      expect(ward.messages[0]).toBe(
        "Tính từ 3/4 tổ dân phố. Tỷ lệ của phường được tính lại theo số liệu các tổ trong tệp.",
      );
      expect(changesOf(p)).toContainEqual({
        indicatorId: 20,
        orgUnitId: 1,
        baseVersion: 5,
        outlierConfirmed: false,
        value: "75",
        qualifier: "EXACT",
        note: "Tính từ 3/4 tổ dân phố.",
      });
      // the ward's row need not be in the file (a CSV with the groups only)
      const groupsOnly = previewImport(file([groupRow(3, "Đạt")]), shareGrid());
      expect(changesOf(groupsOnly).map((c) => [c.indicatorId, c.value])).toEqual([
        [15, "1"],
        [20, "75"],
      ]);
    });

    it("is refused when typed into the ward's row, as in the form", () => {
      const p = previewImport(file([wardRow(90)]), shareGrid());
      expect(p.rows[0].status).toBe("invalid");
      expect(p.rows[0].messages[0]).toMatch(/được tính từ các tổ dân phố, không nhập trực tiếp/);
      // a file exported before the figure was last recomputed: its old figure is simply not read
      const stale = previewImport(file([row("tdp-vh-phuong", num(25), 4)]), shareGrid());
      expect(stale.rows[0].status).toBe("unchanged");
      expect(changesOf(stale)).toEqual([]);
    });

    it("stays as it is when the file changes nothing", () => {
      const p = previewImport(file([wardRow(50), groupRow(1, "Đạt"), groupRow(3, "Chưa đạt")]), shareGrid());
      expect(p.counts).toEqual({ new: 0, changed: 0, unchanged: 3, conflict: 0, invalid: 0 });
    });
  });

  it("checks the cross-field rules on the stored values with the file's changes", () => {
    const rules = [
      {
        code: "r",
        kind: "SUM_AT_MOST" as const,
        left: ["vp-khac"],
        right: "vi-pham",
        description: "Loại không vượt tổng.",
      },
    ];
    const p = previewImport(file([row("vp-khac", num(41), 0)]), grid({ rules }));
    expect(p.rows[0].status).toBe("invalid");
    expect(p.rows[0].messages.join(" ")).toMatch(/vượt quá “Vi phạm” \(40\)/);
    expect(previewImport(file([row("vp-khac", num(40), 0)]), grid({ rules })).canApply).toBe(true);
  });

  it("refuses a file of another ward, year or programme", () => {
    expect(checkHeader({ ward: "ngoc-thuy", year: 2020, programme: "03-CTr-QU" }, grid())).toBeNull();
    expect(checkHeader({ ward: "bo-de", year: 2019, programme: "03-CTr-QU" }, grid())!.message).toMatch(
      /đơn vị “bo-de”.*năm 2019/,
    );
  });

  it("fingerprints exactly the changes", () => {
    const a = previewImport(file([row("ra-quan", num(15), 3)]), grid());
    const b = previewImport(file([row("ra-quan", num(16), 3)]), grid());
    expect(changeFingerprint(a)).not.toBe(changeFingerprint(b));
    expect(changeFingerprint(a)).toBe(changeFingerprint(previewImport(file([row("ra-quan", text("15"), 3)]), grid())));
  });
});
