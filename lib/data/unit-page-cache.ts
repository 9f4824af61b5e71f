import "server-only";
// What a one-unit page shows (the ward overview, a programme's dashboard, the residential groups, the
// values API) is the same for every reader who may read the unit: a reader's scope is whole subtrees
// (lib/data/scope.ts), so one who reads a ward reads every unit below it. It is read once with every
// unit readable and kept in this server process under the catalogue and progress versions
// (lib/data/catalogue-cache.ts), instead of being read for each request. The scope is checked here,
// outside the kept read, against the unit's path (kept per catalogue version: no statement).
//
// Every table these reads go through moves one of the two versions on each write that changes what
// they read: term, period, programme, indicator_section, indicator, programme_unit, org_unit, its
// former parents and successions (catalogue); result (and so term figures), source, target, the
// submissions' sent-ness and due dates, published land-clearance projects and progress, published
// achievements (progress: migrations 20261208040000, 20261209010000, 20261209020000). Draft entries
// (entry_value) and draft records do not: these pages do not show them.
import { cachedProgress } from "./catalogue-cache";
import { getUnitScope } from "./org-units";
import { ALL_UNITS, inScope, type ReadScope } from "./scope";

/**
 * `load(ALL_UNITS)`, kept under `key` (which must hold every other input: term, programme, indicator,
 * year …) for `unitSlug`'s page, when `scope` may read the unit; else null, as the scoped read gives
 * for a unit unknown or outside the scope.
 */
export async function cachedUnitPage<T>(
  kind: string,
  unitSlug: string,
  key: string,
  scope: ReadScope,
  load: (scope: ReadScope) => Promise<T | null>,
): Promise<T | null> {
  const unit = await getUnitScope(unitSlug);
  if (!unit || !inScope(scope, unit.path)) return null;
  return cachedProgress(`${kind}:${unitSlug}:${key}`, () => load(ALL_UNITS), { page: true });
}
