import "server-only";
import { db } from "@/lib/db";

/** The wards among `unitIds` (a ward official's or committee's own wards), for the header's links. */
export async function wardsAmong(unitIds: readonly number[]): Promise<Array<{ slug: string; shortName: string }>> {
  if (unitIds.length === 0) return [];
  return db().orgUnit.findMany({
    where: { id: { in: [...unitIds] }, level: "WARD" },
    orderBy: [{ sortOrder: "asc" }, { slug: "asc" }],
    select: { slug: true, shortName: true },
  });
}
