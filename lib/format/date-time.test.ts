import { describe, expect, it } from "vitest";
import { formatDateTime } from "./date-time";

describe("formatDateTime", () => {
  it("reads a moment in Hà Nội time as dd/mm/yyyy hh:mm", () => {
    expect(formatDateTime("2020-03-05T01:07:00Z")).toBe("05/03/2020 08:07");
    expect(formatDateTime(new Date("2019-12-31T17:30:00Z"))).toBe("01/01/2020 00:30");
  });
});
