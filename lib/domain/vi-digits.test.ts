import { describe, expect, it } from "vitest";
import { viDigits } from "./vi-digits";
import { formatNumber } from "@/lib/format/vi";

describe("viDigits, the one number formatter", () => {
  it("writes exact Vietnamese digits of any length", () => {
    expect(viDigits("1691")).toBe("1.691");
    expect(viDigits("90.5000")).toBe("90,5");
    expect(viDigits("-1234.5")).toBe("-1.234,5");
    expect(viDigits("12345678901234567890")).toBe("12.345.678.901.234.567.890");
  });

  it("rounds half away from zero when asked for at most n decimals, as formatNumber does", () => {
    expect(viDigits("73.68425", 4)).toBe("73,6843");
    expect(viDigits("-0.99995", 4)).toBe("-1");
    expect(viDigits("0.00004", 4)).toBe("0");
    expect(formatNumber("33.333333333")).toBe("33,3333");
    expect(formatNumber(String(0.1 + 0.2))).toBe("0,3");
  });

  it("refuses what is not a number", () => {
    expect(() => viDigits("12a")).toThrow();
  });
});
