import "server-only";
// Saving the yearly entry grid (ward or residential groups) as the form sends it: the payload's rows
// checked against the stored grid with the form's own schema, rules and outlier check, the ward
// figures derived from the groups recomputed, slugs mapped to ids, and the values handed to
// saveEntryValues (one transaction). The server action only guards, parses and calls this.
import { getEntryGrid } from "@/lib/data/entry-grid";
import { cellIdKey, cellKey } from "@/lib/domain/cell-key";
import { type Actor, type EntryChange, saveEntryValues } from "@/lib/data/entry-save";
import type { ReadScope } from "@/lib/data/scope";
import type { Qualifier } from "@/lib/domain/enums";
import { checkOutlier } from "@/lib/domain/outlier";
import { formatNumber } from "@/lib/format/vi";
import {
  type DerivedWardFigure,
  derivedMessage,
  deriveWardFigures,
  type EntryGrid,
  lockedReason,
  rawOf,
} from "@/lib/domain/entry-grid";
import type { EntryScope } from "@/lib/domain/entry-grid-assembly";
import { type ActionResult, failure, success } from "@/lib/result";
import { type EntryPayload, type EntryRow, validateEntryRows } from "@/lib/validation/entry";

export type SavedVersion = { unit: string; indicator: string; version: number; value: string | null };
export type ConflictRow = {
  unit: string;
  indicator: string;
  theirs: {
    value: string | null;
    qualifier: Qualifier;
    note: string | null;
    version: number;
    byName: string | null;
    at: string;
  } | null;
};
export type SaveEntryData = {
  saved?: SavedVersion[];
  /** ward figures the server derived from the groups and saved with them */
  derived?: SavedVersion[];
  conflicts?: ConflictRow[];
  submission?: { status: string; version: number };
};

/** The answer for the form, and how many values changed (the caller refreshes the pages that show them). */
export type EntrySaveOutcome = { result: ActionResult<SaveEntryData>; changed: number };

const INVALID = "Số liệu chưa hợp lệ: xem các ô được đánh dấu. Chưa có gì được lưu; số liệu đã gõ vẫn còn.";
/** A save whose only conflicts are ward figures derived from the groups is simply redone. */
const DERIVED_RETRIES = 3;

/**
 * Saves `payload` as `actor`. `scope`: the units where the person may edit values — the grid is
 * found only among them.
 */
