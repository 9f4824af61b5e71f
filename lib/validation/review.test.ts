import { describe, expect, it } from "vitest";
import { deadlineFormSchema } from "./review";

const parse = (dueOn: string) => deadlineFormSchema.safeParse({ district: "long-bien", year: 2020, dueOn, version: 0 });

describe("deadline form: the day as dd/mm/yyyy", () => {
  it("reads dd/mm/yyyy and d/m/yyyy as the day they name", () => {
    expect(parse("31/03/2021").data?.dueOn).toBe("2021-03-31");
    expect(parse("5/4/2020").data?.dueOn).toBe("2020-04-05");
    // programs and older forms send yyyy-mm-dd
    expect(parse("2020-04-15").data?.dueOn).toBe("2020-04-15");
  });

  it("refuses a day that does not exist or is written the other way round, in Vietnamese", () => {
    expect(parse("31/02/2021").error?.issues[0].message).toBe("Ngày không hợp lệ.");
    expect(parse("31.03.2021").error?.issues[0].message).toBe(
      "Hãy viết ngày hạn nộp dạng ngày/tháng/năm, ví dụ 31/03/2021.",
    );
    // mm/dd/yyyy as an English browser would write 31 March
    expect(parse("03/31/2021").success).toBe(false);
    expect(parse("").error?.issues[0].message).toContain("Hãy nhập ngày hạn nộp");
  });

  it("still keeps the day within the year and the two after it", () => {
    expect(parse("31/12/2023").error?.issues[0].message).toBe("Hạn nộp phải trong năm đó hoặc hai năm sau.");
  });
});
