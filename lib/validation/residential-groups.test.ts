import { describe, expect, it } from "vitest";
import { groupNumberSchema, residentialGroupsQuerySchema } from "./residential-groups";

describe("residential-groups URL parameters", () => {
  it("reads indicator, year and term, each optional", () => {
    expect(residentialGroupsQuerySchema.parse({})).toEqual({});
    expect(residentialGroupsQuerySchema.parse({ indicator: "tdp-van-hoa", year: "2018", term: "2015-2020" })).toEqual({
      indicator: "tdp-van-hoa",
      year: 2018,
      term: "2015-2020",
    });
  });
  it("refuses malformed or repeated values", () => {
    expect(residentialGroupsQuerySchema.safeParse({ year: "18" }).success).toBe(false);
    expect(residentialGroupsQuerySchema.safeParse({ year: ["2018", "2019"] }).success).toBe(false);
    expect(residentialGroupsQuerySchema.safeParse({ indicator: "Tổ 22" }).success).toBe(false);
    expect(residentialGroupsQuerySchema.safeParse({ term: "2015" }).success).toBe(false);
  });
  it("reads a group number without leading zeros", () => {
    expect(groupNumberSchema.parse("22")).toBe(22);
    for (const bad of ["0", "022", "abc", "-1", "1.5", "12345"])
      expect(groupNumberSchema.safeParse(bad).success).toBe(false);
  });
});