export async function saveEntryGrid({
  actor,
  payload,
  scope: editable,
}: {
  actor: Actor;
  payload: EntryPayload;
  scope: ReadScope;
}): Promise<EntrySaveOutcome> {
  const scope: EntryScope = payload.rows.some((r) => r.unit !== payload.ward) ? "groups" : "ward";
  const answer = (result: ActionResult<SaveEntryData>, changed = 0): EntrySaveOutcome => ({ result, changed });

  for (let attempt = 0; ; attempt++) {
    const loaded = await getEntryGrid({
      wardSlug: payload.ward,
      year: payload.year,
      programmeSlug: payload.programme,
      scope,
      readable: editable,
    });
    if (!loaded) return answer(failure("not-found", "Không tìm thấy phường, năm hoặc chương trình này."));
    const { grid, ids } = loaded;
    const locked = lockedReason(grid.submission.status);
    if (locked) return answer(failure("locked", locked));

    const checked = check(grid, payload.rows);
    if (!checked.ok)
      return answer(failure("invalid", checked.message ?? INVALID, { fieldErrors: checked.fieldErrors }));

    const changes: EntryChange[] = payload.rows.map((r) => ({
      indicatorId: ids.indicatorIds[r.indicator],
      orgUnitId: ids.unitIds[r.unit],
      value: checked.values[cellKey(r.unit, r.indicator)] ?? null,
      qualifier: r.qualifier ?? "EXACT",
      note: r.note?.trim() || null,
      outlierConfirmed: r.outlierConfirmed ?? false,
      baseVersion: r.baseVersion,
    }));
    const derived = scope === "groups" ? wardFiguresOf(grid, checked.values) : [];
    for (const d of derived) {
      const cell = grid.cells[cellKey(grid.ward.slug, d.indicator)];
      changes.push({
        indicatorId: ids.indicatorIds[d.indicator],
        orgUnitId: ids.wardId,
        value: d.value,
        qualifier: "EXACT",
        note: d.note,
        outlierConfirmed: false,
        baseVersion: cell.version,
      });
    }

    if (changes.length === 0)
      return answer(success("Không có thay đổi nào cần lưu.", { saved: [], derived: [], submission: grid.submission }));
    const outcome = await saveEntryValues(
      actor,
      { wardId: ids.wardId, periodId: ids.periodId, programmeId: ids.programmeId },
      changes,
    );
    const slugOf = invert(ids.unitIds);
    const codeOf = invert(ids.indicatorIds);
    if (outcome.ok) {
      const byKey = new Map(changes.map((c) => [cellIdKey(c), c.value]));
      const versions = outcome.versions.map((v) => ({
        unit: slugOf[v.orgUnitId],
        indicator: codeOf[v.indicatorId],
        version: v.version,
        value: byKey.get(cellIdKey(v)) ?? null,
      }));
      const derivedCodes = new Set(derived.map((d) => d.indicator));
      const isDerived = (v: SavedVersion) =>
        v.unit === grid.ward.slug && derivedCodes.has(v.indicator) && scope === "groups";
      return answer(
        success(
          outcome.changed > 0 ? `Đã lưu nháp (${outcome.changed} giá trị thay đổi).` : "Không có thay đổi nào cần lưu.",
          {
            saved: versions.filter((v) => !isDerived(v)),
            derived: versions.filter(isDerived),
            submission: outcome.submission,
          },
        ),
        outcome.changed,
      );
    }
    if (outcome.code === "locked")
      return answer(failure("locked", lockedReason(outcome.status) ?? "Số liệu đang bị khóa."));
    const conflicts: ConflictRow[] = outcome.conflicts.map((c) => ({
      unit: slugOf[c.orgUnitId],
      indicator: codeOf[c.indicatorId],
      theirs: c.theirs && {
        value: c.theirs.value,
        qualifier: c.theirs.qualifier,
        note: c.theirs.note,
        version: c.theirs.version,
        byName: c.theirs.updatedByName,
        at: c.theirs.updatedAt,
      },
    }));
    const onlyDerived = conflicts.every(
      (c) => c.unit === grid.ward.slug && derived.some((d) => d.indicator === c.indicator),
    );
    if (scope === "groups" && onlyDerived && attempt < DERIVED_RETRIES) continue; // recomputed from the newer group values
    return answer(
      failure(
        "conflict",
        "Một số giá trị vừa được người khác lưu. Hãy chọn giữ giá trị của bạn hay lấy giá trị đã lưu cho từng ô.",
        {
          data: { conflicts },
        },
      ),
    );
  }
}

/**
 * The payload's rows checked with the stored rows of the grid around them (the rules see the whole
 * grid); the outlier check applies to the rows sent, each against its unit's earlier years.
 */
function check(grid: EntryGrid, rows: EntryRow[]) {
  const indicators = [...grid.sections.flatMap((s) => s.indicators), ...grid.groupIndicators];
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const fieldErrors: Record<string, string[]> = {};
  for (const r of rows) {
    const key = cellKey(r.unit, r.indicator);
    const cell = grid.cells[key];
    const indicator = byCode.get(r.indicator);
    if (!cell || !indicator) fieldErrors[key] = [`Ô “${r.indicator}” của ${r.unit} không thuộc bảng nhập liệu này.`];
    else if (indicator.derivedFrom && r.unit === grid.ward.slug) fieldErrors[key] = [derivedMessage(indicator.name)];
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false as const, fieldErrors, values: {}, message: undefined };

  const sent = new Set(rows.map((r) => cellKey(r.unit, r.indicator)));
  const stored: EntryRow[] = Object.values(grid.cells)
    .filter((c) => !sent.has(cellKey(c.unit, c.indicator)))
    .map((c) => ({
      indicator: c.indicator,
      unit: c.unit,
      raw: rawOf(c.value, byCode.get(c.indicator)!.valueType),
      qualifier: c.qualifier,
      note: c.note ?? undefined,
      outlierConfirmed: c.outlierConfirmed,
      baseVersion: c.version,
    }));
  const history = Object.fromEntries([...sent].map((k) => [k, grid.history[k] ?? []]));
  const result = validateEntryRows([...rows, ...stored], indicators, grid.rules, history);
  return { ...result, message: undefined };
}

