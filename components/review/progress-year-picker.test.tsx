// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ProgressYearPicker } from "./progress-year-picker";

afterEach(cleanup);

const term = { slug: "2015-2020", name: "Nhiệm kỳ 2015–2020", startYear: 2015, endYear: 2020 };

/** The query string the browser sends for the picker's form. */
function sent(): string {
  const form = screen.getByRole("combobox", { name: /Năm/ }).closest("form")!;
  return new URLSearchParams(
    [...new FormData(form).entries()].map(([k, v]) => [k, String(v)] as [string, string]),
  ).toString();
}

describe("ProgressYearPicker", () => {
  it("keeps the search when the year changes, and starts again at the first page", () => {
    render(<ProgressYearPicker districtSlug="long-bien" year={2020} term={term} q="ngoc thuy" />);
    expect(sent()).toBe("district=long-bien&q=ngoc+thuy&year=2020");
  });

  it("sends no empty search", () => {
    render(<ProgressYearPicker districtSlug="long-bien" year={2019} term={term} />);
    expect(sent()).toBe("district=long-bien&year=2019");
  });
});
