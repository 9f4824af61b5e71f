import { describe, expect, it } from "vitest";
import { sectionBreakdowns, type BreakdownInput } from "./breakdowns";

const ind = (
  code: string,
  categories: Record<string, string> = {},
  parentCode: string | null = null,
): BreakdownInput => ({
  code,
  name: code,
  parentCode,
  categories,
  figure: { basis: "reported", value: "1", qualifier: "EXACT" },
  isDemo: false,
});

describe("sectionBreakdowns", () => {
  it("breaks an indicator down into its category sub-rows", () => {
    const b = sectionBreakdowns([
      ind("vi-pham"),
      ind("qc", { loai: "qc" }, "vi-pham"),
      ind("mai-che", { loai: "mc" }, "vi-pham"),
      ind("khac"),
    ]);
    expect(b).toHaveLength(1);
    expect(b[0]).toMatchObject({ kind: "children", parent: { code: "vi-pham" } });
    expect(b[0].cells.map((c) => c.indicator.code)).toEqual(["qc", "mai-che"]);
  });

  it("compares sibling indicators tagged along one dimension", () => {
    const b = sectionBreakdowns([
      ind("co", { giay_phep: "co_phep" }),
      ind("khong", { giay_phep: "khong_phep" }),
      ind("thue"),
    ]);
    expect(b).toEqual([expect.objectContaining({ kind: "dimension", dimension: "giay_phep" })]);
    expect(b[0].cells).toHaveLength(2);
  });

  it("cross-tabulates two dimensions (inspections: object × reason)", () => {
    const b = sectionBreakdowns([
      ind("a", { doi_tuong: "chi_bo", hinh_thuc: "chuyen_de" }),
      ind("b", { doi_tuong: "dang_vien", hinh_thuc: "chuyen_de" }),
      ind("c", { doi_tuong: "chi_bo", hinh_thuc: "dau_hieu" }),
      ind("d", { doi_tuong: "dang_vien", hinh_thuc: "dau_hieu" }),
    ]);
    expect(b).toHaveLength(1);
    expect(b[0]).toMatchObject({
      kind: "matrix",
      rowValues: ["chi_bo", "dang_vien"],
      columnValues: ["chuyen_de", "dau_hieu"],
    });
  });

  it("makes nothing of a lone tagged indicator", () => {
    expect(sectionBreakdowns([ind("a", { giay_phep: "co_phep" }), ind("b")])).toEqual([]);
  });
});