/** Ward figures derived from the groups' values (the saved ones overlaid with those sent), where they change. */
function wardFiguresOf(grid: EntryGrid, sentValues: Record<string, string | null>): DerivedWardFigure[] {
  return deriveWardFigures({
    wardIndicators: grid.sections.flatMap((s) => s.indicators),
    groups: grid.groups.map((g) => g.slug),
    groupValue: (group, indicator) => {
      const key = cellKey(group, indicator);
      return key in sentValues ? sentValues[key] : (grid.cells[key]?.value ?? null);
    },
    wardCell: (indicator) => grid.cells[cellKey(grid.ward.slug, indicator)],
  });
}

const invert = (o: Record<string, number>): Record<number, string> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k]));

/**
 * "Xác nhận số liệu đã công bố": every cell of the page that shows a published figure of the year
 * (a report's, an earlier approval's) and has no entered value becomes an entered value equal to it,
 * in one ordinary save (checked, versioned, audited like the form's). `page` is the grid the person
 * confirms: the ward's own figures, or its residential groups' (the ward figures derived from them are
 * recomputed by the save). A cell entered meanwhile is no longer published-only and is left alone.
 */
export async function confirmPublishedFigures({
  actor,
  target,
  scope,
}: {
  actor: Actor;
  target: { ward: string; year: number; programme: string; page: "ward" | "groups" };
  scope: ReadScope;
}): Promise<EntrySaveOutcome> {
  const loaded = await getEntryGrid({
    wardSlug: target.ward,
    year: target.year,
    programmeSlug: target.programme,
    scope: target.page,
    readable: scope,
  });
  if (!loaded) return { result: failure("not-found", "Không tìm thấy phường, năm hoặc chương trình này."), changed: 0 };
  const rows = publishedOnlyRows(loaded.grid, target.page);
  if (rows.length === 0)
    return {
      result: success("Không còn số liệu đã công bố nào cần xác nhận.", {
        saved: [],
        derived: [],
        submission: loaded.grid.submission,
      }),
      changed: 0,
    };
  const saved = await saveEntryGrid({
    actor,
    payload: { ward: target.ward, year: target.year, programme: target.programme, rows },
    scope,
  });
  if (!saved.result.ok) return saved;
  const count = saved.result.data?.saved?.length ?? 0;
  return {
    ...saved,
    result: {
      ...saved.result,
      message: `Đã xác nhận ${formatNumber(String(count))} số liệu đã công bố là số liệu năm ${target.year} (lưu nháp).`,
    },
  };
}

/** The page's editable cells that show a published figure and hold no entered value, as payload rows. */
export function publishedOnlyRows(grid: EntryGrid, page: "ward" | "groups"): EntryRow[] {
  const indicators = [...grid.sections.flatMap((s) => s.indicators), ...grid.groupIndicators];
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  return Object.values(grid.cells)
    .filter((c) => c.origin.kind === "published" && c.value !== null)
    .filter((c) => (page === "ward" ? c.unit === grid.ward.slug : c.unit !== grid.ward.slug))
    .filter((c) => !byCode.get(c.indicator)?.derivedFrom || c.unit !== grid.ward.slug)
    .map((c) => ({
      indicator: c.indicator,
      unit: c.unit,
      raw: rawOf(c.value, byCode.get(c.indicator)!.valueType),
      qualifier: c.qualifier,
      // the figure was published: taking it over confirms it, even where it stands out from earlier years
      outlierConfirmed: checkOutlier(c.value!, grid.history[cellKey(c.unit, c.indicator)] ?? []).outlier,
      baseVersion: c.version,
    }));
}
