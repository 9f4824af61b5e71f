// The stored term figures (term_figure) against the domain's definition (periodFigure of the unit's
// values for the term): shared by the tests of the writes of results.
import { expect } from "vitest";
import { periodFigure, type PeriodFigure } from "@/lib/domain/compare";
import { fromScaled, toScaled } from "@/lib/domain/decimal";
import { decimalString, isoDay } from "@/lib/data/serialize";
import type { PrismaClient } from "@/lib/generated/prisma/client";

const exact = (v: { toFixed(): string }) => fromScaled(toScaled(decimalString(v)));

/** What the pages must show: the domain's term figure of every unit × indicator × term with a value. */
async function computed(prisma: PrismaClient) {
  const rows = await prisma.result.findMany({
    select: {
      orgUnitId: true,
      indicatorId: true,
      value: true,
      qualifier: true,
      note: true,
      indicator: { select: { aggregation: true } },
      period: { select: { kind: true, year: true, termId: true } },
      source: { select: { key: true, title: true, issuedOn: true, kind: true } },
    },
  });
  const byKey = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.orgUnitId}/${r.indicatorId}/${r.period.termId}`;
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  return new Map(
    [...byKey].map(([key, values]) => {
      const f = periodFigure(
        values[0].indicator.aggregation,
        values.map((v) => ({
          period: { kind: v.period.kind, year: v.period.year },
          value: decimalString(v.value),
          qualifier: v.qualifier,
          note: v.note,
          source: { ...v.source, issuedOn: isoDay(v.source.issuedOn) },
        })),
        { kind: "TERM" },
      );
      return [key, plainFigure(f)];
    }),
  );
}

export const plainFigure = (f: PeriodFigure) => ({
  basis: f.basis,
  value: f.value === null ? null : fromScaled(toScaled(f.value)),
  qualifier: f.qualifier,
  years: f.years,
  sources: f.sources.map((s) => s.key),
  isDemo: f.isDemo,
  note: f.note,
});

/** The table as the comparisons read it, in the same shape. */
async function stored(prisma: PrismaClient) {
  const [rows, sources] = await Promise.all([
    prisma.termFigure.findMany(),
    prisma.source.findMany({ select: { id: true, key: true } }),
  ]);
  const keyOf = new Map(sources.map((s) => [s.id, s.key]));
  return new Map(
    rows.map((r) => [
      `${r.orgUnitId}/${r.indicatorId}/${r.termId}`,
      {
        basis: r.basis,
        value: exact(r.value),
        qualifier: r.qualifier,
        years: r.years,
        sources: [...new Set(r.sourceIds.map((id) => keyOf.get(id)!))],
        isDemo: r.demo,
        note: r.note,
      },
    ]),
  );
}

/** Every stored term figure is the domain's, and every unit × indicator × term with a value has one. */
export async function expectStoredTermFigures(prisma: PrismaClient, label: string) {
  const [want, got] = await Promise.all([computed(prisma), stored(prisma)]);
  expect(got.size, label).toBe(want.size);
  expect(Object.fromEntries(got), label).toEqual(Object.fromEntries(want));
  // every stored row carries its unit's parent (a comparison reads one parent's children)
  const stray = await prisma.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM term_figure tf JOIN org_unit o ON o.id = tf.org_unit_id
    WHERE tf.parent_id IS DISTINCT FROM o.parent_id`;
  expect(stray[0].n, label).toBe(0);
}
