import "server-only";
// The yearly entry grid of one ward, year and programme: indicators by section, each cell's
// starting value (the entry value, else the published figure of that year), last year's figure,
// the target, the cross-field rules and earlier years (for the outlier check). Five queries.
import { db } from "@/lib/db";
import { existingDuring } from "./org-units";
import { type ReadScope, scopeWhere } from "./scope";
import {
  type CellOrigin,
  cellKey,
  type EntryCell,
  type EntryGrid,
  type EntryIndicator,
  type EntrySection,
  type EntryTargetInfo,
} from "@/lib/domain/entry-grid";
import { WARD_COUNTERPART } from "@/lib/domain/residential-groups";
import { formatSource } from "@/lib/format/vi";
import { decimalString, isoDay } from "./serialize";

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

const indicatorSelect = {
  id: true,
  code: true,
  name: true,
  unit: true,
  valueType: true,
  collectionLevel: true,
  wardFromGroups: true,
  description: true,
  parent: { select: { code: true } },
} as const;

/**
 * The grid of `scope`: the ward's own indicators ("ward"), or the indicators collected per
 * residential group for every group of the ward that year, with the ward cells of their
 * counterparts ("groups"), or both ("all"). Null when the ward, the programme (issued above the
 * ward, in a term holding the year) or the year is unknown.
 */
