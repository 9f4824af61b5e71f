import { describe, expect, it } from "vitest";
import { targetStatus } from "./target-status";

const exact = (value: string) => ({ value, qualifier: "EXACT" as const });
const moreThan = (value: string) => ({ value, qualifier: "MORE_THAN" as const });
const higher = "HIGHER_IS_BETTER" as const;
const lower = "LOWER_IS_BETTER" as const;

describe("targetStatus", () => {
  it("without a target there is no status to give", () => {
    expect(targetStatus({ direction: higher, target: null, figure: exact("161") })).toBe("no-target");
  });

  it("without a figure the target is still open", () => {
    expect(targetStatus({ direction: higher, target: { comparison: "GTE", value: "90" }, figure: null })).toBe(
      "no-figure",
    );
  });

  it("≥ target, higher is better: below, equal, above", () => {
    const target = { comparison: "GTE" as const, value: "90" };
    expect(targetStatus({ direction: higher, target, figure: exact("89.9") })).toBe("not-met");
    expect(targetStatus({ direction: higher, target, figure: exact("90") })).toBe("met");
    expect(targetStatus({ direction: higher, target, figure: exact("92.5") })).toBe("exceeded");
  });

  it("≤ target, lower is better (late files, forced clearances)", () => {
    const target = { comparison: "LTE" as const, value: "0" };
    expect(targetStatus({ direction: lower, target, figure: exact("0") })).toBe("met");
    expect(targetStatus({ direction: lower, target, figure: exact("2") })).toBe("not-met");
    expect(targetStatus({ direction: lower, target: { comparison: "LTE", value: "5" }, figure: exact("2") })).toBe(
      "exceeded",
    );
  });

  it("strict targets: the target value itself misses > and <", () => {
    const above = { comparison: "GT" as const, value: "0" };
    expect(targetStatus({ direction: higher, target: above, figure: exact("0") })).toBe("not-met");
    expect(targetStatus({ direction: higher, target: above, figure: exact("1") })).toBe("exceeded");
    const below = { comparison: "LT" as const, value: "5" };
    expect(targetStatus({ direction: lower, target: below, figure: exact("5") })).toBe("not-met");
    expect(targetStatus({ direction: lower, target: below, figure: exact("4") })).toBe("exceeded");
  });

  it("a neutral indicator meets its target but never 'exceeds' it", () => {
    expect(
      targetStatus({ direction: "NEUTRAL", target: { comparison: "GTE", value: "10" }, figure: exact("15") }),
    ).toBe("met");
  });

  it("equality targets", () => {
    expect(targetStatus({ direction: higher, target: { comparison: "EQ", value: "100" }, figure: exact("100") })).toBe(
      "met",
    );
    expect(targetStatus({ direction: higher, target: { comparison: "EQ", value: "100" }, figure: exact("99") })).toBe(
      "not-met",
    );
  });

  it("respects the report's 'trên': more than 90 % meets ≥ 90 % and exceeds it", () => {
    expect(
      targetStatus({ direction: higher, target: { comparison: "GTE", value: "90" }, figure: moreThan("90") }),
    ).toBe("exceeded");
    expect(
      targetStatus({ direction: higher, target: { comparison: "GTE", value: "70" }, figure: moreThan("73") }),
    ).toBe("exceeded");
  });

  it("'more than' above a floor only meets it when higher is not better", () => {
    expect(
      targetStatus({ direction: "NEUTRAL", target: { comparison: "GTE", value: "10" }, figure: moreThan("15") }),
    ).toBe("met");
    expect(targetStatus({ direction: lower, target: { comparison: "GT", value: "10" }, figure: moreThan("10") })).toBe(
      "met",
    );
  });

  it("'more than 73 %' against ≥ 80 % cannot be decided", () => {
    expect(
      targetStatus({ direction: higher, target: { comparison: "GTE", value: "80" }, figure: moreThan("73") }),
    ).toBe("undecided");
  });

  it("'more than' a ceiling already misses it", () => {
    expect(
      targetStatus({ direction: lower, target: { comparison: "LTE", value: "300" }, figure: moreThan("300") }),
    ).toBe("not-met");
    expect(
      targetStatus({ direction: lower, target: { comparison: "LTE", value: "500" }, figure: moreThan("300") }),
    ).toBe("undecided");
  });
});
