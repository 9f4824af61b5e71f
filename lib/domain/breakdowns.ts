import type { TermFigure } from "./term-figure";

export type BreakdownInput = {
  code: string;
  name: string;
  parentCode: string | null;
  categories: Record<string, string>;
  figure: TermFigure;
  isDemo: boolean;
};

export type BreakdownCell<T extends BreakdownInput = BreakdownInput> = { indicator: T; labels: Record<string, string> };

export type Breakdown<T extends BreakdownInput = BreakdownInput> =
  /** The category sub-rows of one indicator (e.g. urban-order violations by kind). */
  | { kind: "children"; key: string; parent: T; cells: BreakdownCell<T>[] }
  /** Sibling indicators tagged along one dimension (construction works by permit). */
  | { kind: "dimension"; key: string; dimension: string; cells: BreakdownCell<T>[] }
  /** Sibling indicators tagged along two dimensions (inspections: object × reason). */
  | {
      kind: "matrix";
      key: string;
      rows: string;
      columns: string;
      rowValues: string[];
      columnValues: string[];
      cells: BreakdownCell<T>[];
    };

/**
 * The category breakdowns of one section of a programme, in the order the indicators come:
 * an indicator's children, and groups of two or more top-level indicators that carry the same
 * category dimensions (one dimension: a comparison; two: a cross table).
 */
export function sectionBreakdowns<T extends BreakdownInput>(indicators: T[]): Breakdown<T>[] {
  const out: Breakdown<T>[] = [];
  for (const parent of indicators) {
    const children = indicators.filter((i) => i.parentCode === parent.code);
    if (children.length >= 2)
      out.push({
        kind: "children",
        key: `con-${parent.code}`,
        parent,
        cells: children.map((c) => ({ indicator: c, labels: c.categories })),
      });
  }
  const groups = new Map<string, T[]>();
  for (const i of indicators) {
    const keys = Object.keys(i.categories).sort();
    if (i.parentCode !== null || keys.length === 0 || keys.length > 2) continue;
    const k = keys.join("|");
    groups.set(k, [...(groups.get(k) ?? []), i]);
  }
  for (const [k, members] of groups) {
    if (members.length < 2) continue;
    const keys = k.split("|");
    const cells = members.map((m) => ({ indicator: m, labels: m.categories }));
    if (keys.length === 1) out.push({ kind: "dimension", key: `theo-${keys[0]}`, dimension: keys[0], cells });
    else {
      const distinct = (key: string) => [...new Set(members.map((m) => m.categories[key]))];
      // the dimension with fewer values becomes the columns, so that the table stays narrow
      const [rows, columns] =
        distinct(keys[0]).length >= distinct(keys[1]).length ? [keys[0], keys[1]] : [keys[1], keys[0]];
      out.push({
        kind: "matrix",
        key: `theo-${rows}-${columns}`,
        rows,
        columns,
        rowValues: distinct(rows),
        columnValues: distinct(columns),
        cells,
      });
    }
  }
  return out;
}
