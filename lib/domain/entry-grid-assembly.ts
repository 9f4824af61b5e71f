// Building the yearly entry grid from the rows the loader read (lib/data/entry-grid.ts): which
// cells the grid has, each cell's starting value (the entry value, else the published figure of
// the year), last year's figure, the target (the year's over the term's, the ward's own over the
// general one), earlier years for the outlier check. Pure: the loader queries, this assembles.

import {
  type CellOrigin,
  type EntryCell,
  type EntryGrid,
  type EntryIndicator,
  type EntrySection,
  type EntryTargetInfo,
} from "./entry-grid";
import { cellKey } from "./cell-key";
import { WARD_COUNTERPART } from "./residential-groups";
import type { Rule } from "./value-rules";
import type { Qualifier, SubmissionStatus, ValueType } from "./enums";

/** "ward": the ward page; "groups": the residential-group page; "all": both, for the Excel/CSV file. */
export type EntryScope = "ward" | "groups" | "all";

/** Ids the save needs beside the grid (never sent to the browser). */
export type EntryIds = {
  wardId: number;
  periodId: number;
  programmeId: number;
  indicatorIds: Record<string, number>;
  unitIds: Record<string, number>;
};

/** The programme's sections with every indicator (the ward's and the groups'), in order: the file's layout. */
export type SectionLayout = { code: string; name: string; indicators: string[] };

export type GridUnitRow = { id: number; slug: string; name: string; shortName: string };

export type GridIndicatorRow = {
  id: number;
  code: string;
  name: string;
  unit: string;
  valueType: ValueType;
  collectionLevel: string;
  wardFromGroups: boolean;
  description: string | null;
  parentCode: string | null;
};

export type GridSectionRow = { code: string; name: string; indicators: GridIndicatorRow[] };

/** The programme's structure and the units of the grid: what decides which cells it has. */
export type GridFrame = {
  scope: EntryScope;
  ward: GridUnitRow;
  /** the ward's residential groups that existed that year */
  groups: GridUnitRow[];
  sections: GridSectionRow[];
};

/** What the loader read, as plain values (decimals as exact strings, dates as ISO strings). */
export type EntryGridRows = GridFrame & {
  year: number;
  programme: { id: number; code: string; slug: string; title: string };
  term: { slug: string; name: string; startYear: number; endYear: number };
  rules: Rule[];
  /** the YEAR period of `year` */
  periodId: number;
  /** the year of each period of the term (null: the term period) */
  periodYears: Map<number, number | null>;
  /** published figures of this year and the earlier years of the term */
  results: {
    indicatorId: number;
    orgUnitId: number;
    periodId: number;
    value: string;
    qualifier: Qualifier;
    source: { label: string; isDemo: boolean };
  }[];
  /** targets of the year and the term, the general ones (no unit) before the ward's own */
  targets: {
    indicatorId: number;
    periodId: number;
    comparison: EntryTargetInfo["comparison"];
    value: string;
    isDemo: boolean;
  }[];
  submission: {
    status: SubmissionStatus;
    version: number;
    values: {
      indicatorId: number;
      orgUnitId: number;
      value: string | null;
      qualifier: Qualifier;
      note: string | null;
      outlierConfirmed: boolean;
      version: number;
      updatedByName: string | null;
      updatedAt: string;
    }[];
  } | null;
};

const isGroupIndicator = (i: GridIndicatorRow) => i.collectionLevel === "RESIDENTIAL_GROUP";

/**
 * The cells of the grid of `scope`: the ward's own indicators ("ward"), or the indicators collected
 * per residential group for every group, with the ward cells of their counterparts ("groups"), or
 * both ("all"). The loader reads the rows of these (indicator, unit) pairs only.
 */
export function gridCells(frame: GridFrame) {
  const all = frame.sections.flatMap((s) => s.indicators);
  const wardIndicators = all.filter((i) => !isGroupIndicator(i));
  const groupIndicators = all.filter(isGroupIndicator);
  const byCode = new Map(all.map((i) => [i.code, i]));
  // ward figures computed from the groups: the counterpart of a `wardFromGroups` group indicator
  const derivedFrom = new Map<string, string>();
  for (const g of groupIndicators) {
    const counterpart = WARD_COUNTERPART[g.code];
    if (g.wardFromGroups && counterpart && byCode.has(counterpart)) derivedFrom.set(counterpart, g.code);
  }
  const groups = frame.scope === "ward" ? [] : frame.groups;
  const units = [frame.ward, ...groups];
  const wardCells =
    frame.scope === "groups" ? [...derivedFrom.keys()].map((code) => byCode.get(code)!) : wardIndicators;
  const cells = [
    ...wardCells.map((i) => ({ unitId: frame.ward.id, indicator: i })),
    ...groups.flatMap((g) => groupIndicators.map((i) => ({ unitId: g.id, indicator: i }))),
  ];
  return {
    all,
    groupIndicators,
    derivedFrom,
    groups,
    units,
    cells,
    indicatorIds: [...new Set(cells.map((c) => c.indicator.id))],
    unitIds: units.map((u) => u.id),
  };
}

