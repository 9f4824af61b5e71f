import "server-only";
// A successor's history before it existed: the figures of the units it was formed from. Read for a
// unit its reader may already read (the caller found it inside the scope): the former units'
// figures of the same indicators are that unit's own past, so they are read with it. The programme
// dashboard, the ward overview, the comparisons and the values API all read it through
// `getUnitValuesWithHistory` (or `withPredecessorYears`), so they show the same sums.
import { db } from "@/lib/db";
import {
  type PredecessorRef,
  type YearValue,
  inheritedLabel,
  isAdditive,
  sumPredecessorYears,
} from "@/lib/domain/org-units";
import type { IndicatorInfo, ProgrammeInfo } from "./programmes";
import type { ReadScope } from "./scope";
import { decimalString, isoDay } from "./serialize";
import { type UnitValue, getUnitValues } from "./values";

export type PredecessorHistory = {
  predecessors: (PredecessorRef & { name: string })[];
  /** the first day of the successor (the latest, when several reorganisations formed it) */
  effectiveOn: string | null;
  /** the predecessors' yearly figures of the term (and programme) */
  values: YearValue[];
};

/**
 * When a unit was formed from former units: their names, the date, and their figures of the
 * indicators that cannot be added up (rates, yes/no …), per former unit. Additive indicators carry
 * the sums in the unit's yearly values, with a source naming the former units.
 */
export type FormedFrom = {
  effectiveOn: string;
  label: string;
  predecessors: { slug: string; name: string; shortName: string; share: string }[];
  perPredecessor: {
    code: string;
    name: string;
    unit: string;
    valueType: IndicatorInfo["valueType"];
    rows: { unit: string; year: number; value: string; qualifier: UnitValue["qualifier"] }[];
  }[];
};

/** Two queries: the successions into `unitSlug`, then the predecessors' yearly figures. */
export async function getPredecessorHistory({
  unitSlug,
  termId,
  programmeSlug,
}: {
  unitSlug: string;
  termId: number;
  programmeSlug?: string;
}): Promise<PredecessorHistory> {
  // one statement (Prisma's nested select sent two, the second even when there was no succession)
  const links = (
    await db().$queryRaw<
      {
        effectiveOn: Date;
        share: { toFixed(): string };
        id: number;
        slug: string;
        name: string;
        shortName: string;
        sortOrder: number;
      }[]
    >`
      SELECT s.effective_on AS "effectiveOn", s.share, p.id, p.slug, p.name, p.short_name AS "shortName",
             p.sort_order AS "sortOrder"
        FROM org_unit_succession s
        JOIN org_unit p ON p.id = s.predecessor_id
        JOIN org_unit n ON n.id = s.successor_id
       WHERE n.slug = ${unitSlug}
       ORDER BY p.sort_order, p.slug`
  ).map(({ effectiveOn, share, ...predecessor }) => ({ effectiveOn, share, predecessor }));
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

/** An indicator as the history needs it: its rule, and the programme it belongs to. */
export type HistoryIndicator = IndicatorInfo & { programmeCode: string };

/**
 * The unit's own values and, when it was formed from former units, their sums for the additive
 * indicators (as yearly values of the unit, with a source naming the former units), and what
 * cannot be added up per former unit. `formedFrom` is null for a unit with no predecessors.
 */
export function withPredecessorYears({
  history,
  indicators,
  own,
  unitSlug,
}: {
  history: PredecessorHistory;
  indicators: readonly HistoryIndicator[];
  own: UnitValue[];
  unitSlug: string;
}): { values: UnitValue[]; formedFrom: FormedFrom | null } {
  if (!history.effectiveOn) return { values: own, formedFrom: null };
  return {
    values: [...own, ...inheritedValues({ history, indicators, own, unitSlug })],
    formedFrom: predecessorView(history, indicators),
  };
}

/** `getUnitValues` with the former units' sums (see `withPredecessorYears`): three queries at most. */
export async function getUnitValuesWithHistory({
  orgUnitSlug,
  termId,
  scope,
  programmeSlug,
  indicators,
}: {
  orgUnitSlug: string;
  termId: number;
  scope: ReadScope;
  programmeSlug?: string;
  indicators: readonly HistoryIndicator[];
}): Promise<{ values: UnitValue[]; formedFrom: FormedFrom | null }> {
  const [own, history] = await Promise.all([
    getUnitValues({ orgUnitSlug, termId, scope, programmeSlug }),
    getPredecessorHistory({ unitSlug: orgUnitSlug, termId, programmeSlug }),
  ]);
  return withPredecessorYears({ history, indicators, own, unitSlug: orgUnitSlug });
}

/** The former units' sums of the additive indicators, as yearly values of the unit named after them. */
function inheritedValues({
  history,
  indicators,
  own,
  unitSlug,
}: {
  history: PredecessorHistory;
  indicators: readonly HistoryIndicator[];
  own: UnitValue[];
  unitSlug: string;
}): UnitValue[] {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const label = inheritedLabel(history.predecessors);
  const sums = sumPredecessorYears({
    predecessors: history.predecessors,
    values: history.values,
    additiveCodes: new Set(indicators.filter(isAdditive).map((i) => i.code)),
    lastYear: Number(history.effectiveOn!.slice(0, 4)) - (history.effectiveOn!.endsWith("-01-01") ? 1 : 0),
    ownYears: new Set(own.filter((v) => v.period.kind === "YEAR").map((v) => `${v.indicator.code}:${v.period.year}`)),
  });
  return sums.map((s) => {
    const i = byCode.get(s.indicatorCode)!;
    return {
      indicator: { code: i.code, name: i.name, unit: i.unit, valueType: i.valueType, programmeCode: i.programmeCode },
      orgUnit: { slug: unitSlug, shortName: "" },
      period: { kind: "YEAR", year: s.year },
      value: s.value,
      qualifier: s.qualifier,
      note: null,
      source: {
        key: `predecessors:${history.predecessors.map((p) => p.slug).join("+")}`,
        title: label[0].toUpperCase() + label.slice(1),
        issuedOn: null,
        kind: s.sourceKind,
      },
      isDemo: s.sourceKind === "DEMO",
      version: 0,
      recordedAt: "",
    };
  });
}

function predecessorView(history: PredecessorHistory, indicators: readonly HistoryIndicator[]): FormedFrom {
  const shortName = new Map(history.predecessors.map((p) => [p.slug, p.shortName]));
  const wholeMerge = history.predecessors.every((p) => Number(p.share) === 1);
  const perPredecessor = indicators
    .filter((i) => !(wholeMerge && isAdditive(i)))
    .map((i) => ({
      code: i.code,
      name: i.name,
      unit: i.unit,
      valueType: i.valueType,
      rows: history.values
        .filter((v) => v.indicatorCode === i.code)
        .map((v) => ({
          unit: shortName.get(v.unitSlug) ?? v.unitSlug,
          year: v.year,
          value: v.value,
          qualifier: v.qualifier,
        }))
        .sort((a, b) => a.year - b.year || a.unit.localeCompare(b.unit, "vi")),
    }))
    .filter((i) => i.rows.length > 0);
  return {
    effectiveOn: history.effectiveOn!,
    label: inheritedLabel(history.predecessors),
    predecessors: history.predecessors,
    perPredecessor,
  };
}

/** Every indicator of these programmes, with its programme's code. */
export const historyIndicators = (programmes: readonly ProgrammeInfo[]): HistoryIndicator[] =>
  programmes.flatMap((p) => p.sections.flatMap((s) => s.indicators.map((i) => ({ ...i, programmeCode: p.code }))));
