import { describe, expect, it } from "vitest";
import { text } from "@/lib/validation/text";
import { UNSAFE_TEXT_MESSAGE, findUnsafeText, hasUnsafeText } from "./safe-text";

describe("text PostgreSQL cannot store faithfully", () => {
  it("refuses U+0000 and lone surrogates, keeps every other text (Vietnamese, emoji, control characters)", () => {
    for (const bad of ["a\u0000b", "\u0000", "x\ud800", "\udfffy", "\ud83d", "ok \ude00 ok", "\udc00\ud800"])
      expect(hasUnsafeText(bad), JSON.stringify(bad)).toBe(true);
    for (const good of ["", "Nguyễn Văn A", "Tổ dân phố số 3 😀", "tab\tnew\nline", "\u0001", "\ufffd", "𝔸"])
      expect(hasUnsafeText(good), JSON.stringify(good)).toBe(false);
  });

  it("finds the first unsafe string in a JSON body, in keys too", () => {
    expect(findUnsafeText({ a: "ok", rows: [{ note: "ok" }, { note: "x\u0000" }] })).toBe("rows.1.note");
    expect(findUnsafeText({ ["k\ud800"]: 1 })).toBe("k\ud800");
    expect(findUnsafeText("\u0000")).toBe("(nội dung)");
    expect(findUnsafeText({ a: ["ok", 1, null, true] })).toBeNull();
  });

  it("the zod text() of every form field answers with the field's message, before trimming or limits", () => {
    const schema = text().trim().max(5, "dài quá");
    const result = schema.safeParse("  a\u0000b cdefgh ");
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([UNSAFE_TEXT_MESSAGE]);
    expect(schema.parse("  abc  ")).toBe("abc");
  });
});
