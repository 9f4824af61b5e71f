import { describe, expect, it } from "vitest";
import { termFigure, yearsFigureIfDifferent } from "./term-figure";
import { divideScaled, fromScaled, toScaled } from "./decimal";

const years = (...values: string[]) => values.map((value, i) => ({ year: 2015 + i, value }));

describe("exact decimals", () => {
  it("round-trips decimal strings", () => {
    for (const s of ["0", "161", "90.5", "10934000000", "0.0001", "12345678901234567890.1234"])
      expect(fromScaled(toScaled(s))).toBe(s);
  });
  it("refuses what is not a plain decimal", () => {
    expect(() => toScaled("1.691,5")).toThrow();
    expect(() => toScaled("1e5")).toThrow();
    expect(() => toScaled("0.00001")).toThrow();
  });
  it("rounds division half away from zero", () => {
    expect(divideScaled(5n, 2n)).toBe(3n);
    expect(divideScaled(-5n, 2n)).toBe(-3n);
    expect(divideScaled(4n, 3n)).toBe(1n);
  });
});

describe("term figure", () => {
  it("keeps a reported term figure as it stands, never recomputing it from years", () => {
    expect(termFigure("SUM", years("10", "20"), { value: "161" })).toEqual({
      basis: "reported",
      value: "161",
      qualifier: "EXACT",
    });
    expect(termFigure("AVERAGE", [], { value: "90", qualifier: "MORE_THAN" })).toEqual({
      basis: "reported",
      value: "90",
      qualifier: "MORE_THAN",
    });
  });

  it("has no figure without years or a reported total", () => {
    expect(termFigure("SUM", [])).toEqual({ basis: "none" });
  });

  it("sums counts and money exactly", () => {
    const f = termFigure("SUM", years("61000000", "62000000", "60500000", "59000000", "62500000"));
    expect(f).toMatchObject({ basis: "computed", value: "305000000", qualifier: "EXACT" });
    expect(termFigure("SUM", years("0.1", "0.2"))).toMatchObject({ value: "0.3" });
  });

  it("averages rates", () => {
    expect(termFigure("AVERAGE", years("90", "91", "92.5"))).toMatchObject({ value: "91.1667" });
  });

  it("takes the latest year whatever the order given", () => {
    const f = termFigure("LATEST", [
      { year: 2019, value: "38" },
      { year: 2015, value: "30" },
    ]);
    expect(f).toMatchObject({ value: "38", years: [2015, 2019] });
  });

  it("takes the maximum", () => {
    expect(termFigure("MAX", years("3", "9", "4"))).toMatchObject({ value: "9" });
  });

  it("counts the years achieved", () => {
    expect(termFigure("YEARS_ACHIEVED", years("1", "0", "1", "1", "0"))).toMatchObject({ value: "3" });
  });

  it("carries 'more than' into sums and onto the latest year", () => {
    expect(
      termFigure("SUM", [
        { year: 2015, value: "500", qualifier: "MORE_THAN" },
        { year: 2016, value: "10" },
      ]),
    ).toMatchObject({
      value: "510",
      qualifier: "MORE_THAN",
    });
    expect(
      termFigure("LATEST", [
        { year: 2015, value: "500", qualifier: "MORE_THAN" },
        { year: 2016, value: "600" },
      ]),
    ).toMatchObject({
      qualifier: "EXACT",
    });
  });

  it("carries a yearly 'more than' into an average", () => {
    expect(
      termFigure("AVERAGE", [
        { year: 2015, value: "90", qualifier: "MORE_THAN" },
        { year: 2016, value: "92" },
      ]),
    ).toMatchObject({
      value: "91",
      qualifier: "MORE_THAN",
    });
  });

  it("takes 'more than' into a maximum only from the years at the maximum", () => {
    expect(
      termFigure("MAX", [
        { year: 2015, value: "3", qualifier: "MORE_THAN" },
        { year: 2016, value: "9" },
      ]),
    ).toMatchObject({
      value: "9",
      qualifier: "EXACT",
    });
    expect(
      termFigure("MAX", [
        { year: 2015, value: "9", qualifier: "MORE_THAN" },
        { year: 2016, value: "3" },
      ]),
    ).toMatchObject({
      value: "9",
      qualifier: "MORE_THAN",
    });
  });
});

describe("years' figure beside the reported term figure", () => {
  const years = [
    { year: 2019, value: "900" },
    { year: 2020, value: "804" },
  ];
  it("is given when the approved years add up to something else than the report's term figure", () => {
    const beside = yearsFigureIfDifferent("SUM", years, { basis: "reported", value: "1691", qualifier: "EXACT" });
    expect(beside).toEqual({ basis: "computed", value: "1704", qualifier: "EXACT", years: [2019, 2020] });
  });
  it("is not given when they agree, or when the term figure is itself computed", () => {
    expect(yearsFigureIfDifferent("SUM", years, { basis: "reported", value: "1704.0", qualifier: "EXACT" })).toBeNull();
    expect(yearsFigureIfDifferent("SUM", years, termFigure("SUM", years))).toBeNull();
    expect(yearsFigureIfDifferent("SUM", [], { basis: "reported", value: "1691", qualifier: "EXACT" })).toBeNull();
  });
});
