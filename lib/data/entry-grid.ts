import "server-only";
// Loading the yearly entry grid of one ward, year and programme: the ward and its groups, the
// programme's indicators and rules, the published figures of this and earlier years, the targets,
// the submission with its values (five queries, and the editors' names). The grid itself is
// assembled from these rows by lib/domain/entry-grid-assembly.ts.
import { db } from "@/lib/db";
import type { EntryGrid } from "@/lib/domain/entry-grid";
import {
  assembleEntryGrid,
  type EntryIds,
  type EntryScope,
  gridCells,
  type SectionLayout,
} from "@/lib/domain/entry-grid-assembly";
import { formatSource } from "@/lib/format/vi";
import { existingDuring } from "./org-units";
import { appliesToWhere, unitForRule, unitRuleSelect } from "./programmes";
import { type ReadScope, scopeWhere } from "./scope";
import { decimalOrNull, decimalString, isoDay } from "./serialize";

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
export async function getEntryGrid({
  wardSlug,
  year,
  programmeSlug,
  scope,
  readable,
}: {
  wardSlug: string;
  year: number;
  programmeSlug: string;
  scope: EntryScope;
  readable: ReadScope;
}): Promise<{ grid: EntryGrid; ids: EntryIds; layout: SectionLayout[] } | null> {
  // 1. the ward with its path (the programme's issuer is on it, or above a former parent) and its groups; a ward
  //    outside what the reader may read is not found, and every later query hangs on its id
  const ward = await db().orgUnit.findFirst({
    where: { slug: wardSlug, ...scopeWhere(readable) },
    select: {
      slug: true,
      name: true,
      shortName: true,
      level: true,
      ...unitRuleSelect,
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
  // 2. the programme with its term, periods, indicators and rules
  const programme = await db().programme.findFirst({
    where: {
      slug: programmeSlug,
      // only a programme that applies to this ward: issued by it or a unit above it (now or before a
      // move), and its `programme_unit` (none listed: every ward)
      AND: [appliesToWhere(unitForRule(ward))],
      term: { startYear: { lte: year }, endYear: { gte: year } },
    },
    orderBy: { term: { startYear: "desc" } },
    select: {
      id: true,
      code: true,
      slug: true,
      title: true,
      term: {
        select: {
          id: true,
          slug: true,
          name: true,
          startYear: true,
          endYear: true,
          periods: { select: { id: true, kind: true, year: true } },
        },
      },
      sections: {
        orderBy: { sortOrder: "asc" },
        select: { code: true, name: true, indicators: { orderBy: { sortOrder: "asc" }, select: indicatorSelect } },
      },
      rules: {
        orderBy: { code: "asc" },
        select: { code: true, kind: true, left: true, right: true, description: true },
      },
    },
  });
  if (!programme) return null;
  const period = programme.term.periods.find((p) => p.kind === "YEAR" && p.year === year);
  if (!period) return null;
  const termPeriod = programme.term.periods.find((p) => p.kind === "TERM");
  const earlier = programme.term.periods.filter((p) => p.kind === "YEAR" && p.year !== null && p.year < year);

  const sections = programme.sections.map((s) => ({
    code: s.code,
    name: s.name,
    indicators: s.indicators.map(({ parent, ...i }) => ({ ...i, parentCode: parent?.code ?? null })),
  }));
  const frame = {
    scope,
    ward: { id: ward.id, slug: ward.slug, name: ward.name, shortName: ward.shortName },
    groups: ward.children,
    sections,
  };
  const { indicatorIds, unitIds } = gridCells(frame);

  // 3–5: published figures of this and earlier years, targets, the submission with its values
  const [results, targets, submission] = await Promise.all([
    db().result.findMany({
      where: {
        indicatorId: { in: indicatorIds },
        orgUnitId: { in: unitIds },
        periodId: { in: [period.id, ...earlier.map((p) => p.id)] },
      },
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
      select: {
        indicatorId: true,
        periodId: true,
        orgUnitId: true,
        comparison: true,
        value: true,
        source: { select: { kind: true } },
      },
      orderBy: { orgUnitId: { sort: "asc", nulls: "first" } },
    }),
    db().submission.findUnique({
      where: { orgUnitId_periodId_programmeId: { orgUnitId: ward.id, periodId: period.id, programmeId: programme.id } },
      select: {
        status: true,
        version: true,
        values: {
          where: { indicatorId: { in: indicatorIds }, orgUnitId: { in: unitIds } },
          select: {
            indicatorId: true,
            orgUnitId: true,
            value: true,
            qualifier: true,
            note: true,
            outlierConfirmed: true,
            version: true,
            updatedById: true,
            updatedAt: true,
          },
        },
      },
    }),
  ]);
  const editors = [...new Set(submission?.values.map((v) => v.updatedById) ?? [])];
  const names = editors.length
    ? new Map(
        (await db().user.findMany({ where: { id: { in: editors } }, select: { id: true, name: true } })).map((u) => [
          u.id,
          u.name,
        ]),
      )
    : new Map<string, string>();

  const { term } = programme;
  return assembleEntryGrid({
    ...frame,
    year,
    programme: { id: programme.id, code: programme.code, slug: programme.slug, title: programme.title },
    term: { slug: term.slug, name: term.name, startYear: term.startYear, endYear: term.endYear },
    rules: programme.rules,
    periodId: period.id,
    periodYears: new Map(term.periods.map((p) => [p.id, p.year])),
    results: results.map((r) => ({
      ...r,
      value: decimalString(r.value),
      source: { label: sourceLabel(r.source), isDemo: r.source.kind === "DEMO" },
    })),
    targets: targets.map((t) => ({
      indicatorId: t.indicatorId,
      periodId: t.periodId,
      comparison: t.comparison,
      value: decimalString(t.value),
      isDemo: t.source.kind === "DEMO",
    })),
    submission: submission && {
      status: submission.status,
      version: submission.version,
      values: submission.values.map(({ updatedById, ...v }) => ({
        ...v,
        value: decimalOrNull(v.value),
        updatedByName: names.get(updatedById) ?? null,
        updatedAt: v.updatedAt.toISOString(),
      })),
    },
  });
}

function sourceLabel(s: { title: string; issuedOn: Date | null; kind: string }): string {
  if (s.kind === "DEMO") return "Dữ liệu minh họa";
  return formatSource({ title: s.title, issuedOn: isoDay(s.issuedOn) });
}
