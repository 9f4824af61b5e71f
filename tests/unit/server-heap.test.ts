import { describe, expect, it } from "vitest";
import { serverHeapArgs } from "../../scripts/lib/server-heap.mjs";

// What `npm start` gives the web server's Node: a heap limit, so that its memory stays bounded.
describe("server heap limit (scripts/lib/server-heap.mjs)", () => {
  it("caps the old generation at 384 MiB by default", () => {
    expect(serverHeapArgs({})).toEqual(["--max-old-space-size=384"]);
  });
  it("takes SERVER_HEAP_MIB, and 0 leaves Node's own limit", () => {
    expect(serverHeapArgs({ SERVER_HEAP_MIB: "1024" })).toEqual(["--max-old-space-size=1024"]);
    expect(serverHeapArgs({ SERVER_HEAP_MIB: "0" })).toEqual([]);
  });
  it("leaves a limit set in NODE_OPTIONS alone", () => {
    expect(serverHeapArgs({ NODE_OPTIONS: "--max-old-space-size=2048", SERVER_HEAP_MIB: "512" })).toEqual([]);
  });
  it("refuses a value that is not a whole number of MiB ≥ 128, in Vietnamese", () => {
    for (const v of ["abc", "64", "300.5", "-1"])
      expect(() => serverHeapArgs({ SERVER_HEAP_MIB: v })).toThrow(/SERVER_HEAP_MIB.*số nguyên MiB/);
  });
});
