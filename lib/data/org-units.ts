import "server-only";
import { db } from "@/lib/db";
import type { OrgLevel } from "@/lib/generated/prisma/enums";
import { isoDay } from "./serialize";

export type OrgUnitRef = { slug: string; name: string; shortName: string; level: OrgLevel };
export type OrgUnitDetail = OrgUnitRef & {
  validFrom: string;
  validTo: string | null;
  population: number | null;
  households: number | null;
  parent: OrgUnitRef | null;
  children: OrgUnitRef[];
};

const refSelect = { slug: true, name: true, shortName: true, level: true } as const;

export async function getOrgUnit(slug: string): Promise<OrgUnitDetail | null> {
  const unit = await db().orgUnit.findUnique({
    where: { slug },
    select: {
      ...refSelect,
      validFrom: true,
      validTo: true,
      population: true,
      households: true,
      parent: { select: refSelect },
      children: { select: refSelect, orderBy: [{ sortOrder: "asc" }, { slug: "asc" }] },
    },
  });
  if (!unit) return null;
  return { ...unit, validFrom: isoDay(unit.validFrom)!, validTo: isoDay(unit.validTo) };
}

export type WardListItem = OrgUnitRef & { district: string; resultCount: number; reportedCount: number };

/** Wards with how many figures each holds (all, and from reports), for the home page. */
export async function listWards(): Promise<WardListItem[]> {
  const wards = await db().orgUnit.findMany({
    where: { level: "WARD" },
    orderBy: [{ parent: { name: "asc" } }, { sortOrder: "asc" }],
    select: {
      id: true,
      ...refSelect,
      parent: { select: { name: true } },
      _count: { select: { results: true } },
    },
  });
  const reported = await db().result.groupBy({
    by: ["orgUnitId"],
    where: { source: { kind: "REPORT" }, orgUnit: { level: "WARD" } },
    _count: { _all: true },
  });
  const reportedById = new Map(reported.map((r) => [r.orgUnitId, r._count._all]));
  return wards.map((w) => ({
    slug: w.slug,
    name: w.name,
    shortName: w.shortName,
    level: w.level,
    district: w.parent?.name ?? "",
    resultCount: w._count.results,
    reportedCount: reportedById.get(w.id) ?? 0,
  }));
}
