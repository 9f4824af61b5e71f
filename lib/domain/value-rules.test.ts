import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromScaled } from "./decimal";
import { checkRules, checkValueType, type Rule } from "./value-rules";

describe("checkValueType", () => {
  it.each([
    ["COUNT", "0"],
    ["COUNT", "1691"],
    ["MONEY", "305000000"],
    ["PERCENT", "0"],
    ["PERCENT", "90.5"],
    ["PERCENT", "100"],
    ["DECIMAL", "860.25"],
    ["BOOLEAN", "1"],
    ["BOOLEAN", "0"],
    ["COUNT", "12.0000"], // as NUMERIC(24,4) prints a whole number
  ] as const)("%s %s is valid", (t, v) => expect(checkValueType(t, v)).toBeNull());

  it.each([
    ["COUNT", "1.5", "Số đếm phải là số nguyên, không âm."],
    ["COUNT", "-1", "Số đếm phải là số nguyên, không âm."],
    ["MONEY", "0.5", "Số tiền phải là số đồng nguyên, không âm."],
    ["MONEY", "-100", "Số tiền phải là số đồng nguyên, không âm."],
    ["PERCENT", "100.0001", "Tỷ lệ phải từ 0 đến 100 %."],
    ["PERCENT", "-0.5", "Tỷ lệ phải từ 0 đến 100 %."],
    ["DECIMAL", "-0.0001", "Giá trị không được âm."],
    ["BOOLEAN", "2", "Chỉ nhận 1 (có, đạt) hoặc 0 (không, chưa đạt)."],
    ["BOOLEAN", "0.5", "Chỉ nhận 1 (có, đạt) hoặc 0 (không, chưa đạt)."],
    ["DECIMAL", "1.23456", "Tối đa 4 chữ số thập phân."],
    ["DECIMAL", "123456789012345678901", "Số quá lớn: tối đa 20 chữ số phần nguyên."],
    ["COUNT", "1,691", "Giá trị không phải là số."],
    ["COUNT", "", "Giá trị không phải là số."],
  ] as const)("%s %j: %s", (t, v, message) => expect(checkValueType(t, v)).toBe(message));
});

const WORKS: Rule = {
  code: "ctkp-xu-ly",
  kind: "SUM_AT_MOST",
  left: ["ctkp-yeu-cau-cap-phep", "ctkp-dinh-chi"],
  right: "cong-trinh-khong-phep",
  description:
    "Số công trình yêu cầu cấp bổ sung giấy phép cộng số đình chỉ tuyệt đối không vượt quá số công trình không phép.",
};
const NAMES = new Map([
  ["ctkp-yeu-cau-cap-phep", "Yêu cầu chủ đầu tư cấp bổ sung giấy phép"],
  ["ctkp-dinh-chi", "Đình chỉ tuyệt đối"],
  ["cong-trinh-khong-phep", "Công trình xây dựng không phép"],
]);
const values = (o: Record<string, string | null>) => new Map(Object.entries(o));

