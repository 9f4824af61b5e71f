import { describe, expect, it } from "vitest";
import { viFold } from "./vi-fold";

describe("viFold", () => {
  it("drops tones, vowel marks and case", () => {
    expect(viFold("Ngọc Thụy")).toBe("ngoc thuy");
    expect(viFold("PHƯỜNG ĐỨC GIANG")).toBe("phuong duc giang");
    expect(viFold("Thượng Thanh")).toBe("thuong thanh");
  });

  it("leaves text without diacritics as it is, lower-cased", () => {
    expect(viFold("Tổ 12A")).toBe("to 12a");
    expect(viFold("abc 123")).toBe("abc 123");
  });
});
