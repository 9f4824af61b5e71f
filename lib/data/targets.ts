import "server-only";
import { db } from "@/lib/db";
import type { Comparison } from "@/lib/generated/prisma/enums";
import { type ReadScope, orgUnitScopeWhere } from "./scope";
import { decimalString } from "./serialize";

export type TargetInfo = { comparison: Comparison; value: string; isDemo: boolean; source: string };
/** Targets of one indicator: for the whole term and per year. */
export type IndicatorTargets = { term: TargetInfo | null; years: Record<number, TargetInfo> };

/**
 * Targets of the given indicators in a term, as they apply to one org unit: a target set for the
 * unit itself (read only inside `scope`) wins over the one set for every unit. One query.
 */
export async function getTargets({
  termId,
  indicatorCodes,
  orgUnitSlug,
  scope,
}: {
  termId: number;
  indicatorCodes: string[];
  orgUnitSlug: string;
  scope: ReadScope;
}): Promise<Map<string, IndicatorTargets>> {
  const rows = await db().target.findMany({
    where: {
      indicator: { code: { in: indicatorCodes } },
      period: { termId },
      OR: [{ orgUnitId: null }, { orgUnit: { slug: orgUnitSlug }, ...orgUnitScopeWhere(scope) }],
    },
    select: {
      comparison: true,
      value: true,
      orgUnitId: true,
      indicator: { select: { code: true } },
      period: { select: { kind: true, year: true } },
      source: { select: { kind: true, title: true } },
    },
    // unit-specific targets last, so that they overwrite the defaults below
    orderBy: { orgUnitId: { sort: "asc", nulls: "first" } },
  });
  const out = new Map<string, IndicatorTargets>();
  for (const r of rows) {
    const entry = out.get(r.indicator.code) ?? { term: null, years: {} };
    const info: TargetInfo = {
      comparison: r.comparison,
      value: decimalString(r.value),
      isDemo: r.source.kind === "DEMO",
      source: r.source.title,
    };
    if (r.period.kind === "TERM") entry.term = info;
    else if (r.period.year !== null) entry.years[r.period.year] = info;
    out.set(r.indicator.code, entry);
  }
  return out;
}
