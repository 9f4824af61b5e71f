import { describe, expect, it } from "vitest";
import { nextPathSchema, sameSitePath } from "./auth";

describe("where to go after signing in", () => {
  it("keeps a path of this site, percent-encoded (non-ASCII paths work)", () => {
    expect(sameSitePath("/")).toBe("/");
    expect(sameSitePath("/ngoc-thuy/chuong-trinh/03-CTr-QU?year=2020#bang")).toBe(
      "/ngoc-thuy/chuong-trinh/03-CTr-QU?year=2020#bang",
    );
    expect(sameSitePath("/ệ")).toBe("/%E1%BB%87");
    expect(sameSitePath("/tien-do?district=long-bien&q=Bồ Đề".replace(" ", "%20"))).toBe(
      "/tien-do?district=long-bien&q=B%E1%BB%93%20%C4%90%E1%BB%81",
    );
  });

  it("refuses anything that could leave the site", () => {
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\nSet-Cookie: a=b",
      "/a\u0000",
      "/a\u007f",
      "/./\\evil.example",
      "/.//evil.example",
      "/a/..//evil.example",
      " /x",
      "",
    ]) {
      expect(sameSitePath(bad), JSON.stringify(bad)).toBeNull();
      expect(nextPathSchema.parse(bad), JSON.stringify(bad)).toBe("/");
    }
  });
});
