import { describe, expect, it } from "vitest";
import { axisScale } from "./axis";

const labels = (s: ReturnType<typeof axisScale>) => s.ticks.map(s.label);

describe("chart value axis", () => {
  it("gives counts whole-number ticks only", () => {
    for (const max of [1, 2, 3, 5, 7, 13, 38, 176, 1691]) {
      const s = axisScale({ values: [0, max], valueType: "COUNT", unit: "chi bộ" });
      expect(s.ticks.every(Number.isInteger), `max ${max}: ${s.ticks}`).toBe(true);
      expect(s.ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(new Set(s.ticks).size).toBe(s.ticks.length);
    }
    expect(labels(axisScale({ values: [1, 0, 1], valueType: "COUNT", unit: "chi bộ" }))).toEqual(["0", "1"]);
    expect(labels(axisScale({ values: [3, 2], valueType: "COUNT", unit: "cuộc" }))).toEqual(["0", "1", "2", "3"]);
    expect(axisScale({ values: [3], valueType: "COUNT", unit: "cuộc" }).title).toBe("cuộc");
  });

  it("writes a money axis in one unit named in its title, every tick exact in that unit", () => {
    const s = axisScale({ values: [950_000, 1_900_000, 2_850_000], valueType: "MONEY", unit: "đồng" });
    expect(s.title).toBe("triệu đồng");
    expect(labels(s)).toEqual(["0", "1", "2", "3"]);
    // a tick label stands for exactly its tick: "2,5" on a triệu axis is 2.500.000
    const half = axisScale({ values: [950_000, 1_900_000], valueType: "MONEY", unit: "đồng" });
    expect(labels(half)).toEqual(["0", "0,5", "1", "1,5", "2"]);
    expect(half.ticks).toEqual([0, 500_000, 1_000_000, 1_500_000, 2_000_000]);
    const big = axisScale({ values: [10_934_000_000], valueType: "MONEY", unit: "đồng" });
    expect(big.title).toBe("tỷ đồng");
    expect(labels(big).every((l) => !/tr|tỷ/.test(l))).toBe(true);
    expect(axisScale({ values: [305_000], valueType: "MONEY", unit: "đồng" }).title).toBe("nghìn đồng");
  });

  it("never gives a label wider than the axis", () => {
    const s = axisScale({ values: [950_000], valueType: "MONEY", unit: "đồng" });
    for (const l of labels(s)) expect(l.length * 7.5 + 8).toBeLessThanOrEqual(s.width);
    const wide = axisScale({ values: [123_456], valueType: "COUNT", unit: "người" });
    expect(labels(wide).at(-1)).toBe("150.000");
    expect(wide.width).toBeGreaterThanOrEqual(7 * 7.5 + 8);
  });

  it("makes room for a target above the values, and reads rates in %", () => {
    const s = axisScale({ values: [80, 96.8], references: [100], valueType: "PERCENT", unit: "%" });
    expect(s.domain[1]).toBeGreaterThanOrEqual(100);
    expect(s.title).toBe("%");
    expect(labels(s)).toEqual(["0", "25", "50", "75", "100"]);
  });

  it("draws an all-zero chart on a 0–1 axis and says it is all zero", () => {
    const s = axisScale({ values: [0, 0, 0], references: [0], valueType: "COUNT", unit: "hồ sơ" });
    expect(s.allZero).toBe(true);
    expect(s.ticks).toEqual([0, 1]);
    expect(axisScale({ values: [0, 2], valueType: "COUNT", unit: "hồ sơ" }).allZero).toBe(false);
  });

  it("reads yes/no as Đạt", () => {
    const s = axisScale({ values: [1, 0, 1], valueType: "BOOLEAN", unit: "đạt" });
    expect(labels(s)).toEqual(["", "Đạt"]);
    expect(s.title).toBe("");
  });
});
