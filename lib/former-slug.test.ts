import { describe, expect, it } from "vitest";
import { slugInPath } from "./former-slug";

describe("slugInPath", () => {
  it("finds the unit's slug of a ward page and of an org-unit API address, and rewrites only it", () => {
    const page = slugInPath("/thu-cu/chuong-trinh/03-CTr-QU")!;
    expect(page.slug).toBe("thu-cu");
    expect(page.withSlug("thu-moi")).toBe("/thu-moi/chuong-trinh/03-CTr-QU");
    expect(slugInPath("/thu-cu")!.withSlug("thu-moi")).toBe("/thu-moi");
    const api = slugInPath("/api/v1/org-units/thu-cu/values")!;
    expect(api.slug).toBe("thu-cu");
    expect(api.withSlug("thu-moi")).toBe("/api/v1/org-units/thu-moi/values");
  });

  it("leaves the app's own pages, other API routes and files alone", () => {
    for (const path of [
      "/",
      "/quan-tri/don-vi/thu-cu",
      "/so-sanh",
      "/tien-do",
      "/dang-nhap",
      "/api/v1/terms",
      "/api/health",
      "/robots.txt",
      "/icon-192.png",
    ])
      expect(slugInPath(path), path).toBeNull();
  });
});
