import { describe, expect, it } from "vitest";
import { formatChange } from "./change";

const nb = (s: string) => s.replace(/\u00a0/g, " ");

describe("year-on-year change", () => {
  it("signs the difference and keeps the unit, rates in percentage points", () => {
    expect(nb(formatChange("2", "COUNT", "trường hợp"))).toBe("+2 trường hợp");
    expect(nb(formatChange("-1900000", "MONEY", "đồng"))).toBe("−1.900.000 đ");
    expect(nb(formatChange("1.7", "PERCENT", "%"))).toBe("+1,7 điểm %");
    expect(formatChange("0", "COUNT", "cuộc")).toBe("Không đổi");
    expect(formatChange("0.04", "PERCENT", "%")).toBe("Không đổi");
  });
});
