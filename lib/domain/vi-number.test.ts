import { describe, expect, it } from "vitest";
import { fromScaled, toScaled } from "./decimal";
import { formatViInput, parseViNumber } from "./vi-number";
import type { ValueType } from "./enums";

const value = (input: string, t: ValueType) => {
  const r = parseViNumber(input, t);
  return r.ok ? r.value : `ERR ${r.message}`;
};
const message = (input: string, t: ValueType) => {
  const r = parseViNumber(input, t);
  if (r.ok) throw new Error(`"${input}" was accepted as ${r.value}`);
  return r.message;
};

describe("parseViNumber accepts the Vietnamese format", () => {
  it.each<[string, ValueType, string]>([
    ["1.691", "COUNT", "1691"],
    ["1691", "COUNT", "1691"],
    ["305.000.000", "MONEY", "305000000"],
    ["90,5", "PERCENT", "90.5"],
    ["90,5", "DECIMAL", "90.5"],
    ["0", "COUNT", "0"],
    ["0", "PERCENT", "0"],
    ["  1.691  ", "COUNT", "1691"],
    ["\t1691\n", "COUNT", "1691"],
    ["90,5%", "PERCENT", "90.5"],
    ["90,5 %", "PERCENT", "90.5"],
    ["100%", "PERCENT", "100"],
    ["305.000.000đ", "MONEY", "305000000"],
    ["305.000.000 đ", "MONEY", "305000000"],
    ["305.000.000 đồng", "MONEY", "305000000"],
    ["305.000.000 Đồng", "MONEY", "305000000"],
    ["305.000.000\u00a0₫", "MONEY", "305000000"],
    ["305.000.000 VNĐ", "MONEY", "305000000"],
    ["305.000.000 VND", "MONEY", "305000000"], // ASCII, as typed without Vietnamese input
    ["305.000.000vnd", "MONEY", "305000000"],
    ["1 691", "COUNT", "1691"],
    ["1\u00a0691", "COUNT", "1691"], // no-break space (Excel, French/Vietnamese locales)
    ["1\u202f691", "COUNT", "1691"], // narrow no-break space
    ["1\u2009691", "DECIMAL", "1691"], // thin space
    ["10\u00a0934\u00a0000\u00a0000", "MONEY", "10934000000"],
    ["860,25", "DECIMAL", "860.25"],
    ["1.234,5678", "DECIMAL", "1234.5678"],
    ["90,50", "PERCENT", "90.5"], // trailing zeros of the decimals dropped
    ["5,0", "DECIMAL", "5"],
    ["007", "COUNT", "7"],
    [",5", "DECIMAL", "0.5"],
    ["99.999.999.999.999.999.999", "DECIMAL", "99999999999999999999"], // 20 digits: NUMERIC(24,4)
  ])("%j as %s → %s", (input, t, expected) => {
    expect(value(input, t)).toBe(expected);
  });

  it("reads the same word whether typed precomposed or with combining marks", () => {
    expect(value("305.000 đồng".normalize("NFD"), "MONEY")).toBe("305000");
    expect(value("chưa đạt".normalize("NFD"), "BOOLEAN")).toBe("0");
  });
});

describe("parseViNumber: the ambiguity rule ('.' groups thousands, ',' is the decimal mark)", () => {
  it("refuses a comma in whole types, showing the grouped form instead", () => {
    expect(message("1,691", "COUNT")).toBe("Số đếm phải là số nguyên; dùng dấu chấm để phân cách hàng nghìn (1.691).");
    expect(message("305,000,000", "MONEY")).toBe(
      "Số tiền phải là số đồng nguyên; dùng dấu chấm để phân cách hàng nghìn (305.000.000).",
    );
    expect(message("12,5", "COUNT")).toMatch(/^Số đếm phải là số nguyên/);
  });

  it("reads '1,691' as one point six nine one for percentages and decimals", () => {
    expect(value("1,691", "PERCENT")).toBe("1.691");
    expect(value("1,691", "DECIMAL")).toBe("1.691");
  });

  it("refuses a dot not followed by groups of three digits (an English decimal point)", () => {
    expect(message("1.5", "DECIMAL")).toBe("Dùng dấu phẩy cho phần thập phân (1,5).");
    expect(message("1.5", "PERCENT")).toBe("Dùng dấu phẩy cho phần thập phân (1,5).");
    expect(message("1.69", "DECIMAL")).toBe("Dùng dấu phẩy cho phần thập phân (1,69).");
    expect(message("1.6910", "DECIMAL")).toBe("Dùng dấu phẩy cho phần thập phân (1,6910).");
    expect(message("0.691", "DECIMAL")).toBe("Dùng dấu phẩy cho phần thập phân (0,691).");
    expect(message("1.69", "COUNT")).toBe("Số đếm phải là số nguyên; dùng dấu chấm để phân cách hàng nghìn (1.691).");
  });

  it("refuses English-formatted numbers with their Vietnamese spelling", () => {
    expect(message("1,691.5", "DECIMAL")).toBe(
      "Viết theo kiểu tiếng Anh? Dùng dấu chấm phân cách hàng nghìn, dấu phẩy cho phần thập phân: 1.691,5.",
    );
    expect(message("1,691.5", "COUNT")).toMatch(/^Số đếm phải là số nguyên/);
  });

  it("refuses misplaced or mixed separators", () => {
    expect(message("1.691,5.2", "DECIMAL")).toBe("Sau dấu phẩy thập phân chỉ có chữ số, ví dụ 1.691,5.");
    expect(message("12,34,5", "DECIMAL")).toBe("Chỉ được có một dấu phẩy (phần thập phân), ví dụ 1.691,5.");
    expect(message("1.69.000", "COUNT")).toMatch(/^Dấu phân cách hàng nghìn đặt sai/);
    expect(message("1..691", "COUNT")).toMatch(/^Dấu phân cách hàng nghìn đặt sai/);
    expect(message("1.691.", "COUNT")).toMatch(/^Dấu phân cách hàng nghìn đặt sai/);
    expect(message("1 691.000", "COUNT")).toMatch(/^Dấu phân cách hàng nghìn đặt sai/);
    expect(message("16 91", "COUNT")).toMatch(/^Dấu phân cách hàng nghìn đặt sai/);
    expect(message("90,", "DECIMAL")).toBe("Thiếu chữ số sau dấu phẩy.");
  });
});

