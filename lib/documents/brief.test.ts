import { describe, expect, it } from "vitest";
import { buildBrief, changeText, targetWords, type BriefIndicatorInput } from "./brief";

const base: BriefIndicatorInput = {
  code: "x",
  name: "Trường hợp vi phạm bị xử phạt",
  unit: "trường hợp",
  valueType: "COUNT",
  direction: "HIGHER_IS_BETTER",
  figure: {
    value: "120",
    qualifier: "EXACT",
    source: { kind: "ENTRY", title: "Số liệu phường nhập", issuedOn: null },
    approved: true,
  },
  previous: { value: "100", qualifier: "EXACT", source: { kind: "ENTRY", title: "", issuedOn: null }, approved: true },
  target: { comparison: "GTE", value: "100", isDemo: false },
  pendingApproval: false,
  confirmedOutlier: false,
};

describe("brief", () => {
  it("writes targets in words the embedded font has", () => {
    expect(targetWords({ comparison: "GTE", value: "90" }, "PERCENT", "%")).toBe("từ 90%");
    expect(targetWords({ comparison: "LTE", value: "0" }, "COUNT", "hồ sơ")).toBe("tối đa 0 hồ sơ");
    expect(targetWords({ comparison: "GTE", value: "10000000000" }, "MONEY", "đồng")).toBe("từ 10 tỷ đồng");
  });

  it("states the change against the year before only when both figures are exact", () => {
    expect(changeText(base)).toBe("+20 trường hợp");
    expect(
      changeText({
        ...base,
        figure: { ...base.figure!, value: "93.5" },
        previous: { ...base.previous!, value: "95.1" },
        valueType: "PERCENT",
      }),
    ).toBe("−1,6 điểm %");
    expect(changeText({ ...base, previous: { ...base.previous!, qualifier: "MORE_THAN" } })).toBe("—");
    expect(changeText({ ...base, previous: null })).toBe("—");
  });

  it("flags missing, unapproved, confirmed outliers and late programmes, and ranks against targets", () => {
    const brief = buildBrief({
      ward: { name: "Phường Ngọc Thụy" },
      period: { kind: "YEAR", year: 2019 },
      dueOn: "2020-01-15",
      now: new Date("2020-02-01T00:00:00Z"),
      programmes: [
        {
          code: "03-CTr/QU",
          title: "…",
          state: "DRAFT",
          indicators: [
            { ...base, code: "a", confirmedOutlier: true },
            { ...base, code: "b", figure: null, pendingApproval: true },
            { ...base, code: "c", figure: { ...base.figure!, value: "50" } },
          ],
        },
      ],
    });
    const [p] = brief.programmes;
    expect(p.late).toBe(true);
    expect(p.rows[0].flags).toEqual(["khác xa các năm trước (đã xác nhận)", "trễ hạn"]);
    expect(p.rows[1].flags).toEqual(["thiếu số liệu", "chưa duyệt", "trễ hạn"]);
    expect(brief.ahead.map((r) => r.code)).toEqual(["a"]);
    expect(brief.behind.map((r) => r.code)).toEqual(["c"]);
    expect(p.rows[2].statusLabel).toBe("Chưa đạt");
  });

  it("says why a term's change is missing, and marks a draft's figures not approved", () => {
    expect(changeText({ ...base, previous: null, previousMissing: "không có nhiệm kỳ trước" })).toBe(
      "— (không có nhiệm kỳ trước)",
    );
    const brief = buildBrief({
      ward: { name: "Phường Ngọc Thụy" },
      period: { kind: "YEAR", year: 2019 },
      dueOn: null,
      now: new Date("2020-02-01T00:00:00Z"),
      draft: true,
      programmes: [
        {
          code: "03-CTr/QU",
          title: "…",
          state: "DRAFT",
          indicators: [{ ...base, figure: { ...base.figure!, approved: false }, pendingApproval: true }],
        },
      ],
    });
    expect(brief.draft).toBe(true);
    expect(brief.programmes[0].rows[0]).toMatchObject({
      figure: "120 trường hợp (chưa duyệt)",
      source: "Phường nhập, chưa duyệt",
    });
    expect(brief.notes[0]).toContain("Bản dự thảo");
  });
});
