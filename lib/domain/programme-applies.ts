// Which units a programme applies to: its issuer is the unit itself or a unit above it (the unit's
// path, or the path of a former parent: a ward moved from a district to the city keeps the programmes
// of its former district for the years it sat there; or above one of its former units: a ward formed
// by a merge keeps the programmes its former wards followed), AND its `programme_unit` list: none listed,
// every unit under its issuer (as before the list existed); else the units listed, with the units
// below them, and the units above a listed one (a district's dashboard or progress still counts a
// programme of one of its wards).

/**
 * A listed unit, or the unit asked about: its id and its path (ids from the root down to itself);
 * `formerAbove`, when known, the ids of its former parents and the units above them.
 */
export type UnitPath = {
  readonly id: number;
  readonly path: readonly number[];
  readonly formerAbove?: readonly number[];
};

/** Does a programme applying to `appliesTo` (empty: every unit under its issuer) apply to `unit`? */
export function programmeApplies(appliesTo: readonly UnitPath[], unit: UnitPath): boolean {
  return appliesTo.length === 0 || appliesTo.some((l) => unit.path.includes(l.id) || l.path.includes(unit.id));
}

/** Is `issuerId` the unit itself or a unit above it (now, or through a former parent)? */
export function issuerApplies(issuerId: number, unit: UnitPath): boolean {
  return unit.path.includes(issuerId) || (unit.formerAbove ?? []).includes(issuerId);
}

/** The ids a programme applying to `unit` may be issued by. */
export const issuersOf = (unit: UnitPath): number[] => [...new Set([...unit.path, ...(unit.formerAbove ?? [])])];
