import "server-only";
// Moving a catalogue item (an indicator, a section) one place up or down among its siblings: the two
// neighbours swap their order, both versions bump, both are audited. One definition for every list
// the catalogue lets people reorder.
import type { Prisma } from "@/lib/generated/prisma/client";
import { type Actor, type Tx, audit } from "./record-write";

/** The lists that can be reordered, each with the siblings it is ordered among. */
type Sortable =
  | { table: "indicator"; siblings: Prisma.IndicatorWhereInput }
  | { table: "indicatorSection"; siblings: Prisma.IndicatorSectionWhereInput };

const ENTITY = { indicator: "indicator", indicatorSection: "indicator_section" } as const;
/** the key under which the audit context names the moved item */
const CONTEXT_KEY = { indicator: "indicator", indicatorSection: "section" } as const;

const ORDER = [{ sortOrder: "asc" }, { id: "asc" }] satisfies Prisma.IndicatorOrderByWithRelationInput[];
const SELECT = { id: true, code: true, sortOrder: true } as const;

/**
 * Swaps `item` with its neighbour above (`up`) or below (`down`) among `siblings` (locked by the
 * caller). Returns false, writing nothing, when the item is already first or last.
 */
export async function swapSortOrder(
  args: Sortable & {
    tx: Tx;
    actor: Actor;
    item: { id: number; code: string; sortOrder: number };
    direction: "up" | "down";
    context: Record<string, string>;
  },
): Promise<boolean> {
  const { tx, actor, item, direction, context } = args;
  const siblings =
    args.table === "indicator"
      ? await tx.indicator.findMany({ where: args.siblings, orderBy: ORDER, select: SELECT })
      : await tx.indicatorSection.findMany({ where: args.siblings, orderBy: ORDER, select: SELECT });
  const at = siblings.findIndex((s) => s.id === item.id);
  const other = siblings[direction === "up" ? at - 1 : at + 1];
  if (!other) return false;
  // equal orders (seeded rows) get distinct ones: each takes its neighbour's place in the list
  const mine = other.sortOrder === item.sortOrder ? other.sortOrder + (direction === "up" ? -1 : 1) : other.sortOrder;
  for (const [id, code, from, to] of [
    [item.id, item.code, item.sortOrder, mine],
    [other.id, other.code, other.sortOrder, item.sortOrder],
  ] as const) {
    const data = { sortOrder: to, version: { increment: 1 } };
    if (args.table === "indicator") await tx.indicator.update({ where: { id }, data });
    else await tx.indicatorSection.update({ where: { id }, data });
    await audit({
      tx,
      actor,
      action: "UPDATE",
      entity: ENTITY[args.table],
      entityId: id,
      before: { sortOrder: from },
      after: { sortOrder: to },
      context: { ...context, [CONTEXT_KEY[args.table]]: code },
    });
  }
  return true;
}
