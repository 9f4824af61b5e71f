import { describe, expect, it } from "vitest";
import type { Rule } from "@/lib/domain/value-rules";
import { entryPayloadSchema, validateEntryRows, type CatalogueIndicator, type EntryRow } from "./entry";

const CATALOGUE: CatalogueIndicator[] = [
  { code: "cong-trinh-khong-phep", name: "Công trình xây dựng không phép", valueType: "COUNT" },
  { code: "ctkp-yeu-cau-cap-phep", name: "Yêu cầu chủ đầu tư cấp bổ sung giấy phép", valueType: "COUNT" },
  { code: "ctkp-dinh-chi", name: "Đình chỉ tuyệt đối", valueType: "COUNT" },
  { code: "tien-xu-phat-vi-pham", name: "Tiền xử phạt vi phạm trật tự đô thị", valueType: "MONEY" },
  { code: "ty-le-gia-dinh-van-hoa", name: "Gia đình đạt tiêu chuẩn Gia đình văn hóa", valueType: "PERCENT" },
  { code: "tdp-van-hoa", name: "Đạt danh hiệu Tổ dân phố văn hóa", valueType: "BOOLEAN" },
];
const RULES: Rule[] = [
  {
    code: "ctkp-xu-ly",
    kind: "SUM_AT_MOST",
    left: ["ctkp-yeu-cau-cap-phep", "ctkp-dinh-chi"],
    right: "cong-trinh-khong-phep",
    description: "Không vượt quá số công trình không phép.",
  },
];
const row = (indicator: string, raw: string, extra: Partial<EntryRow> = {}): EntryRow => ({
  indicator,
  unit: "ngoc-thuy",
  raw,
  baseVersion: 0,
  ...extra,
});

describe("entryPayloadSchema", () => {
  const payload = { ward: "ngoc-thuy", year: 2021, programme: "03-CTr-QU", rows: [row("ctkp-dinh-chi", "4")] };

  it("accepts a well-formed payload", () => {
    expect(entryPayloadSchema.parse(payload)).toEqual(payload);
    const full = {
      ...row("ctkp-dinh-chi", "4"),
      qualifier: "MORE_THAN",
      note: "Theo biên bản",
      outlierConfirmed: true,
      baseVersion: 3,
    };
    expect(entryPayloadSchema.safeParse({ ...payload, rows: [full] }).success).toBe(true);
  });

  it.each([
    [{ ward: "Ngọc Thụy" }, "Mã đơn vị chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang."],
    [{ year: 2021.5 }, "Năm phải là số nguyên."],
    [{ year: 1999 }, "Năm không hợp lệ."],
    [{ programme: "03-CTr/QU" }, "Mã chương trình không hợp lệ."],
    [{ rows: [row("Sai Ma", "1")] }, "Mã chỉ tiêu không hợp lệ."],
    [
      { rows: [row("ctkp-dinh-chi", "1", { unit: "to 22" })] },
      "Mã đơn vị chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.",
    ],
    [{ rows: [row("ctkp-dinh-chi", "1", { note: "x".repeat(501) })] }, "Ghi chú tối đa 500 ký tự."],
    [{ rows: [row("ctkp-dinh-chi", "1", { baseVersion: -1 })] }, "Phiên bản không hợp lệ."],
    [{ rows: [row("ctkp-dinh-chi", "1", { qualifier: "ABOUT" as "EXACT" })] }, "Cách ghi giá trị không hợp lệ."],
  ])("refuses %j", (change, message) => {
    const r = entryPayloadSchema.safeParse({ ...payload, ...change });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe(message);
  });
});