describe("checkRules", () => {
  it("passes when the parts add up to at most the total", () => {
    expect(
      checkRules(
        [WORKS],
        values({ "ctkp-yeu-cau-cap-phep": "34", "ctkp-dinh-chi": "4", "cong-trinh-khong-phep": "38" }),
        NAMES,
      ),
    ).toEqual([]);
    expect(
      checkRules(
        [WORKS],
        values({ "ctkp-yeu-cau-cap-phep": "1", "ctkp-dinh-chi": "0", "cong-trinh-khong-phep": "38" }),
        NAMES,
      ),
    ).toEqual([]);
  });

  it("names the indicators, their values, the sum and the rule when the parts exceed the total", () => {
    const v = checkRules(
      [WORKS],
      values({ "ctkp-yeu-cau-cap-phep": "3", "ctkp-dinh-chi": "2", "cong-trinh-khong-phep": "4" }),
      NAMES,
    );
    expect(v).toEqual([
      {
        rule: "ctkp-xu-ly",
        indicators: ["ctkp-yeu-cau-cap-phep", "ctkp-dinh-chi", "cong-trinh-khong-phep"],
        message:
          "“Yêu cầu chủ đầu tư cấp bổ sung giấy phép” (3) cộng “Đình chỉ tuyệt đối” (2) = 5 vượt quá “Công trình xây dựng không phép” (4). Quy tắc: Số công trình yêu cầu cấp bổ sung giấy phép cộng số đình chỉ tuyệt đối không vượt quá số công trình không phép.",
      },
    ]);
  });

  it("writes the numbers the Vietnamese way", () => {
    const v = checkRules(
      [WORKS],
      values({ "ctkp-yeu-cau-cap-phep": "1500", "ctkp-dinh-chi": "191", "cong-trinh-khong-phep": "1690" }),
      NAMES,
    );
    expect(v[0].message).toMatch(/\(1\.500\) cộng .* \(191\) = 1\.691 vượt quá .* \(1\.690\)\./);
  });

  it("does not check without the total, or without any part", () => {
    expect(checkRules([WORKS], values({ "ctkp-yeu-cau-cap-phep": "50", "ctkp-dinh-chi": "9" }), NAMES)).toEqual([]);
    expect(
      checkRules(
        [WORKS],
        values({ "ctkp-yeu-cau-cap-phep": "50", "ctkp-dinh-chi": "9", "cong-trinh-khong-phep": null }),
        NAMES,
      ),
    ).toEqual([]);
    expect(checkRules([WORKS], values({ "cong-trinh-khong-phep": "0" }), NAMES)).toEqual([]);
  });

  it("flags parts that alone already exceed the total (values are never negative), naming only those entered", () => {
    const v = checkRules(
      [WORKS],
      values({ "ctkp-yeu-cau-cap-phep": "40", "ctkp-dinh-chi": null, "cong-trinh-khong-phep": "38" }),
      NAMES,
    );
    expect(v.map((x) => [x.indicators, x.message.split(". Quy tắc")[0]])).toEqual([
      [
        ["ctkp-yeu-cau-cap-phep", "cong-trinh-khong-phep"],
        "“Yêu cầu chủ đầu tư cấp bổ sung giấy phép” (40) vượt quá “Công trình xây dựng không phép” (38)",
      ],
    ]);
    expect(
      checkRules([WORKS], values({ "ctkp-yeu-cau-cap-phep": "30", "cong-trinh-khong-phep": "38" }), NAMES),
    ).toEqual([]);
  });

  it("ignores malformed values (they have their own field error) and falls back to codes without names", () => {
    expect(
      checkRules(
        [WORKS],
        values({ "ctkp-yeu-cau-cap-phep": "abc", "ctkp-dinh-chi": "1", "cong-trinh-khong-phep": "38" }),
        NAMES,
      ),
    ).toEqual([]);
    const [v] = checkRules([WORKS], values({ "ctkp-dinh-chi": "2.5", "cong-trinh-khong-phep": "1" }), new Map());
    expect(v.message).toMatch(/^“ctkp-dinh-chi” \(2,5\) vượt quá “cong-trinh-khong-phep” \(1\)\./);
  });

  it("does not depend on the order of the left indicators", () => {
    const codes = ["a", "b", "c", "d", "e"];
    const value = fc.option(fc.bigInt({ min: 0n, max: 1_000_000n }).map(fromScaled), { nil: null });
    const leftAndPermutation = fc
      .shuffledSubarray(codes, { minLength: 1 })
      .chain((l) => fc.tuple(fc.constant(l), fc.shuffledSubarray(l, { minLength: l.length, maxLength: l.length })));
    const norm = (rs: ReturnType<typeof checkRules>) =>
      rs.map((r) => ({
        rule: r.rule,
        indicators: [...r.indicators].sort(),
        sum: r.message.match(/= ([\d.,]+) vượt/)?.[1],
      }));
    fc.assert(
      fc.property(
        leftAndPermutation,
        fc.constantFrom("r", ...codes),
        fc.array(value, { minLength: 6, maxLength: 6 }),
        ([l, permuted], right, vs) => {
          const map = new Map([...codes, "r"].map((c, i) => [c, vs[i]]));
          const rule: Rule = { code: "x", kind: "SUM_AT_MOST", left: l, right, description: "" };
          expect(norm(checkRules([{ ...rule, left: permuted }], map, NAMES))).toEqual(
            norm(checkRules([rule], map, NAMES)),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});
