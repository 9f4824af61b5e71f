// What a ward owes for one year of one programme: every indicator collected at ward level needs the
// ward's value, every indicator collected per residential group needs each group's value. A cleared
// value (null) is still owed.

import { cellIdKey } from "./cell-key";
import { viDigits } from "./vi-digits";

type CellRef = { indicatorId: number; orgUnitId: number };

export type CompletenessIndicator = {
  id: number;
  code: string;
  name: string;
  collectionLevel: "CITY" | "DISTRICT" | "WARD" | "RESIDENTIAL_GROUP";
};

export type Owed = { code: string; name: string; perGroup: boolean; missing: number; expected: number };

/**
 * `entered`: the expected cells that hold a figure for the year, as the form shows them (see presentCells);
 * `unconfirmed`: how many of those hold only a published figure the ward has not confirmed as its own
 * (the rest the ward entered). Still owed: expected − entered.
 */
export type Completeness = { expected: number; entered: number; unconfirmed: number; owed: Owed[] };

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
  entered: Iterable<CellRef & { published?: boolean }>,
): Completeness {
  const have = new Map<string, boolean>();
  for (const e of entered) have.set(cellIdKey(e), e.published === true);
  let expected = 0;
  let count = 0;
  let unconfirmed = 0;
  const owed: Owed[] = [];
  for (const ind of indicators) {
    const units = expectedUnits(ind, wardId, groupIds);
    const present = units.map((u) => have.get(cellIdKey({ orgUnitId: u, indicatorId: ind.id })));
    const done = present.filter((p) => p !== undefined).length;
    expected += units.length;
    count += done;
    unconfirmed += present.filter((p) => p === true).length;
    if (done < units.length)
      owed.push({
        code: ind.code,
        name: ind.name,
        perGroup: ind.collectionLevel === "RESIDENTIAL_GROUP",
        missing: units.length - done,
        expected: units.length,
      });
  }
  return { expected, entered: count, unconfirmed, owed };
}

/**
 * The cells that hold a figure for the year, as the entry form shows them: an entered value, or,
 * where nothing was entered, the published figure the form starts from (a report's or an earlier
 * approval's), marked `published` (not yet confirmed by the ward: the entry form's "Xác nhận số liệu đã
 * công bố" counts the same cells). An entered value that was cleared (null) is missing even where a
 * figure was published.
 */
export function presentCells(input: {
  entries: Iterable<CellRef & { hasValue: boolean }>;
  published: Iterable<CellRef>;
}): (CellRef & { published: boolean })[] {
  const entered = new Map<string, CellRef & { hasValue: boolean }>();
  for (const e of input.entries) entered.set(cellIdKey(e), e);
  const out = [...entered.values()]
    .filter((e) => e.hasValue)
    .map((e) => ({ indicatorId: e.indicatorId, orgUnitId: e.orgUnitId, published: false }));
  for (const p of input.published)
    if (!entered.has(cellIdKey(p))) out.push({ indicatorId: p.indicatorId, orgUnitId: p.orgUnitId, published: true });
  return out;
}

const n = (v: number) => viDigits(String(v));

/**
 * The state of a year's figures in one line, as the review panel and the hub show it:
 * "Đã nhập 3/10 ô · Số liệu công bố chưa xác nhận 5 · Còn thiếu 2", or "Đã nhập 10/10 ô · đủ".
 */
export function completenessText(c: Pick<Completeness, "expected" | "entered" | "unconfirmed">): string {
  const own = c.entered - c.unconfirmed;
  const missing = c.expected - c.entered;
  const parts = [`Đã nhập ${n(own)}/${n(c.expected)} ô`];
  if (c.unconfirmed > 0) parts.push(`Số liệu công bố chưa xác nhận ${n(c.unconfirmed)}`);
  if (missing > 0 || c.unconfirmed > 0) parts.push(`Còn thiếu ${n(missing)}`);
  else if (c.expected > 0) parts.push("đủ");
  return parts.join(" · ");
}

/** "còn thiếu 3/38 tổ" for per-group indicators, nothing for the ward's own. */
export function owedDetail(o: Owed): string | null {
  return o.perGroup ? `còn thiếu ${o.missing}/${o.expected} tổ` : null;
}
