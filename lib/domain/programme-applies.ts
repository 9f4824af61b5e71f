// Which units a programme applies to (`programme_unit`): none listed, every unit under its issuer (as
// before the list existed); else the units listed, with the units below them, and the units above a
// listed one (a district's dashboard or progress still counts a programme of one of its wards).

/** A listed unit, or the unit asked about: its id and its path (ids from the root down to itself). */
export type UnitPath = { readonly id: number; readonly path: readonly number[] };

/** Does a programme applying to `appliesTo` (empty: every unit under its issuer) apply to `unit`? */
export function programmeApplies(appliesTo: readonly UnitPath[], unit: UnitPath): boolean {
  return appliesTo.length === 0 || appliesTo.some((l) => unit.path.includes(l.id) || l.path.includes(unit.id));
}
