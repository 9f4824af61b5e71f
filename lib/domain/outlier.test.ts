import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromScaled } from "./decimal";
import { checkOutlier } from "./outlier";

const flagged = (value: string, history: string[]) => checkOutlier(value, history).outlier;

describe("checkOutlier", () => {
  it("flags a value far outside the ward's earlier years, asking to confirm and note why", () => {
    expect(checkOutlier("9000", ["120", "150", "180"])).toEqual({
      outlier: true,
      message:
        "Giá trị 9.000 khác xa các năm trước (120–180). Hãy kiểm tra lại; nếu đúng, đánh dấu xác nhận và ghi chú lý do.",
    });
    expect(flagged("16910", ["330", "350", "340", "320"])).toBe(true); // an extra zero
    expect(flagged("35", ["330", "350", "340", "320"])).toBe(true); // a missing digit
    expect(flagged("9", ["90", "91", "92"])).toBe(true); // a rate missing a digit
  });

  it("does not flag ordinary change", () => {
    expect(flagged("250", ["120", "150", "180"])).toBe(false);
    expect(flagged("60", ["120", "150", "180"])).toBe(false);
    expect(flagged("95", ["100", "100", "100"])).toBe(false);
    expect(flagged("300", ["100", "100", "100"])).toBe(false); // within 3 × the highest year
  });

  it("needs at least three earlier years", () => {
    expect(checkOutlier("9000", [])).toEqual({ outlier: false });
    expect(flagged("9000", ["120"])).toBe(false);
    expect(flagged("9000", ["120", "150"])).toBe(false);
    expect(flagged("9000", ["120", "abc", "150"])).toBe(false); // malformed history does not count
  });

  it("copes with a steady or all-zero history", () => {
    expect(flagged("2", ["0", "0", "0"])).toBe(false); // a couple of late files is not a slip
    expect(flagged("5", ["0", "0", "0"])).toBe(false);
    expect(flagged("6", ["0", "0", "0"])).toBe(true);
    expect(flagged("301", ["100", "100", "100"])).toBe(true);
    expect(checkOutlier("500", ["100", "100", "100"]).message).toMatch(/^Giá trị 500 khác xa các năm trước \(100\)\./);
  });

  it("catches the five-year total typed into one year", () => {
    expect(flagged("120000000", ["61000000", "60000000", "62000000"])).toBe(false);
    expect(flagged("305000000", ["61000000", "60000000", "62000000"])).toBe(true);
  });

  it("writes decimals the Vietnamese way", () => {
    expect(checkOutlier("900.5", ["90.5", "91.25", "92"]).message).toMatch(
      /^Giá trị 900,5 khác xa các năm trước \(90,5–92\)/,
    );
  });

  it("never flags a value inside the history's range", () => {
    const scaled = fc.oneof(fc.bigInt({ min: 0n, max: 10_000_000n }), fc.bigInt({ min: 0n, max: 10n ** 24n - 1n }));
    fc.assert(
      fc.property(
        fc.array(scaled, { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (hist, at) => {
          const min = hist.reduce((a, b) => (a < b ? a : b));
          const max = hist.reduce((a, b) => (a > b ? a : b));
          const inside = min + ((max - min) * BigInt(Math.floor(at * 1000))) / 1000n;
          expect(checkOutlier(fromScaled(inside), hist.map(fromScaled)).outlier).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("never flags anything with fewer than three earlier years", () => {
    const v = fc.bigInt({ min: 0n, max: 10n ** 12n }).map(fromScaled);
    fc.assert(
      fc.property(v, fc.array(v, { maxLength: 2 }), (x, hist) => {
        expect(checkOutlier(x, hist).outlier).toBe(false);
      }),
    );
  });
});
