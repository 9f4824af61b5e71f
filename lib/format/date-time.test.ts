import { describe, expect, it } from "vitest";
import { formatDateTime, todayInVietnam } from "./date-time";

describe("formatDateTime", () => {
  it("shows Vietnam time as dd/mm/yyyy hh:mm", () => {
    expect(formatDateTime("2019-11-05T07:30:00Z")).toBe("05/11/2019 14:30");
    // 17:05 UTC on 31/12 is already the new year in Vietnam
    expect(formatDateTime(new Date("2020-12-31T17:05:00Z"))).toBe("01/01/2021 00:05");
  });
  it("today in Vietnam", () => {
    expect(todayInVietnam(new Date("2021-03-31T16:59:00Z"))).toBe("2021-03-31");
    expect(todayInVietnam(new Date("2021-03-31T17:00:00Z"))).toBe("2021-04-01");
  });
});
