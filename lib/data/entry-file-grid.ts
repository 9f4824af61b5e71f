import "server-only";
// The entry grid of one (ward, year, programme) for the Excel/CSV export and import, built from
// the form's own loader (entry-grid.ts, scope "all"): the same cells, versions, groups of the year,
// earlier years for the outlier check and rules as the form, so a figure the form accepts the file
// accepts too. What the file adds is its shape: one grid holding the ward's rows and every group's,
// with the database ids the save needs. Scoped to the reader's ReadScope by that loader.

import type { EntryCell, EntryGrid } from "@/lib/domain/entry-grid";
import type { EntryFileGrid, GridCell, GridSection } from "@/lib/domain/entry-file-grid";
import type { EntryIds, SectionLayout } from "@/lib/domain/entry-grid-assembly";
import { getEntryGrid } from "./entry-grid";
import type { ReadScope } from "./scope";

/** Null when the ward (or one outside `scope`), the programme or the year is unknown. */
export async function getEntryFileGrid({
  wardSlug,
  year,
  programmeSlug,
  scope,
}: {
  wardSlug: string;
  year: number;
  programmeSlug: string;
  scope: ReadScope;
}): Promise<EntryFileGrid | null> {
  const loaded = await getEntryGrid({ wardSlug, year, programmeSlug, scope: "all", readable: scope });
  return loaded && toFileGrid(loaded.grid, loaded.ids, loaded.layout);
}

function toFileGrid(grid: EntryGrid, ids: EntryIds, layout: SectionLayout[]): EntryFileGrid {
  const groupCodes = new Set(grid.groupIndicators.map((i) => i.code));
  const byCode = new Map(
    [...grid.sections.flatMap((s) => s.indicators), ...grid.groupIndicators].map((i) => [i.code, i]),
  );
  // the form keeps the group indicators apart; the file lists them in their sections, in order
  const sections: GridSection[] = layout.map((s) => ({
    code: s.code,
    name: s.name,
    indicators: s.indicators
      .map((code) => byCode.get(code)!)
      .map((i) => ({
        id: ids.indicatorIds[i.code],
        code: i.code,
        name: i.name,
        unit: i.unit,
        valueType: i.valueType,
        parentCode: i.parentCode,
        perGroup: groupCodes.has(i.code),
        derivedFrom: i.derivedFrom,
      })),
  }));
  const cells: Record<string, GridCell> = {};
  const lastYear: EntryFileGrid["lastYear"] = {};
  for (const [key, c] of Object.entries(grid.cells)) {
    if (c.origin.kind !== "empty") cells[key] = toGridCell(c);
    if (c.unit === grid.ward.slug && c.lastYear) lastYear[c.indicator] = c.lastYear;
  }
  const targets: EntryFileGrid["targets"] = {};
  // the file's column is "Chỉ tiêu năm": a target for the whole term is not the year's
  for (const i of grid.sections.flatMap((s) => s.indicators)) {
    if (i.target?.scope === "year") targets[i.code] = { comparison: i.target.comparison, value: i.target.value };
  }
  const unit = (u: { slug: string; name: string; shortName: string }) => ({
    id: ids.unitIds[u.slug],
    slug: u.slug,
    name: u.name,
    shortName: u.shortName,
  });
  return {
    ward: unit(grid.ward),
    year: grid.year,
    periodId: ids.periodId,
    programme: {
      id: ids.programmeId,
      slug: grid.programme.slug,
      code: grid.programme.code,
      title: grid.programme.title,
    },
    submission: grid.submission,
    sections,
    groups: grid.groups.map(unit),
    cells,
    lastYear,
    targets,
    history: grid.history,
    rules: grid.rules,
  };
}

const toGridCell = (c: EntryCell): GridCell => ({
  value: c.value,
  qualifier: c.qualifier,
  note: c.note,
  version: c.version,
  outlierConfirmed: c.outlierConfirmed,
  source: c.origin.kind === "entry" ? "entry" : "result",
});
