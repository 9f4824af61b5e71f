import { describe, expect, it } from "vitest";
import { compareQuerySchema, parsePeriod, wardCompareQuerySchema } from "./compare";

describe("comparison URL parameters", () => {
  it("fills in the defaults", () => {
    expect(compareQuerySchema.parse({})).toEqual({ parent: "long-bien", period: "term", sort: "desc", per: "none" });
    expect(wardCompareQuerySchema.parse({})).toEqual({ ward: "ngoc-thuy", period: "term" });
  });

  it("accepts a view's parameters", () => {
    expect(
      compareQuerySchema.parse({
        parent: "long-bien",
        indicator: "xu-phat-vi-pham",
        period: "2019",
        sort: "asc",
        per: "capita",
        term: "2015-2020",
      }),
    ).toMatchObject({ indicator: "xu-phat-vi-pham", period: "2019", sort: "asc", per: "capita" });
    expect(wardCompareQuerySchema.parse({ ward: "ngoc-thuy", programme: "03-CTr-QU" }).programme).toBe("03-CTr-QU");
  });

  it("refuses malformed and repeated parameters", () => {
    for (const q of [
      { period: "20x9" },
      { period: "19" },
      { sort: "up" },
      { per: "dan" },
      { parent: "Long_Bien" },
      { indicator: ["a", "b"] },
      { term: "2015" },
    ])
      expect(compareQuerySchema.safeParse(q).success, JSON.stringify(q)).toBe(false);
    expect(wardCompareQuerySchema.safeParse({ programme: "03/CTr" }).success).toBe(false);
  });

  it("reads the period", () => {
    expect(parsePeriod("term")).toEqual({ kind: "TERM" });
    expect(parsePeriod("2019")).toEqual({ kind: "YEAR", year: 2019 });
  });
});
