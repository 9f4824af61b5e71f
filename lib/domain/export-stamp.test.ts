import { describe, expect, it } from "vitest";
import { figureStamp, readVersionCell, versionCell } from "./export-stamp";

describe("export stamp", () => {
  const f = { value: "305000000", qualifier: "EXACT" as const, note: null };

  it("is the same for the same figure however its number is written", () => {
    expect(figureStamp({ ...f, value: "305000000.0000" }, true)).toBe(figureStamp(f, true));
    expect(figureStamp({ ...f, value: "90.50" }, true)).toBe(figureStamp({ ...f, value: "90.5" }, true));
  });

  it("changes with the value, the qualifier or the note (the value alone when not full)", () => {
    const base = figureStamp(f, true);
    expect(figureStamp({ ...f, value: "305000001" }, true)).not.toBe(base);
    expect(figureStamp({ ...f, qualifier: "MORE_THAN" }, true)).not.toBe(base);
    expect(figureStamp({ ...f, note: "theo sổ" }, true)).not.toBe(base);
    expect(figureStamp({ ...f, value: null }, true)).not.toBe(base);
    expect(figureStamp({ ...f, note: "theo sổ" }, false)).toBe(figureStamp(f, false));
  });

  it("travels in the version cell, which still reads plain versions of older files", () => {
    const stamp = figureStamp(f, true);
    expect(readVersionCell(versionCell(3, stamp))).toEqual({ version: 3, stamp });
    expect(readVersionCell("3")).toEqual({ version: 3, stamp: null });
    expect(readVersionCell(" ")).toEqual({ version: 0, stamp: null });
    expect(readVersionCell("3-")).toBeNull();
    expect(readVersionCell("ba")).toBeNull();
    expect(readVersionCell("-3")).toBeNull();
  });
});
