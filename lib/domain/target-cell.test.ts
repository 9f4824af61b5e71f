import { describe, expect, it } from "vitest";
import { formatTargetCell, parseTargetCell } from "./target-cell";

const count = { valueType: "COUNT", direction: "HIGHER_IS_BETTER" } as const;
const rate = { valueType: "PERCENT", direction: "LOWER_IS_BETTER" } as const;

describe("parseTargetCell", () => {
  it("reads a sign, 'trên' and a Vietnamese number", () => {
    expect(parseTargetCell("≥ 1.691", count)).toEqual({
      ok: true,
      target: { comparison: "GTE", value: "1691", qualifier: "EXACT" },
    });
    expect(parseTargetCell(">= 90,5", { ...rate, valueType: "PERCENT" })).toEqual({
      ok: true,
      target: { comparison: "GTE", value: "90.5", qualifier: "EXACT" },
    });
    expect(parseTargetCell("trên 500", count)).toEqual({
      ok: true,
      target: { comparison: "GT", value: "500", qualifier: "MORE_THAN" },
    });
    expect(parseTargetCell("< 3", count)).toMatchObject({ target: { comparison: "LT" } });
    expect(parseTargetCell("= 0", count)).toMatchObject({ target: { comparison: "EQ", value: "0" } });
  });

  it("takes the comparison from the direction when none is typed; empty is no target", () => {
    expect(parseTargetCell("2", rate)).toMatchObject({ target: { comparison: "LTE", value: "2" } });
    expect(parseTargetCell("12", count)).toMatchObject({ target: { comparison: "GTE" } });
    expect(parseTargetCell("  ", count)).toEqual({ ok: true, target: null });
  });

  it("refuses what is not a number, in Vietnamese", () => {
    expect(parseTargetCell("≥ mười", count)).toEqual({
      ok: false,
      message: "Chỉ nhập chữ số, ví dụ 1.691 hoặc 90,5; không nhập chữ.",
    });
    expect(parseTargetCell("≥", count)).toEqual({ ok: false, message: "Sau dấu so sánh còn thiếu số." });
    expect(parseTargetCell("1,5", count).ok).toBe(false);
  });

  it("formats a stored target so that it reads back the same", () => {
    for (const t of [
      { comparison: "GTE", value: "1691", qualifier: "EXACT" },
      { comparison: "GT", value: "500", qualifier: "MORE_THAN" },
      { comparison: "LTE", value: "0", qualifier: "EXACT" },
    ] as const) {
      const text = formatTargetCell(t, "COUNT");
      expect(parseTargetCell(text, count)).toEqual({ ok: true, target: t });
    }
    expect(formatTargetCell({ comparison: "GTE", value: "1691", qualifier: "EXACT" }, "COUNT")).toBe("≥ 1.691");
  });
});