export async function getEntryGrid(
  wardSlug: string,
  year: number,
  programmeSlug: string,
  scope: EntryScope,
  readable: ReadScope,
): Promise<{ grid: EntryGrid; ids: EntryIds; layout: SectionLayout[] } | null> {
  // 1. the ward with its ancestors (the programme's issuer is one of them) and its groups; a ward
  //    outside what the reader may read is not found, and every later query hangs on its id
  const ward = await db().orgUnit.findFirst({
    where: { slug: wardSlug, ...scopeWhere(readable) },
    select: {
      id: true,
      slug: true,
      name: true,
      shortName: true,
      level: true,
      parent: { select: { id: true, parent: { select: { id: true, parentId: true } } } },
      // the groups of that year: one dissolved before it (or formed after) has nothing to enter
      children: {
        where: { level: "RESIDENTIAL_GROUP", ...existingDuring(year) },
        select: { id: true, slug: true, name: true, shortName: true },
        orderBy: [{ sortOrder: "asc" }, { slug: "asc" }],
      },
    },
  });
  if (!ward || ward.level !== "WARD") return null;
  const ancestors = [ward.parent?.id, ward.parent?.parent?.id, ward.parent?.parent?.parentId].filter((id): id is number => typeof id === "number");

  // 2. the programme with its term, periods, indicators and rules
  const programme = await db().programme.findFirst({
    where: { slug: programmeSlug, issuerId: { in: ancestors }, term: { startYear: { lte: year }, endYear: { gte: year } } },
    orderBy: { term: { startYear: "desc" } },
    select: {
      id: true,
      code: true,
      slug: true,
      title: true,
      term: { select: { id: true, slug: true, name: true, startYear: true, endYear: true, periods: { select: { id: true, kind: true, year: true } } } },
      sections: { orderBy: { sortOrder: "asc" }, select: { code: true, name: true, indicators: { orderBy: { sortOrder: "asc" }, select: indicatorSelect } } },
      rules: { orderBy: { code: "asc" }, select: { code: true, kind: true, left: true, right: true, description: true } },
    },
  });
  if (!programme) return null;
  const period = programme.term.periods.find((p) => p.kind === "YEAR" && p.year === year);
  if (!period) return null;
  const termPeriod = programme.term.periods.find((p) => p.kind === "TERM");
  const earlier = programme.term.periods.filter((p) => p.kind === "YEAR" && p.year !== null && p.year < year);
  const yearOf = new Map(programme.term.periods.map((p) => [p.id, p.year]));

  const all = programme.sections.flatMap((s) => s.indicators);
  const wardIndicators = all.filter((i) => i.collectionLevel !== "RESIDENTIAL_GROUP");
  const groupIndicators = all.filter((i) => i.collectionLevel === "RESIDENTIAL_GROUP");
  const byCode = new Map(all.map((i) => [i.code, i]));
  // ward figures computed from the groups: the counterpart of a `wardFromGroups` group indicator
  const derivedFrom = new Map<string, string>();
  for (const g of groupIndicators) {
    const counterpart = WARD_COUNTERPART[g.code];
    if (g.wardFromGroups && counterpart && byCode.has(counterpart)) derivedFrom.set(counterpart, g.code);
  }

  const groups = scope === "ward" ? [] : ward.children;
  const units = [{ id: ward.id, slug: ward.slug }, ...groups];
  const unitSlug = new Map(units.map((u) => [u.id, u.slug]));
  // the cells of this grid: (unit, indicator)
  const wardCells = scope === "groups" ? [...derivedFrom.keys()].map((code) => byCode.get(code)!) : wardIndicators;
  const cellIndicators = [
    ...wardCells.map((i) => ({ unitId: ward.id, indicator: i })),
    ...groups.flatMap((g) => groupIndicators.map((i) => ({ unitId: g.id, indicator: i }))),
  ];
  const indicatorIds = [...new Set(cellIndicators.map((c) => c.indicator.id))];
  const unitIds = units.map((u) => u.id);

  // 3–5: published figures of this and earlier years, targets, the submission with its values
  const [results, targets, submission] = await Promise.all([
    db().result.findMany({
      where: { indicatorId: { in: indicatorIds }, orgUnitId: { in: unitIds }, periodId: { in: [period.id, ...earlier.map((p) => p.id)] } },
      select: {
        indicatorId: true,
        orgUnitId: true,
        periodId: true,
        value: true,
        qualifier: true,
        source: { select: { title: true, issuedOn: true, kind: true } },
      },
    }),
    db().target.findMany({
      where: {
        indicatorId: { in: indicatorIds },
        periodId: { in: [period.id, ...(termPeriod ? [termPeriod.id] : [])] },
        OR: [{ orgUnitId: null }, { orgUnitId: ward.id }],
      },
      select: { indicatorId: true, periodId: true, orgUnitId: true, comparison: true, value: true, source: { select: { kind: true } } },
      orderBy: { orgUnitId: { sort: "asc", nulls: "first" } },
    }),
    db().submission.findUnique({
      where: { orgUnitId_periodId_programmeId: { orgUnitId: ward.id, periodId: period.id, programmeId: programme.id } },
      select: {
        status: true,
        version: true,
        values: {
          where: { indicatorId: { in: indicatorIds }, orgUnitId: { in: unitIds } },
          select: { indicatorId: true, orgUnitId: true, value: true, qualifier: true, note: true, outlierConfirmed: true, version: true, updatedById: true, updatedAt: true },
        },
      },
    }),
  ]);
  const editors = [...new Set(submission?.values.map((v) => v.updatedById) ?? [])];
  const names = editors.length
    ? new Map((await db().user.findMany({ where: { id: { in: editors } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]))
    : new Map<string, string>();

  // targets: the year's wins over the term's, a ward's own over the general one
  const targetOf = new Map<number, EntryTargetInfo>();
  for (const scopeKind of ["term", "year"] as const) {
    for (const t of targets) {
      const isYear = t.periodId === period.id;
      if ((scopeKind === "year") !== isYear) continue;
      targetOf.set(t.indicatorId, { comparison: t.comparison, value: decimalString(t.value), isDemo: t.source.kind === "DEMO", scope: scopeKind });
    }
  }

  const idOf = new Map(all.map((i) => [i.code, i.id]));
  const toIndicator = (i: (typeof all)[number]): EntryIndicator => ({
    code: i.code,
    name: i.name,
    unit: i.unit,
    valueType: i.valueType,
    depth: i.parent ? 1 : 0,
    parentCode: i.parent?.code ?? null,
    description: i.description,
    target: targetOf.get(i.id) ?? null,
    derivedFrom: derivedFrom.get(i.code) ?? null,
  });

  const published = new Map<string, (typeof results)[number]>();
  const lastYear = new Map<string, (typeof results)[number]>();
  const history: Record<string, string[]> = {};
  const codeOf = new Map(all.map((i) => [i.id, i.code]));
  for (const r of results) {
    const key = cellKey(unitSlug.get(r.orgUnitId)!, codeOf.get(r.indicatorId)!);
    const y = yearOf.get(r.periodId);
    if (r.periodId === period.id) published.set(key, r);
    else {
      (history[key] ??= []).push(decimalString(r.value));
      if (y === year - 1) lastYear.set(key, r);
    }
  }
  const entries = new Map((submission?.values ?? []).map((v) => [cellKey(unitSlug.get(v.orgUnitId)!, codeOf.get(v.indicatorId)!), v]));

  const cells: Record<string, EntryCell> = {};
  for (const { unitId, indicator } of cellIndicators) {
    const unit = unitSlug.get(unitId)!;
    const key = cellKey(unit, indicator.code);
    const entry = entries.get(key);
    const pub = published.get(key);
    const last = lastYear.get(key);
    let origin: CellOrigin = { kind: "empty" };
    if (entry) origin = { kind: "entry", updatedByName: names.get(entry.updatedById) ?? null, updatedAt: entry.updatedAt.toISOString() };
    else if (pub) origin = { kind: "published", label: sourceLabel(pub.source), isDemo: pub.source.kind === "DEMO" };
    const start = entry ?? pub;
    cells[key] = {
      unit,
      indicator: indicator.code,
      value: start?.value == null ? null : decimalString(start.value),
      qualifier: start?.qualifier ?? "EXACT",
      note: entry ? entry.note : null,
      outlierConfirmed: entry?.outlierConfirmed ?? false,
      version: entry?.version ?? 0,
      origin,
      lastYear: last ? { value: decimalString(last.value), qualifier: last.qualifier } : null,
    };
  }

  const sections: EntrySection[] = programme.sections
    .map((s) => ({ code: s.code, name: s.name, indicators: s.indicators.filter((i) => i.collectionLevel !== "RESIDENTIAL_GROUP").map(toIndicator) }))
    .filter((s) => s.indicators.length > 0);

  const grid: EntryGrid = {
    ward: { slug: ward.slug, name: ward.name, shortName: ward.shortName },
    year,
    term: { slug: programme.term.slug, name: programme.term.name, startYear: programme.term.startYear, endYear: programme.term.endYear },
    programme: { code: programme.code, slug: programme.slug, title: programme.title },
    sections,
    groupIndicators: groupIndicators.map(toIndicator),
    groups: groups.map((g) => ({ slug: g.slug, name: g.name, shortName: g.shortName })),
    rules: programme.rules,
    submission: { status: submission?.status ?? "DRAFT", version: submission?.version ?? 0 },
    cells,
    history,
  };
  return {
    grid,
    layout: programme.sections.map((s) => ({ code: s.code, name: s.name, indicators: s.indicators.map((i) => i.code) })),
    ids: {
      wardId: ward.id,
      periodId: period.id,
      programmeId: programme.id,
      indicatorIds: Object.fromEntries([...idOf]),
      unitIds: Object.fromEntries(units.map((u) => [u.slug, u.id])),
    },
  };
}

function sourceLabel(s: { title: string; issuedOn: Date | null; kind: string }): string {
  if (s.kind === "DEMO") return "Dữ liệu minh họa";
  return formatSource({ title: s.title, issuedOn: isoDay(s.issuedOn) });
}
