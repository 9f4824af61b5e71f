import { describe, expect, it } from "vitest";
import { describeBasis } from "./figure-basis";

describe("describeBasis", () => {
  it("says when a figure is the source's own term total", () => {
    expect(describeBasis({ basis: "reported", value: "161", qualifier: "EXACT" }, "SUM")).toBe(
      "Số cả nhiệm kỳ theo nguồn",
    );
  });
  it("names the rule and the years it was computed from", () => {
    const years = [2015, 2016, 2017, 2018, 2019, 2020];
    expect(describeBasis({ basis: "computed", value: "1", qualifier: "EXACT", years }, "SUM")).toBe(
      "Tổng các năm 2015–2020",
    );
    expect(
      describeBasis({ basis: "computed", value: "1", qualifier: "EXACT", years: [2015, 2017, 2018] }, "YEARS_ACHIEVED"),
    ).toBe("Số năm đạt các năm 2015, 2017, 2018");
    expect(describeBasis({ basis: "computed", value: "1", qualifier: "EXACT", years }, "LATEST")).toBe(
      "Năm gần nhất có số liệu (2020)",
    );
    expect(describeBasis({ basis: "computed", value: "1", qualifier: "EXACT", years: [2019] }, "AVERAGE")).toBe(
      "Bình quân năm 2019",
    );
  });
  it("says when there is nothing yet", () => {
    expect(describeBasis({ basis: "none" }, "SUM")).toBe("Chưa có số liệu");
  });
});
