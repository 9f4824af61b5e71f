import { describe, expect, it } from "vitest";
import { decimalToCellNumber, numberToDecimalString, shiftDecimal } from "./excel-number";

describe("numbers between cells and exact decimals", () => {
  it("takes whole and decimal cell numbers exactly, without float noise", () => {
    expect(numberToDecimalString(305000000)).toBe("305000000");
    expect(numberToDecimalString(90.5)).toBe("90.5");
    expect(numberToDecimalString(0.1 + 0.2)).toBe("0.3");
    expect(numberToDecimalString(10934000000)).toBe("10934000000");
    expect(numberToDecimalString(1e21)).toBe("1000000000000000000000");
    expect(numberToDecimalString(1.5e-7)).toBe("0.00000015");
    expect(numberToDecimalString(0)).toBe("0");
    expect(numberToDecimalString(Number.NaN)).toBeNull();
  });

  it("shifts a decimal by powers of ten (percent cells)", () => {
    expect(shiftDecimal("0.905", 2)).toBe("90.5");
    expect(shiftDecimal("1", 2)).toBe("100");
    expect(shiftDecimal("12.5", -3)).toBe("0.0125");
    expect(shiftDecimal("0", 2)).toBe("0");
  });

  it("writes a number only when it reads back as the same decimal", () => {
    expect(decimalToCellNumber("305000000")).toBe(305000000);
    expect(decimalToCellNumber("90.5")).toBe(90.5);
    expect(decimalToCellNumber("12345678901234567890")).toBeNull();
    expect(decimalToCellNumber("abc")).toBeNull();
  });
});