describe("validateEntryRows", () => {
  it("parses every row into its canonical value; an empty cell clears the value", () => {
    const r = validateEntryRows(
      [
        row("cong-trinh-khong-phep", "38"),
        row("tien-xu-phat-vi-pham", "305.000.000 đ"),
        row("ty-le-gia-dinh-van-hoa", "90,5 %"),
        row("ctkp-dinh-chi", ""),
      ],
      CATALOGUE,
      RULES,
    );
    expect(r).toEqual({
      ok: true,
      values: {
        "ngoc-thuy:cong-trinh-khong-phep": "38",
        "ngoc-thuy:tien-xu-phat-vi-pham": "305000000",
        "ngoc-thuy:ty-le-gia-dinh-van-hoa": "90.5",
        "ngoc-thuy:ctkp-dinh-chi": null,
      },
      fieldErrors: {},
      ruleViolations: [],
    });
  });

  it("keys errors by unit and indicator, naming the indicator", () => {
    const r = validateEntryRows(
      [
        row("cong-trinh-khong-phep", "1,691"),
        row("tdp-van-hoa", "có", { unit: "ngoc-thuy-to-22" }),
        row("tdp-van-hoa", "có rồi", { unit: "ngoc-thuy-to-3" }),
      ],
      CATALOGUE,
      RULES,
    );
    expect(r.ok).toBe(false);
    expect(r.values).toEqual({ "ngoc-thuy-to-22:tdp-van-hoa": "1" });
    expect(r.fieldErrors).toEqual({
      "ngoc-thuy:cong-trinh-khong-phep": [
        "“Công trình xây dựng không phép”: Số đếm phải là số nguyên; dùng dấu chấm để phân cách hàng nghìn (1.691).",
      ],
      "ngoc-thuy-to-3:tdp-van-hoa": [
        "“Đạt danh hiệu Tổ dân phố văn hóa”: Nhập “đạt” (hoặc “có”, “x”, 1) hoặc “chưa đạt” (hoặc “không”, 0).",
      ],
    });
  });

  it("refuses indicators outside the programme and rows sent twice", () => {
    const r = validateEntryRows(
      [row("khong-co", "1"), row("ctkp-dinh-chi", "1"), row("ctkp-dinh-chi", "2")],
      CATALOGUE,
      RULES,
    );
    expect(r.fieldErrors).toEqual({
      "ngoc-thuy:khong-co": ["Chỉ tiêu “khong-co” không thuộc chương trình này."],
      "ngoc-thuy:ctkp-dinh-chi": ["“Đình chỉ tuyệt đối” của đơn vị ngoc-thuy được gửi hai lần."],
    });
  });

  it("“trên” needs a number, and is not for achieved / not achieved", () => {
    const r = validateEntryRows(
      [row("ctkp-dinh-chi", "", { qualifier: "MORE_THAN" }), row("tdp-van-hoa", "đạt", { qualifier: "MORE_THAN" })],
      CATALOGUE,
      RULES,
    );
    expect(r.fieldErrors).toEqual({
      "ngoc-thuy:ctkp-dinh-chi": ["“Đình chỉ tuyệt đối”: đã chọn “trên” thì phải nhập số."],
      "ngoc-thuy:tdp-van-hoa": ["“Đạt danh hiệu Tổ dân phố văn hóa”: chỉ tiêu đạt/chưa đạt không ghi “trên”."],
    });
  });

  it("puts a broken rule on every row it involves, per unit", () => {
    const rows = [
      row("cong-trinh-khong-phep", "4"),
      row("ctkp-yeu-cau-cap-phep", "3"),
      row("ctkp-dinh-chi", "2"),
      row("cong-trinh-khong-phep", "4", { unit: "bo-de" }),
      row("ctkp-yeu-cau-cap-phep", "3", { unit: "bo-de" }),
      row("ctkp-dinh-chi", "1", { unit: "bo-de" }),
    ];
    const r = validateEntryRows(rows, CATALOGUE, RULES);
    const message =
      "“Yêu cầu chủ đầu tư cấp bổ sung giấy phép” (3) cộng “Đình chỉ tuyệt đối” (2) = 5 vượt quá “Công trình xây dựng không phép” (4). Quy tắc: Không vượt quá số công trình không phép.";
    expect(r.ruleViolations).toEqual([
      {
        unit: "ngoc-thuy",
        rule: "ctkp-xu-ly",
        indicators: ["ctkp-yeu-cau-cap-phep", "ctkp-dinh-chi", "cong-trinh-khong-phep"],
        message,
      },
    ]);
    expect(r.fieldErrors).toEqual({
      "ngoc-thuy:cong-trinh-khong-phep": [message],
      "ngoc-thuy:ctkp-yeu-cau-cap-phep": [message],
      "ngoc-thuy:ctkp-dinh-chi": [message],
    });
  });

  it("does not hold a “trên” total against its parts", () => {
    const rows = [
      row("cong-trinh-khong-phep", "4", { qualifier: "MORE_THAN" }),
      row("ctkp-yeu-cau-cap-phep", "3"),
      row("ctkp-dinh-chi", "2"),
    ];
    expect(validateEntryRows(rows, CATALOGUE, RULES).ok).toBe(true);
  });

  it("does not check a rule over a value that was refused", () => {
    const rows = [row("cong-trinh-khong-phep", "4"), row("ctkp-yeu-cau-cap-phep", "3,5"), row("ctkp-dinh-chi", "2")];
    const r = validateEntryRows(rows, CATALOGUE, RULES);
    expect(r.ruleViolations).toEqual([]);
    expect(Object.keys(r.fieldErrors)).toEqual(["ngoc-thuy:ctkp-yeu-cau-cap-phep"]);
  });

  it("asks to confirm and note an outlier; accepts it once confirmed with a note", () => {
    const history = { "ngoc-thuy:cong-trinh-khong-phep": ["120", "150", "180"] };
    const outlier =
      "“Công trình xây dựng không phép”: Giá trị 9.000 khác xa các năm trước (120–180). Hãy kiểm tra lại; nếu đúng, đánh dấu xác nhận và ghi chú lý do.";
    const check = (extra: Partial<EntryRow>) =>
      validateEntryRows([row("cong-trinh-khong-phep", "9.000", extra)], CATALOGUE, RULES, history);
    expect(check({}).fieldErrors).toEqual({ "ngoc-thuy:cong-trinh-khong-phep": [outlier] });
    expect(check({ outlierConfirmed: true }).fieldErrors).toEqual({ "ngoc-thuy:cong-trinh-khong-phep": [outlier] });
    expect(check({ outlierConfirmed: true, note: "   " }).ok).toBe(false);
    expect(check({ note: "Đợt kiểm tra lớn" }).ok).toBe(false);
    expect(check({ outlierConfirmed: true, note: "Đợt kiểm tra lớn" })).toMatchObject({
      ok: true,
      values: { "ngoc-thuy:cong-trinh-khong-phep": "9000" },
    });
    expect(validateEntryRows([row("cong-trinh-khong-phep", "170")], CATALOGUE, RULES, history).ok).toBe(true);
  });
});
