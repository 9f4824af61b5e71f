import { describe, expect, it } from "vitest";
import { pngScale } from "./export";

describe("PNG export: a download is made, or the person is told why not", () => {
  it("draws a usual chart at twice its size", () => {
    expect(pngScale(900, 1100)).toEqual({ scale: 2 });
  });

  it("draws a tall chart at its own size when twice would pass the browser's canvas limit", () => {
    expect(pngScale(900, 12_000)).toEqual({ scale: 1 });
  });

  it("refuses with the reason a chart too large for any canvas (the 79.752 px chart of 3.321 bars)", () => {
    const r = pngScale(900, 79_752);
    expect(r).toHaveProperty("refusal");
    expect((r as { refusal: string }).refusal).toMatch(/quá lớn.*900 × 79\.752/);
    expect((r as { refusal: string }).refusal).toContain("Hãy tải SVG hoặc CSV");
  });

  it("refuses a chart that is not drawn (collapsed, no data)", () => {
    expect((pngScale(0, 0) as { refusal: string }).refusal).toContain("chưa hiển thị");
  });
});
