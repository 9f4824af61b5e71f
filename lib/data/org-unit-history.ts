import "server-only";
// A successor's history before it existed: the figures of the units it was formed from. Read for a
// unit its reader may already read (the caller found it inside the scope): the former units'
// figures of the same indicators are that unit's own past, so they are read with it.
import { db } from "@/lib/db";
import type { PredecessorRef, YearValue } from "@/lib/domain/org-units";
import { decimalString, isoDay } from "./serialize";

export type PredecessorHistory = {
  predecessors: (PredecessorRef & { name: string })[];
  /** the first day of the successor (the latest, when several reorganisations formed it) */
  effectiveOn: string | null;
  /** the predecessors' yearly figures of the term (and programme) */
  values: YearValue[];
};

/** Two queries: the successions into `unitId`, then the predecessors' yearly figures. */
export async function getPredecessorHistory({
  unitSlug,
  termId,
  programmeSlug,
}: {
  unitSlug: string;
  termId: number;
  programmeSlug?: string;
}): Promise<PredecessorHistory> {
  const links = await db().orgUnitSuccession.findMany({
    where: { successor: { slug: unitSlug } },
    select: {
      effectiveOn: true,
      share: true,
      predecessor: { select: { id: true, slug: true, name: true, shortName: true, sortOrder: true } },
    },
    orderBy: [{ predecessor: { sortOrder: "asc" } }, { predecessor: { slug: "asc" } }],
  });
  if (links.length === 0) return { predecessors: [], effectiveOn: null, values: [] };
  const rows = await db().result.findMany({
    where: {
      orgUnitId: { in: links.map((l) => l.predecessor.id) },
      period: { termId, kind: "YEAR" },
      ...(programmeSlug ? { indicator: { programme: { slug: programmeSlug } } } : {}),
    },
    select: {
      value: true,
      qualifier: true,
      orgUnit: { select: { slug: true } },
      period: { select: { year: true } },
      indicator: { select: { code: true } },
      source: { select: { kind: true } },
    },
  });
  const effectiveOn = links.map((l) => isoDay(l.effectiveOn)!).sort()[links.length - 1];
  return {
    predecessors: links.map((l) => ({
      slug: l.predecessor.slug,
      name: l.predecessor.name,
      shortName: l.predecessor.shortName,
      share: decimalString(l.share),
    })),
    effectiveOn,
    values: rows.map((r) => ({
      unitSlug: r.orgUnit.slug,
      indicatorCode: r.indicator.code,
      year: r.period.year!,
      value: decimalString(r.value),
      qualifier: r.qualifier,
      sourceKind: r.source.kind,
    })),
  };
}
