import { describe, expect, it } from "vitest";
import { PERMISSIONS, type Principal, can, canManageAccounts, unitsWith } from "./permissions";

// city 1 → district 2 → wards 3 (Ngọc Thụy) and 4 (Bồ Đề) → group 5 (in 3)
const district = { id: 2, path: [1, 2] };
const ngocThuy = { id: 3, path: [1, 2, 3] };
const boDe = { id: 4, path: [1, 2, 4] };
const group = { id: 5, path: [1, 2, 3, 5] };

const official: Principal = { grants: [{ role: "WARD_OFFICIAL", orgUnitId: 3 }] };
const committee: Principal = { grants: [{ role: "WARD_PARTY_COMMITTEE", orgUnitId: 3 }] };
const staff: Principal = { grants: [{ role: "DISTRICT_STAFF", orgUnitId: 2 }] };
const admin: Principal = { grants: [{ role: "ADMINISTRATOR", orgUnitId: 2 }] };

describe("permission map", () => {
  it("gives every role read, and each its own duties only", () => {
    for (const actions of Object.values(PERMISSIONS)) expect(actions).toContain("read");
    expect(PERMISSIONS.WARD_OFFICIAL).not.toContain("approve");
    expect(PERMISSIONS.WARD_PARTY_COMMITTEE).not.toContain("editValues");
    expect(PERMISSIONS.DISTRICT_STAFF).not.toContain("editValues");
    expect(PERMISSIONS.ADMINISTRATOR).not.toContain("editValues");
  });

  it("ward official: reads and edits their ward and its groups, nothing elsewhere", () => {
    expect(can(official, "read", ngocThuy)).toBe(true);
    expect(can(official, "editValues", ngocThuy)).toBe(true);
    expect(can(official, "editValues", group)).toBe(true);
    expect(can(official, "approve", ngocThuy)).toBe(false);
    expect(can(official, "read", boDe)).toBe(false);
    expect(can(official, "read", district)).toBe(false);
    expect(canManageAccounts(official)).toBe(false);
  });

  it("ward party committee: reads and approves their ward, never edits", () => {
    expect(can(committee, "approve", ngocThuy)).toBe(true);
    expect(can(committee, "approve", group)).toBe(true);
    expect(can(committee, "editValues", ngocThuy)).toBe(false);
    expect(can(committee, "approve", boDe)).toBe(false);
  });

  it("district staff: reads every ward below, manages the catalogue, edits nothing", () => {
    expect(can(staff, "read", boDe)).toBe(true);
    expect(can(staff, "read", group)).toBe(true);
    expect(can(staff, "manageCatalogue", district)).toBe(true);
    expect(can(staff, "editValues", ngocThuy)).toBe(false);
    expect(can(staff, "read", { id: 1, path: [1] })).toBe(false);
  });

  it("administrator manages accounts; several roles add up", () => {
    expect(canManageAccounts(admin)).toBe(true);
    const both: Principal = { grants: [...official.grants, { role: "WARD_PARTY_COMMITTEE", orgUnitId: 4 }] };
    expect(can(both, "editValues", ngocThuy)).toBe(true);
    expect(can(both, "approve", boDe)).toBe(true);
    expect(can(both, "editValues", boDe)).toBe(false);
    expect(unitsWith(both, "read").sort()).toEqual([3, 4]);
  });

  it("nobody (no session) may do anything", () => {
    expect(can(null, "read", ngocThuy)).toBe(false);
    expect(canManageAccounts(null)).toBe(false);
    expect(unitsWith(null, "read")).toEqual([]);
  });
});
