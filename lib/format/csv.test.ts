import { describe, expect, it } from "vitest";
import { BOM, csvNumber, fileSlug, toCsv } from "./csv";

describe("toCsv", () => {
  it("starts with a BOM, separates with ';' and ends lines with CRLF", () => {
    const csv = toCsv(["Năm", "Giá trị"], [[2019, csvNumber("1691")]]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1)).toBe("Năm;Giá trị\r\n2019;1.691\r\n");
  });

  it("writes figures the Vietnamese way, exactly (a decimal comma is quoted, as in the entry CSV)", () => {
    const line = (cells: (string | number)[]) => toCsv(["a"], [cells]).slice(1).split("\r\n")[1];
    expect(line([csvNumber("1691"), csvNumber("305000000"), csvNumber("99.3")])).toBe('1.691;305.000.000;"99,3"');
    expect(line([csvNumber("10934000000.25"), 2.5])).toBe('"10.934.000.000,25";"2,5"');
  });

  it("quotes separators, quotes and line breaks, and leaves empty cells empty", () => {
    const csv = toCsv(["a", "b", "c", "d"], [['Tổ 22; "Xanh"', null, "x\ny", "Báo cáo, 05/11/2019"]]);
    expect(csv.slice(1).split("\r\n")[1]).toBe('"Tổ 22; ""Xanh""";;"x\ny";"Báo cáo, 05/11/2019"');
  });

  it("keeps text a spreadsheet would evaluate as text, and numbers as numbers", () => {
    const row = (v: string) =>
      toCsv(["a"], [[v]])
        .slice(1)
        .split("\r\n")[1];
    expect(row('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(row("+1+1")).toBe("'+1+1");
    expect(row("-2+3")).toBe("'-2+3");
    expect(row("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(row("-A1")).toBe("'-A1");
    expect(row("-cmd|' /C calc'!A0")).toBe("'-cmd|' /C calc'!A0");
    expect(row("+SUM(1;2)")).toBe(`"'+SUM(1;2)"`);
    expect(row("- 3 hộ")).toBe("'- 3 hộ");
    expect(row("-2 +3")).toBe("'-2 +3");
    expect(row("\tx")).toBe("'\tx");
    expect(row("-12,5")).toBe('"-12,5"');
    expect(row("-1.234")).toBe("-1.234");
    expect(row(">1.691")).toBe(">1.691");
  });

  it("writes a note starting with a dash and words as it is, with no visible apostrophe", () => {
    const row = (v: string) =>
      toCsv(["a"], [[v]])
        .slice(1)
        .split("\r\n")[1];
    expect(row("- đã kiểm tra")).toBe("- đã kiểm tra");
    expect(row("-đã bàn giao mặt bằng")).toBe("-đã bàn giao mặt bằng");
    expect(row("+ thêm hộ Nguyễn Văn A")).toBe("+ thêm hộ Nguyễn Văn A");
  });
});

describe("fileSlug", () => {
  it("drops diacritics for file names", () => {
    expect(fileSlug("Vi phạm trật tự đô thị – Đường 25m")).toBe("vi-pham-trat-tu-do-thi-duong-25m");
  });
});
