import { describe, expect, it } from "vitest";
import { diffFields } from "./audit-diff";

describe("diffFields", () => {
  it("lists only the fields that changed, old → new as text", () => {
    expect(
      diffFields(
        { name: "A", householdsAffected: 12, areaM2: "1500.5", note: null },
        { name: "A", householdsAffected: 14, areaM2: "1500.5", note: "mới" },
      ),
    ).toEqual([
      { field: "householdsAffected", oldValue: "12", newValue: "14" },
      { field: "note", oldValue: null, newValue: "mới" },
    ]);
  });
  it("treats a creation as a diff from nothing and skips unset fields", () => {
    expect(diffFields({}, { name: "B", areaM2: null })).toEqual([{ field: "name", oldValue: null, newValue: "B" }]);
  });
  it("treats a deletion as a diff to nothing", () => {
    expect(diffFields({ name: "B", year: 2019 }, {})).toEqual([
      { field: "name", oldValue: "B", newValue: null },
      { field: "year", oldValue: "2019", newValue: null },
    ]);
  });
});
