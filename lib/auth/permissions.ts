// The one permission map: which role may do what, on the unit it is held on and every unit below.
// Pure (no database): pages use it to hide what a person cannot do, the server to refuse it.
import type { Role } from "@/lib/generated/prisma/enums";

export type Action =
  | "read"
  | "editValues"
  | "approve"
  | "unlockValues"
  | "manageDeadlines"
  /** the review rules of the wards below (four-eyes: may the sender also approve?) */
  | "manageReviewRules"
  | "manageCatalogue"
  | "manageAccounts"
  | "manageOrgUnits";

export const PERMISSIONS: Record<Role, readonly Action[]> = {
  WARD_OFFICIAL: ["read", "editValues"],
  WARD_PARTY_COMMITTEE: ["read", "approve"],
  DISTRICT_STAFF: ["read", "unlockValues", "manageDeadlines", "manageReviewRules", "manageCatalogue"],
  ADMINISTRATOR: ["read", "manageReviewRules", "manageAccounts", "manageOrgUnits"],
};

export const ROLE_LABELS: Record<Role, string> = {
  WARD_OFFICIAL: "Cán bộ phường",
  WARD_PARTY_COMMITTEE: "Đảng ủy phường",
  DISTRICT_STAFF: "Cán bộ quận",
  ADMINISTRATOR: "Quản trị",
};

/** A role held on a unit. */
export type Grant = { role: Role; orgUnitId: number };
/** Who is asking: their grants (an anonymous visitor has none). */
export type Principal = { grants: readonly Grant[] };
/** A unit with the ids of its ancestors and itself, root first: rights on any of them reach it. */
export type UnitScope = { id: number; path: readonly number[] };

export function allows(role: Role, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}

/**
 * Does any grant that allows `action` sit on `unit` or one of its ancestors? The one check of a
 * right on a unit: pages, actions and routes all call it with the action's name.
 */
export function can(principal: Principal | null, action: Action, unit: UnitScope): boolean {
  if (!principal) return false;
  return principal.grants.some((g) => allows(g.role, action) && unit.path.includes(g.orgUnitId));
}

/** Units on which the principal holds `action` (rights also reach the units below them). */
export function unitsWith(principal: Principal | null, action: Action): number[] {
  if (!principal) return [];
  return [...new Set(principal.grants.filter((g) => allows(g.role, action)).map((g) => g.orgUnitId))];
}

/** Accounts are managed by any administrator (accounts are not themselves inside a unit). */
export const canManageAccounts = (p: Principal | null) => !!p && p.grants.some((g) => allows(g.role, "manageAccounts"));
