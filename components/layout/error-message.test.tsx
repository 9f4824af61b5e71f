import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DB_UNAVAILABLE_DIGEST } from "@/lib/db-errors";
import { ErrorMessage } from "./error-message";

// The error pages' text (app/error.tsx, app/global-error.tsx): Vietnamese, the outage named as such,
// never the error's own (English, possibly SQL) message.
describe("ErrorMessage", () => {
  it("names an unreachable database and offers to try again", () => {
    const html = renderToStaticMarkup(
      <ErrorMessage
        error={Object.assign(new Error("Can't reach database server at 10.0.0.5"), { digest: DB_UNAVAILABLE_DIGEST })}
      />,
    );
    expect(html).toContain("Hệ thống tạm thời không kết nối được cơ sở dữ liệu");
    expect(html).toContain("Thử lại");
    expect(html).not.toContain("10.0.0.5");
  });

  it("any other error: a general Vietnamese message with its code, not its text", () => {
    const html = renderToStaticMarkup(
      <ErrorMessage error={Object.assign(new Error('relation "user" does not exist'), { digest: "1234567" })} />,
    );
    expect(html).toContain("Đã có lỗi xảy ra");
    expect(html).toContain("Mã lỗi: 1234567");
    expect(html).not.toContain("relation");
    expect(html).not.toContain("cơ sở dữ liệu");
  });
});