describe("parseViNumber refuses what is not a figure", () => {
  it("returns a distinct result for empty input (the caller decides: the form clears the value)", () => {
    for (const input of ["", "   ", "\u00a0"])
      expect(parseViNumber(input, "COUNT")).toEqual({ ok: false, empty: true, message: "Chưa nhập giá trị." });
    expect(parseViNumber("abc", "COUNT")).toMatchObject({ ok: false, empty: false });
  });

  it.each<[string, ValueType, RegExp]>([
    ["abc", "COUNT", /không nhập chữ/],
    ["12a", "COUNT", /không nhập chữ/],
    ["1e5", "DECIMAL", /không nhập chữ/],
    ["-5", "COUNT", /^Không nhập số âm\.$/],
    ["−5", "DECIMAL", /^Không nhập số âm\.$/], // Unicode minus
    ["- 1.691", "MONEY", /^Không nhập số âm\.$/],
    ["trên 500", "COUNT", /“trên”/],
    ["> 500", "COUNT", /“trên”/],
    ["10 tỷ 934 triệu", "MONEY", /“tỷ”, “triệu”/],
    ["90%", "COUNT", /không tính bằng %/],
    ["5 đ", "COUNT", /không tính bằng tiền/],
    ["+5", "COUNT", /Ký tự không hợp lệ “\+”/],
    ["1/2", "DECIMAL", /Ký tự không hợp lệ “\/”/],
    ["%", "PERCENT", /^Chưa nhập số\.$/],
    ["100,5", "PERCENT", /^Tỷ lệ phải từ 0 đến 100 %\.$/],
    ["1.691", "PERCENT", /^Tỷ lệ phải từ 0 đến 100 %\.$/],
    ["1,23456", "DECIMAL", /^Tối đa 4 chữ số thập phân\.$/],
    ["123456789012345678901", "DECIMAL", /^Số quá lớn: tối đa 20 chữ số phần nguyên\.$/],
  ])("%j as %s", (input, t, expected) => {
    expect(message(input, t)).toMatch(expected);
  });
});

describe("parseViNumber for achieved / not achieved", () => {
  it.each(["có", "Có", "đạt", "Đạt", "1", "x", "X", " đạt "])("%j → 1", (input) =>
    expect(value(input, "BOOLEAN")).toBe("1"),
  );
  it.each(["không", "Không", "chưa đạt", "Chưa  đạt", "không đạt", "0"])("%j → 0", (input) =>
    expect(value(input, "BOOLEAN")).toBe("0"),
  );
  it.each(["2", "0,5", "yes", "đ"])("%j is refused", (input) =>
    expect(message(input, "BOOLEAN")).toMatch(/^Nhập “đạt”/),
  );
});

describe("formatViInput", () => {
  it.each<[string, ValueType, string]>([
    ["1691", "COUNT", "1.691"],
    ["305000000", "MONEY", "305.000.000"],
    ["10934000000", "MONEY", "10.934.000.000"],
    ["90.5", "PERCENT", "90,5"],
    ["90.5000", "PERCENT", "90,5"],
    ["1234.5678", "DECIMAL", "1.234,5678"],
    ["0", "COUNT", "0"],
    ["1", "BOOLEAN", "Đạt"],
    ["0", "BOOLEAN", "Chưa đạt"],
  ])("%j (%s) → %j", (stored, t, shown) => {
    expect(formatViInput(stored, t)).toBe(shown);
    expect(value(shown, t)).toBe(fromScaled(toScaled(stored))); // reads back as the canonical value
  });
});