export function assembleEntryGrid(rows: EntryGridRows): { grid: EntryGrid; ids: EntryIds; layout: SectionLayout[] } {
  const { year, periodId } = rows;
  const { all, groupIndicators, derivedFrom, groups, units, cells: cellIndicators } = gridCells(rows);
  const unitSlug = new Map(units.map((u) => [u.id, u.slug]));

  // targets: the year's wins over the term's, a ward's own over the general one
  const targetOf = new Map<number, EntryTargetInfo>();
  for (const scopeKind of ["term", "year"] as const) {
    for (const t of rows.targets) {
      const isYear = t.periodId === periodId;
      if ((scopeKind === "year") !== isYear) continue;
      targetOf.set(t.indicatorId, { comparison: t.comparison, value: t.value, isDemo: t.isDemo, scope: scopeKind });
    }
  }

  const toIndicator = (i: GridIndicatorRow): EntryIndicator => ({
    code: i.code,
    name: i.name,
    unit: i.unit,
    valueType: i.valueType,
    depth: i.parentCode ? 1 : 0,
    parentCode: i.parentCode,
    description: i.description,
    target: targetOf.get(i.id) ?? null,
    derivedFrom: derivedFrom.get(i.code) ?? null,
  });

  type ResultRow = EntryGridRows["results"][number];
  const published = new Map<string, ResultRow>();
  const lastYear = new Map<string, ResultRow>();
  const history: Record<string, string[]> = {};
  const codeOf = new Map(all.map((i) => [i.id, i.code]));
  for (const r of rows.results) {
    const key = cellKey(unitSlug.get(r.orgUnitId)!, codeOf.get(r.indicatorId)!);
    const y = rows.periodYears.get(r.periodId);
    if (r.periodId === periodId) published.set(key, r);
    else {
      (history[key] ??= []).push(r.value);
      if (y === year - 1) lastYear.set(key, r);
    }
  }
  const entries = new Map(
    (rows.submission?.values ?? []).map((v) => [cellKey(unitSlug.get(v.orgUnitId)!, codeOf.get(v.indicatorId)!), v]),
  );

  const cells: Record<string, EntryCell> = {};
  for (const { unitId, indicator } of cellIndicators) {
    const unit = unitSlug.get(unitId)!;
    const key = cellKey(unit, indicator.code);
    const entry = entries.get(key);
    const pub = published.get(key);
    const last = lastYear.get(key);
    let origin: CellOrigin = { kind: "empty" };
    if (entry) origin = { kind: "entry", updatedByName: entry.updatedByName, updatedAt: entry.updatedAt };
    else if (pub) origin = { kind: "published", label: pub.source.label, isDemo: pub.source.isDemo };
    const start = entry ?? pub;
    cells[key] = {
      unit,
      indicator: indicator.code,
      value: start?.value ?? null,
      qualifier: start?.qualifier ?? "EXACT",
      note: entry ? entry.note : null,
      outlierConfirmed: entry?.outlierConfirmed ?? false,
      version: entry?.version ?? 0,
      origin,
      lastYear: last ? { value: last.value, qualifier: last.qualifier } : null,
    };
  }

  const sections: EntrySection[] = rows.sections
    .map((s) => ({
      code: s.code,
      name: s.name,
      indicators: s.indicators.filter((i) => !isGroupIndicator(i)).map(toIndicator),
    }))
    .filter((s) => s.indicators.length > 0);

  const grid: EntryGrid = {
    ward: { slug: rows.ward.slug, name: rows.ward.name, shortName: rows.ward.shortName },
    year,
    term: rows.term,
    programme: { code: rows.programme.code, slug: rows.programme.slug, title: rows.programme.title },
    sections,
    groupIndicators: groupIndicators.map(toIndicator),
    groups: groups.map((g) => ({ slug: g.slug, name: g.name, shortName: g.shortName })),
    rules: rows.rules,
    submission: { status: rows.submission?.status ?? "DRAFT", version: rows.submission?.version ?? 0 },
    cells,
    history,
  };
  return {
    grid,
    layout: rows.sections.map((s) => ({ code: s.code, name: s.name, indicators: s.indicators.map((i) => i.code) })),
    ids: {
      wardId: rows.ward.id,
      periodId,
      programmeId: rows.programme.id,
      indicatorIds: Object.fromEntries(all.map((i) => [i.code, i.id])),
      unitIds: Object.fromEntries(units.map((u) => [u.slug, u.id])),
    },
  };
}
