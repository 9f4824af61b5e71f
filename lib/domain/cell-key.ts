// The one key of an entry cell (one indicator of one unit), so maps built in the form, the
// validation, the import and the save agree. Slugs and codes hold no ":", so the key splits back.

/** A cell by unit slug and indicator code: "ngoc-thuy-to-1:tdp-van-hoa". */
export const cellKey = (unit: string, indicator: string): string => `${unit}:${indicator}`;

/** The same key from anything that names its unit and indicator. */
export const cellKeyOf = (c: { unit: string; indicator: string }): string => cellKey(c.unit, c.indicator);

/** A cell key back into its unit slug and indicator code. */
export function splitCellKey(key: string): [unit: string, indicator: string] {
  const i = key.indexOf(":");
  return [key.slice(0, i), key.slice(i + 1)];
}

/** A cell by database ids, for maps over rows read from the database. */
export const cellIdKey = (c: { orgUnitId: number; indicatorId: number }): string => `${c.orgUnitId}:${c.indicatorId}`;
