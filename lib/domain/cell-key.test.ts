import { describe, expect, it } from "vitest";
import { cellIdKey, cellKey, cellKeyOf, splitCellKey } from "./cell-key";

describe("cell key", () => {
  it("joins unit and indicator and splits back", () => {
    const key = cellKey("ngoc-thuy-to-1", "tdp-van-hoa");
    expect(key).toBe("ngoc-thuy-to-1:tdp-van-hoa");
    expect(splitCellKey(key)).toEqual(["ngoc-thuy-to-1", "tdp-van-hoa"]);
    expect(cellKeyOf({ unit: "ngoc-thuy-to-1", indicator: "tdp-van-hoa" })).toBe(key);
  });

  it("keys database rows by unit and indicator id", () => {
    expect(cellIdKey({ orgUnitId: 7, indicatorId: 12 })).not.toBe(cellIdKey({ orgUnitId: 12, indicatorId: 7 }));
  });
});
