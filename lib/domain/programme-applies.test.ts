import { describe, expect, it } from "vitest";
import { programmeApplies } from "./programme-applies";

// city 1 › district 2 › wards 3 and 4 › group 5 under ward 3
const city = { id: 1, path: [1] };
const district = { id: 2, path: [1, 2] };
const wardA = { id: 3, path: [1, 2, 3] };
const wardB = { id: 4, path: [1, 2, 4] };
const groupOfA = { id: 5, path: [1, 2, 3, 5] };

describe("programmeApplies", () => {
  it("applies to every unit when no unit is listed", () => {
    for (const u of [city, district, wardA, wardB, groupOfA]) expect(programmeApplies([], u)).toBe(true);
  });
  it("applies to a listed ward, its groups and the units above it, not to another ward", () => {
    expect(programmeApplies([wardA], wardA)).toBe(true);
    expect(programmeApplies([wardA], groupOfA)).toBe(true);
    expect(programmeApplies([wardA], district)).toBe(true);
    expect(programmeApplies([wardA], wardB)).toBe(false);
  });
  it("applies to every ward under a listed district", () => {
    expect(programmeApplies([district], wardB)).toBe(true);
    expect(programmeApplies([wardB, groupOfA], wardA)).toBe(true);
  });
});
