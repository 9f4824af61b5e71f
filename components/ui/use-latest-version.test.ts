import { describe, expect, it } from "vitest";
import { useLatestVersion } from "./use-latest-version";

describe("useLatestVersion", () => {
  it("sends the page's version until a save answers a newer one", () => {
    expect(useLatestVersion(3, null)).toBe(3);
    expect(useLatestVersion(3, undefined)).toBe(3);
    expect(useLatestVersion(3, 4)).toBe(4);
    // the page's refresh arrived after someone else saved too: the page knows better
    expect(useLatestVersion(6, 4)).toBe(6);
  });
});
