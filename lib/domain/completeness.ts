// What a ward owes for one year of one programme: every indicator collected at ward level needs the
// ward's value, every indicator collected per residential group needs each group's value. A cleared
// value (null) is still owed.

import { cellIdKey } from "./cell-key";

export type CompletenessIndicator = {
  id: number;
  code: string;
  name: string;
  collectionLevel: "CITY" | "DISTRICT" | "WARD" | "RESIDENTIAL_GROUP";
};

export type Owed = { code: string; name: string; perGroup: boolean; missing: number; expected: number };

export type Completeness = { expected: number; entered: number; owed: Owed[] };

/** The cells an indicator expects: the ward's own, or one per group of the ward. */
export function expectedUnits(
  indicator: CompletenessIndicator,
  wardId: number,
  groupIds: readonly number[],
): readonly number[] {
  return indicator.collectionLevel === "RESIDENTIAL_GROUP" ? groupIds : [wardId];
}

/**
 * Counts expected and entered cells and lists what is still owed, in the indicators' order.
 * `entered` holds the (indicator, unit) pairs that have a value; pairs outside the expected cells
 * (e.g. a group that no longer exists) are not counted.
 */
export function completeness(
  indicators: readonly CompletenessIndicator[],
  wardId: number,
  groupIds: readonly number[],
  entered: Iterable<{ indicatorId: number; orgUnitId: number }>,
): Completeness {
  const have = new Set<string>();
  for (const e of entered) have.add(cellIdKey(e));
  let expected = 0;
  let count = 0;
  const owed: Owed[] = [];
  for (const ind of indicators) {
    const units = expectedUnits(ind, wardId, groupIds);
    const done = units.filter((u) => have.has(cellIdKey({ orgUnitId: u, indicatorId: ind.id }))).length;
    expected += units.length;
    count += done;
    if (done < units.length)
      owed.push({
        code: ind.code,
        name: ind.name,
        perGroup: ind.collectionLevel === "RESIDENTIAL_GROUP",
        missing: units.length - done,
        expected: units.length,
      });
  }
  return { expected, entered: count, owed };
}

type CellRef = { indicatorId: number; orgUnitId: number };

/**
 * The cells that hold a figure for the year, as the entry form shows them: an entered value, or,
 * where nothing was entered, the published figure the form starts from (a report's or an earlier
 * approval's). An entered value that was cleared (null) is missing even where a figure was published.
 */
export function presentCells(input: {
  entries: Iterable<CellRef & { hasValue: boolean }>;
  published: Iterable<CellRef>;
}): CellRef[] {
  const entered = new Map<string, CellRef & { hasValue: boolean }>();
  for (const e of input.entries) entered.set(cellIdKey(e), e);
  const out: CellRef[] = [...entered.values()].filter((e) => e.hasValue);
  for (const p of input.published) if (!entered.has(cellIdKey(p))) out.push(p);
  return out;
}

/** "còn thiếu 3/38 tổ" for per-group indicators, nothing for the ward's own. */
export function owedDetail(o: Owed): string | null {
  return o.perGroup ? `còn thiếu ${o.missing}/${o.expected} tổ` : null;
}
