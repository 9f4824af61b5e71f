// The files served from public/: robots.txt keeps crawlers out of this internal tool, and the web
// manifest names the app in Vietnamese and points at icons that exist at the sizes it says.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const pub = path.join(import.meta.dirname, "..", "..", "public");
const read = (name: string) => fs.readFileSync(path.join(pub, name));

describe("public/", () => {
  it("robots.txt disallows every path to every crawler", () => {
    const lines = read("robots.txt")
      .toString("utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#"));
    expect(lines).toEqual(["User-agent: *", "Disallow: /"]);
  });

  it("the manifest is Vietnamese, and each icon exists at its declared size", () => {
    const manifest = JSON.parse(read("manifest.webmanifest").toString("utf8"));
    expect(manifest).toMatchObject({
      lang: "vi",
      name: "Theo dõi Chương trình công tác toàn khóa",
      start_url: "/",
      theme_color: "#991b1b",
    });
    expect(manifest.icons.length).toBeGreaterThanOrEqual(3);
    for (const icon of manifest.icons as { src: string; sizes: string; type: string }[]) {
      const bytes = read(icon.src.slice(1));
      if (icon.type === "image/svg+xml") {
        expect(bytes.toString("utf8")).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
        continue;
      }
      expect(icon.type).toBe("image/png");
      expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
      // IHDR: width and height, big-endian, at bytes 16 and 20
      expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`).toBe(icon.sizes);
    }
  });
});
