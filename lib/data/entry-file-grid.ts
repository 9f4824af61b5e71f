import "server-only";
// The entry grid of one (ward, year, programme) for the Excel/CSV export and import: indicators by
// section, the ward's residential groups, each cell's starting value (the ward's entry value if it
// exists, else the published figure of the year) with its version, last year's figures, targets,
// earlier years (outlier check) and the programme's cross-field rules. Scoped to the ward and its
// groups in every query, and to the reader's ReadScope.
//
// Why not the form's loader (entry-grid.ts)? Both start each cell from the same value and version
// (the entry value, else the year's published figure), but the file needs a different shape and
// reads a little differently:
// - one grid holding both the ward's rows and every group's rows, indicators with their database
//   ids, in their sections (the form loads one page at a time, "ward" or "groups", with the ward
//   figures derived from the groups, and keeps the ids apart);
// - only the groups that existed during the year (the form lists every group of the ward);
// - the year's targets only (the form falls back to the term's);
// - last year and the outlier history from the ward's published figures of the five years before,
//   across terms (the form: earlier years of the same term, for every unit);
// - no sources or editors' names.
// The workbook, the CSV and the import's preview are built on this shape.

import { db } from "@/lib/db";
import { type EntryFileGrid, type GridCell, type GridSection, rowKey } from "@/lib/domain/entry-file-grid";
import { existingDuring } from "./org-units";
import { type ReadScope, scopeWhere } from "./scope";
import { decimalOrNull, decimalString } from "./serialize";

const HISTORY_YEARS = 5;

/** Null when the ward (or one outside `scope`), the programme or the year is unknown. */
export async function getEntryFileGrid(wardSlug: string, year: number, programmeSlug: string, scope: ReadScope): Promise<EntryFileGrid | null> {
  const ward = await db().orgUnit.findFirst({
    where: { slug: wardSlug, level: "WARD", ...scopeWhere(scope) },
    select: { id: true, slug: true, name: true, shortName: true },
  });
  if (!ward) return null;
  // the ward's programme of that year: the term whose years include it (the latest term at a boundary year)
  const programme = await db().programme.findFirst({
    where: { slug: programmeSlug, term: { periods: { some: { kind: "YEAR", year } } } },
    orderBy: { term: { startYear: "desc" } },
    select: { id: true, slug: true, code: true, title: true, termId: true },
  });
  if (!programme) return null;
  const period = await db().period.findFirst({ where: { termId: programme.termId, kind: "YEAR", year }, select: { id: true } });
  if (!period) return null;

  const [sections, groups, submission, rules] = await Promise.all([
    db().indicatorSection.findMany({
      where: { programmeId: programme.id },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      select: {
        code: true,
        name: true,
        indicators: {
          orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
          select: { id: true, code: true, name: true, unit: true, valueType: true, collectionLevel: true, parent: { select: { code: true } } },
        },
      },
    }),
    db().orgUnit.findMany({
      where: {
        parentId: ward.id,
        level: "RESIDENTIAL_GROUP",
        ...scopeWhere(scope),
        ...existingDuring(year),
      },
      orderBy: [{ sortOrder: "asc" }, { slug: "asc" }],
      select: { id: true, slug: true, name: true, shortName: true },
    }),
    db().submission.findUnique({
      where: { orgUnitId_periodId_programmeId: { orgUnitId: ward.id, periodId: period.id, programmeId: programme.id } },
      select: {
        status: true,
        version: true,
        values: { select: { indicatorId: true, orgUnitId: true, value: true, qualifier: true, note: true, version: true } },
      },
    }),
    db().indicatorRule.findMany({ where: { programmeId: programme.id }, orderBy: { code: "asc" }, select: { code: true, kind: true, left: true, right: true, description: true } }),
  ]);

  const unitIds = [ward.id, ...groups.map((g) => g.id)];
  const slugById = new Map([ward, ...groups].map((u) => [u.id, u.slug]));
  const indicatorIds = sections.flatMap((s) => s.indicators.map((i) => i.id));
  const codeById = new Map(sections.flatMap((s) => s.indicators.map((i) => [i.id, i.code] as const)));
  const [results, earlier, targets] = await Promise.all([
    db().result.findMany({
      where: { periodId: period.id, indicatorId: { in: indicatorIds }, orgUnitId: { in: unitIds } },
      select: { indicatorId: true, orgUnitId: true, value: true, qualifier: true, note: true },
    }),
    db().result.findMany({
      where: { orgUnitId: ward.id, indicatorId: { in: indicatorIds }, period: { kind: "YEAR", year: { lt: year, gte: year - HISTORY_YEARS } } },
      orderBy: { period: { year: "asc" } },
      select: { indicatorId: true, value: true, qualifier: true, period: { select: { year: true } } },
    }),
    db().target.findMany({
      where: { periodId: period.id, indicatorId: { in: indicatorIds }, OR: [{ orgUnitId: null }, { orgUnitId: ward.id }] },
      // the ward's own target last, so that it wins over the one for every unit
      orderBy: { orgUnitId: { sort: "asc", nulls: "first" } },
      select: { indicatorId: true, comparison: true, value: true },
    }),
  ]);

  const cells: Record<string, GridCell> = {};
  for (const r of results) {
    cells[rowKey(slugById.get(r.orgUnitId)!, codeById.get(r.indicatorId)!)] = {
      value: decimalString(r.value),
      qualifier: r.qualifier,
      note: r.note,
      version: 0,
      source: "result",
    };
  }
  for (const e of submission?.values ?? []) {
    const unit = slugById.get(e.orgUnitId);
    const code = codeById.get(e.indicatorId);
    if (!unit || !code) continue;
    cells[rowKey(unit, code)] = { value: decimalOrNull(e.value), qualifier: e.qualifier, note: e.note, version: e.version, source: "entry" };
  }
  const lastYear: EntryFileGrid["lastYear"] = {};
  const history: EntryFileGrid["history"] = {};
  for (const r of earlier) {
    const code = codeById.get(r.indicatorId)!;
    const value = decimalString(r.value);
    (history[rowKey(ward.slug, code)] ??= []).push(value);
    if (r.period.year === year - 1) lastYear[code] = { value, qualifier: r.qualifier };
  }
  const targetByCode: EntryFileGrid["targets"] = {};
  for (const t of targets) targetByCode[codeById.get(t.indicatorId)!] = { comparison: t.comparison, value: decimalString(t.value) };

  const gridSections: GridSection[] = sections.map((s) => ({
    code: s.code,
    name: s.name,
    indicators: s.indicators.map((i) => ({
      id: i.id,
      code: i.code,
      name: i.name,
      unit: i.unit,
      valueType: i.valueType,
      parentCode: i.parent?.code ?? null,
      perGroup: i.collectionLevel === "RESIDENTIAL_GROUP",
    })),
  }));

  return {
    ward,
    year,
    periodId: period.id,
    programme: { id: programme.id, slug: programme.slug, code: programme.code, title: programme.title },
    submission: submission ? { status: submission.status, version: submission.version } : null,
    sections: gridSections,
    groups,
    cells,
    lastYear,
    targets: targetByCode,
    history,
    rules: rules.map((r) => ({ ...r, kind: r.kind })),
  };
}
