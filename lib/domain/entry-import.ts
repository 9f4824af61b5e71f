// What an imported file would change, computed without writing: each row is new, changed (old →
// new), unchanged, in conflict (changed in the app since the file was exported) or invalid (with a
// Vietnamese reason naming the indicator and the cell). Pure: the readers of .xlsx and .csv turn a
// file into `ParsedEntryFile`, the loader gives the grid, this decides.

import { UNSAFE_TEXT_MESSAGE, hasUnsafeText } from "./safe-text";
import { fromScaled, toScaled } from "./decimal";
import type { Qualifier } from "./enums";
import { cellKey } from "./cell-key";
import { cellOf, type EntryFileGrid, type GridIndicator } from "./entry-file-grid";
import { deriveWardFigures, derivedMessage, sameValue } from "./entry-grid";
import { EXACT_WORDS, MORE_THAN_WORDS } from "./entry-template";
import { numberToDecimalString, shiftDecimal } from "./excel-number";
import { figureStamp, readVersionCell } from "./export-stamp";
import { checkOutlier } from "./outlier";
import { checkRules, checkValueType } from "./value-rules";
import { formatViInput, parseViNumber } from "./vi-number";

export const NOTE_MAX = 500;

/** A cell as read from the file, before any interpretation. */
export type RawCell =
  | { kind: "empty" }
  | { kind: "number"; value: number; percent?: boolean }
  | { kind: "text"; text: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "formula" }
  | { kind: "date" }
  | { kind: "error"; text: string };

/** One data row of the file, with the address of each cell it came from ("F12"). */
export type ParsedRow = {
  sheet: "ward" | "groups";
  /** the unit's slug: the ward, or a residential group */
  unit: string;
  indicator: string;
  value: RawCell;
  valueRef: string;
  /** absent on the groups sheet: the stored qualifier and note stay as they are */
  qualifier?: { cell: RawCell; ref: string };
  note?: { cell: RawCell; ref: string };
  version: RawCell;
  versionRef: string;
  /** where the row's code is, for messages about the row itself */
  codeRef: string;
};

export type FileHeader = { ward: string; year: number; programme: string };

export type ParsedEntryFile = { header: FileHeader; rows: ParsedRow[] };

export type ImportFailure = { ok: false; message: string };

export type RowStatus = "new" | "changed" | "unchanged" | "conflict" | "invalid";

export type Figure = { value: string | null; qualifier: Qualifier; note: string | null };

export type PreviewRow = {
  key: string;
  sheet: "ward" | "groups";
  unit: string;
  unitName: string;
  indicator: string;
  indicatorName: string;
  ref: string;
  status: RowStatus;
  old: Figure;
  next: Figure | null;
  messages: string[];
  /** set for new/changed rows: what saveEntryValues gets */
  change?: { indicatorId: number; orgUnitId: number; baseVersion: number; outlierConfirmed: boolean };
};

export type ImportPreview = {
  rows: PreviewRow[];
  counts: Record<RowStatus, number>;
  /** true when at least one row changes and no row is invalid or in conflict */
  canApply: boolean;
};

/** Refuses a file meant for another ward, year or programme (nothing is compared then). */
export function checkHeader(header: FileHeader, grid: EntryFileGrid): ImportFailure | null {
  const wrong: string[] = [];
  if (header.ward !== grid.ward.slug) wrong.push(`đơn vị “${header.ward}” (trang này: “${grid.ward.slug}”)`);
  if (header.year !== grid.year) wrong.push(`năm ${header.year} (trang này: năm ${grid.year})`);
  if (header.programme !== grid.programme.slug)
    wrong.push(`chương trình “${header.programme}” (trang này: “${grid.programme.slug}”)`);
  if (wrong.length === 0) return null;
  return {
    ok: false,
    message: `Tệp này là số liệu của ${wrong.join(", ")}. Hãy chọn đúng tệp, hoặc mở trang nhập liệu của đơn vị, năm và chương trình ghi trong tệp.`,
  };
}

/** The preview of `file` against `grid`. The header must have been checked (checkHeader). */
export function previewImport(file: ParsedEntryFile, grid: EntryFileGrid): ImportPreview {
  const indicators = new Map(grid.sections.flatMap((s) => s.indicators).map((i) => [i.code, i]));
  const units = new Map([grid.ward, ...grid.groups].map((u) => [u.slug, u]));
  const firstSeen = new Map<string, string>();
  const rows: PreviewRow[] = [];

  for (const r of file.rows) {
    const key = cellKey(r.unit, r.indicator);
    const indicator = indicators.get(r.indicator);
    const unit = units.get(r.unit);
    const old = figureOf(cellOf(grid, r.unit, r.indicator));
    const row: PreviewRow = {
      key,
      sheet: r.sheet,
      unit: r.unit,
      unitName: unit?.shortName ?? r.unit,
      indicator: r.indicator,
      indicatorName: indicator?.name ?? r.indicator,
      ref: r.valueRef,
      status: "invalid",
      old,
      next: null,
      messages: [],
    };
    rows.push(row);
    const label = `“${row.indicatorName}”`;
    if (!indicator) {
      row.messages.push(
        `Ô ${r.codeRef}: mã chỉ tiêu “${r.indicator}” không thuộc chương trình ${grid.programme.code}.`,
      );
      continue;
    }
    if (!unit) {
      row.messages.push(
        `Ô ${r.codeRef}: đơn vị “${r.unit}” không phải là ${grid.ward.name} hay một tổ dân phố của phường.`,
      );
      continue;
    }
    const groupUnit = r.unit !== grid.ward.slug;
    if (indicator.perGroup !== groupUnit) {
      const where = indicator.perGroup ? "theo từng tổ dân phố" : "cho cả phường";
      row.messages.push(`Ô ${r.codeRef}: chỉ tiêu ${label} được nhập ${where}, không nhập ở dòng này.`);
      continue;
    }
    const earlier = firstSeen.get(key);
    if (earlier) {
      row.messages.push(
        `Ô ${r.codeRef}: chỉ tiêu ${label} của ${row.unitName} trùng với dòng ở ô ${earlier}; mỗi chỉ tiêu chỉ ghi một lần.`,
      );
      continue;
    }
    firstSeen.set(key, r.codeRef);

    const version = readVersion(r.version);
    if (version === null)
      row.messages.push(`Ô ${r.versionRef}: phiên bản không hợp lệ; đừng sửa cột ẩn “Phiên bản”. Hãy xuất tệp mới.`);
    const value = readValue(r.value, r.valueRef, indicator);
    if (!value.ok) row.messages.push(value.message);
    const qualifier = r.qualifier
      ? readQualifier(r.qualifier.cell, r.qualifier.ref, label)
      : { ok: true as const, value: old.qualifier };
    if (!qualifier.ok) row.messages.push(qualifier.message);
    const note = r.note ? readNote(r.note.cell, r.note.ref, label) : { ok: true as const, value: old.note };
    if (!note.ok) row.messages.push(note.message);
    if (!value.ok || !qualifier.ok || !note.ok || version === null) continue;

    if (qualifier.value === "MORE_THAN") {
      if (indicator.valueType === "BOOLEAN")
        row.messages.push(`Ô ${r.qualifier!.ref}: chỉ tiêu ${label} (đạt/chưa đạt) không ghi “trên”.`);
      else if (value.value === null)
        row.messages.push(`Ô ${r.qualifier!.ref}: đã ghi “trên” thì phải nhập số ở ô ${r.valueRef} (${label}).`);
      if (row.messages.length > 0) continue;
    }
    const next: Figure = { value: value.value, qualifier: qualifier.value, note: note.value };
    row.next = next;
    if (indicator.derivedFrom) {
      // the ward figure computed from the groups: its row is there to be read. A value other than
      // the stored one was typed (refused, as in the form) unless the row is older than the stored
      // figure (the file predates a recomputation): then it is simply not read.
      row.next = old;
      if (sameValue(old.value, next.value) || version.version !== cellOf(grid, r.unit, r.indicator).version)
        row.status = "unchanged";
      else row.messages.push(`Ô ${r.valueRef}: ${derivedMessage(indicator.name)}`);
      continue;
    }
    if (sameFigure(old, next)) {
      row.status = "unchanged";
      continue;
    }
    const current = cellOf(grid, r.unit, r.indicator);
    if (version.version !== current.version) {
      // changed in the app since the export: left alone in the file, the app's figure stays
      if (version.stamp !== null && version.stamp === figureStamp(next, r.note !== undefined)) {
        row.status = "unchanged";
        row.next = old;
        row.messages.push(
          `Đã được sửa trong ứng dụng sau khi xuất tệp (nay là ${show(old, indicator)}); tệp không sửa ô này nên giữ giá trị trong ứng dụng.`,
        );
        continue;
      }
      row.status = "conflict";
      row.messages.push(
        `${label} của ${row.unitName} đã được sửa trong ứng dụng sau khi xuất tệp: hiện là ${show(old, indicator)}, tệp ghi ${show(next, indicator)}. Hãy xuất tệp mới rồi nhập lại.`,
      );
      continue;
    }
    let outlierConfirmed = false;
    if (next.value !== null && indicator.valueType !== "BOOLEAN") {
      const outlier = checkOutlier(next.value, grid.history[key] ?? []);
      if (outlier.outlier && current.outlierConfirmed && sameValue(old.value, next.value)) {
        outlierConfirmed = true; // the same value, confirmed before: only its "trên" or note changes
      } else if (outlier.outlier && !r.note) {
        // the groups' sheet has no note column to give the reason in, as the form asks
        row.messages.push(
          `Ô ${r.valueRef} (${label}, ${row.unitName}): ${outlier.message} Hãy nhập giá trị này ở trang nhập theo tổ dân phố, xác nhận và ghi lý do.`,
        );
        continue;
      } else if (outlier.outlier) {
        // only a reason written for this value confirms it: a note stored earlier was about another
        if (!next.note || next.note === old.note) {
          const stale = next.note
            ? ` Ghi chú đã có (“${next.note}”) không xác nhận giá trị mới: hãy ghi lý do cho giá trị này.`
            : "";
          row.messages.push(
            `Ô ${r.valueRef} (${label}): ${outlier.message} Ghi lý do vào ô ${r.note?.ref ?? "Ghi chú"} để xác nhận.${stale}`,
          );
          continue;
        }
        outlierConfirmed = true; // the note added or changed in the file is the reason; the preview shows it before "Áp dụng"
        row.messages.push(`Khác xa các năm trước; xác nhận theo ghi chú: “${next.note}”.`);
      }
    }
    row.status = old.value === null && current.source === "none" ? "new" : "changed";
    row.change = { indicatorId: indicator.id, orgUnitId: unit.id, baseVersion: version.version, outlierConfirmed };
  }

  checkRulesOf(rows, grid);
  addDerivedRows(rows, grid);
  const counts: Record<RowStatus, number> = { new: 0, changed: 0, unchanged: 0, conflict: 0, invalid: 0 };
  for (const r of rows) counts[r.status]++;
  return { rows, counts, canApply: counts.invalid === 0 && counts.conflict === 0 && counts.new + counts.changed > 0 };
}

/** Cross-field rules per unit, on the stored values with the file's changes laid over them. */
function checkRulesOf(rows: PreviewRow[], grid: EntryFileGrid): void {
  if (grid.rules.length === 0) return;
  const names = new Map(grid.sections.flatMap((s) => s.indicators).map((i) => [i.code, i.name]));
  for (const unit of [grid.ward, ...grid.groups]) {
    const changed = rows.filter((r) => r.unit === unit.slug && r.change);
    if (changed.length === 0) continue;
    const values = new Map<string, string | null>();
    const moreThan = new Set<string>();
    for (const code of names.keys()) {
      const cell = cellOf(grid, unit.slug, code);
      values.set(code, cell.value);
      if (cell.qualifier === "MORE_THAN") moreThan.add(code);
    }
    for (const r of changed) {
      values.set(r.indicator, r.next!.value);
      if (r.next!.qualifier === "MORE_THAN") moreThan.add(r.indicator);
      else moreThan.delete(r.indicator);
    }
    // "trên 38" on the right: the true figure is larger, so exceeding 38 proves nothing
    const applicable = grid.rules.filter((rule) => !moreThan.has(rule.right));
    for (const v of checkRules(applicable, values, names)) {
      const involved = changed.filter((r) => v.indicators.includes(r.indicator));
      for (const r of involved) {
        r.status = "invalid";
        r.change = undefined;
        r.messages.push(`Ô ${r.ref}: ${v.message}`);
      }
    }
  }
}

/**
 * The ward figures computed from the groups, recomputed with the groups' changes as the form's
 * save does: the ward's row (from the file, or added) shows the new figure and saves it too.
 */
function addDerivedRows(rows: PreviewRow[], grid: EntryFileGrid): void {
  const groupChanges = rows.filter((r) => r.change && r.unit !== grid.ward.slug);
  if (groupChanges.length === 0) return;
  const changed = new Map(groupChanges.map((r) => [r.key, r.next!.value]));
  const touched = new Set(groupChanges.map((r) => r.indicator));
  const wardIndicators = grid.sections.flatMap((s) => s.indicators).filter((i) => !i.perGroup);
  // only the figures whose groups changed: importing an unchanged file changes nothing
  const derived = deriveWardFigures({
    wardIndicators: wardIndicators.filter((i) => i.derivedFrom && touched.has(i.derivedFrom)),
    groups: grid.groups.map((g) => g.slug),
    groupValue: (group, indicator) => {
      const key = cellKey(group, indicator);
      return changed.has(key) ? changed.get(key)! : cellOf(grid, group, indicator).value;
    },
    wardCell: (indicator) => cellOf(grid, grid.ward.slug, indicator),
  });
  for (const d of derived) {
    const indicator = wardIndicators.find((i) => i.code === d.indicator)!;
    const current = cellOf(grid, grid.ward.slug, d.indicator);
    const key = cellKey(grid.ward.slug, d.indicator);
    const next: Figure = { value: d.value, qualifier: "EXACT", note: d.note };
    const change = {
      indicatorId: indicator.id,
      orgUnitId: grid.ward.id,
      baseVersion: current.version,
      outlierConfirmed: false,
    };
    const message = `${d.note} Tỷ lệ của phường được tính lại theo số liệu các tổ trong tệp.`;
    const fromFile = rows.find((r) => r.key === key);
    if (fromFile && fromFile.status !== "unchanged") continue; // the file's own row is already refused
    const status: RowStatus = current.value === null && current.source === "none" ? "new" : "changed";
    if (fromFile) Object.assign(fromFile, { status, next, change, messages: [message] });
    else
      rows.push({
        key,
        sheet: "ward",
        unit: grid.ward.slug,
        unitName: grid.ward.shortName,
        indicator: d.indicator,
        indicatorName: indicator.name,
        ref: "—",
        status,
        old: figureOf(current),
        next,
        messages: [message],
        change,
      });
  }
}

/** One row of the preview as the page shows it. */
export type ImportRowView = {
  ref: string;
  unit: string;
  indicator: string;
  /** "unchanged" only with a reason (a row the app changed since the export, kept as it is) */
  status: RowStatus;
  old: string;
  /** the value in the file, when it differs from the stored one ("trên" included); null when the value stays */
  next: string | null;
  /** the note, when the file changes it — also on a row whose value stays: "Áp dụng" writes it too */
  note: { old: string | null; next: string | null } | null;
  messages: string[];
};

/** Every row but the unchanged ones without a message, in the file's order. */
export function previewRowViews(preview: ImportPreview, grid: EntryFileGrid): ImportRowView[] {
  const types = new Map(grid.sections.flatMap((s) => s.indicators).map((i) => [i.code, i]));
  const views: ImportRowView[] = [];
  for (const r of preview.rows) {
    if (r.status === "unchanged" && r.messages.length === 0) continue;
    const indicator = types.get(r.indicator) ?? { valueType: "DECIMAL" as const };
    const next = r.status === "unchanged" ? null : r.next;
    views.push({
      ref: r.ref,
      unit: r.unitName,
      indicator: r.indicatorName,
      status: r.status,
      old: show(r.old, indicator),
      next:
        next && (!sameValue(r.old.value, next.value) || r.old.qualifier !== next.qualifier)
          ? show(next, indicator)
          : null,
      note: next && (r.old.note ?? null) !== (next.note ?? null) ? { old: r.old.note, next: next.note } : null,
      messages: r.messages,
    });
  }
  return views;
}

const figureOf = (c: { value: string | null; qualifier: Qualifier; note: string | null }): Figure => ({
  value: c.value,
  qualifier: c.qualifier,
  note: c.note,
});

const canonical = (v: string | null) => (v === null ? null : fromScaled(toScaled(v)));

export function sameFigure(a: Figure, b: Figure): boolean {
  return (
    canonical(a.value) === canonical(b.value) && a.qualifier === b.qualifier && (a.note ?? null) === (b.note ?? null)
  );
}

/** A figure as the preview and messages show it: "trên 1.691", "Đạt", "(trống)". */
export function show(f: Figure, indicator: Pick<GridIndicator, "valueType">): string {
  if (f.value === null) return "(trống)";
  return `${f.qualifier === "MORE_THAN" ? "trên " : ""}${formatViInput(f.value, indicator.valueType)}`;
}

function readVersion(cell: RawCell): { version: number; stamp: string | null } | null {
  if (cell.kind === "empty") return { version: 0, stamp: null };
  const text = cell.kind === "number" ? String(cell.value) : cell.kind === "text" ? cell.text : null;
  return text === null ? null : readVersionCell(text);
}

type Read<T> = { ok: true; value: T } | { ok: false; message: string };

/** A value cell: a real number taken exactly, or text in the Vietnamese format; empty clears. */
export function readValue(
  cell: RawCell,
  ref: string,
  indicator: Pick<GridIndicator, "name" | "valueType">,
): Read<string | null> {
  const label = `“${indicator.name}”`;
  const fail = (message: string): Read<string | null> => ({ ok: false, message: `Ô ${ref} (${label}): ${message}` });
  switch (cell.kind) {
    case "empty":
      return { ok: true, value: null };
    case "formula":
      return { ok: false, message: `Ô ${ref} chứa công thức; hãy dán giá trị (${label}).` };
    case "date":
      return fail("là ngày tháng, không phải là số.");
    case "error":
      return fail(`có lỗi ${cell.text}, không phải là số.`);
    case "boolean":
      return indicator.valueType === "BOOLEAN"
        ? { ok: true, value: cell.value ? "1" : "0" }
        : fail(`“${cell.value ? "TRUE" : "FALSE"}” không phải là số.`);
    case "number": {
      let value = numberToDecimalString(cell.value);
      if (value === null) return fail("không phải là số hữu hạn.");
      // 90,5% typed into Excel is stored as 0.905 with a percent format: the person meant 90,5
      if (cell.percent) value = shiftDecimal(value, 2);
      const invalid = checkValueType(indicator.valueType, value);
      return invalid ? fail(`${formatViInput(value, indicator.valueType)}: ${invalid}`) : { ok: true, value };
    }
    case "text": {
      const text = cell.text.trim();
      if (text === "") return { ok: true, value: null };
      const parsed = parseViNumber(text, indicator.valueType);
      if (parsed.ok) return { ok: true, value: parsed.value };
      const what = indicator.valueType === "BOOLEAN" ? "không phải là “Đạt” hay “Chưa đạt”" : "không phải là số";
      return fail(`“${text}” ${what}. ${parsed.message}`);
    }
  }
}

function readQualifier(cell: RawCell, ref: string, label: string): Read<Qualifier> {
  if (cell.kind === "boolean") return { ok: true, value: cell.value ? "MORE_THAN" : "EXACT" };
  if (cell.kind === "formula") return { ok: false, message: `Ô ${ref} chứa công thức; hãy dán giá trị (${label}).` };
  const text = cell.kind === "empty" ? "" : cell.kind === "text" ? cell.text.trim().toLowerCase() : null;
  if (text !== null && MORE_THAN_WORDS.has(text)) return { ok: true, value: "MORE_THAN" };
  if (text !== null && EXACT_WORDS.has(text)) return { ok: true, value: "EXACT" };
  return { ok: false, message: `Ô ${ref} (${label}): cột “Trên” chỉ ghi “trên” hoặc để trống.` };
}

function readNote(cell: RawCell, ref: string, label: string): Read<string | null> {
  if (cell.kind === "formula") return { ok: false, message: `Ô ${ref} chứa công thức; hãy dán giá trị (${label}).` };
  const text =
    cell.kind === "text"
      ? cell.text
      : cell.kind === "number"
        ? (numberToDecimalString(cell.value) ?? "")
        : cell.kind === "boolean"
          ? String(cell.value)
          : "";
  if (hasUnsafeText(text)) return { ok: false, message: `Ô ${ref} (${label}): ${UNSAFE_TEXT_MESSAGE}` };
  const note = text.normalize("NFC").trim() || null;
  if (note && note.length > NOTE_MAX)
    return { ok: false, message: `Ô ${ref} (${label}): ghi chú tối đa ${NOTE_MAX} ký tự.` };
  return { ok: true, value: note };
}

/** What saveEntryValues receives: only the new and changed rows. */
export function changesOf(preview: ImportPreview) {
  return preview.rows.flatMap((r) =>
    r.change && r.next ? [{ ...r.change, value: r.next.value, qualifier: r.next.qualifier, note: r.next.note }] : [],
  );
}

/** A stable fingerprint of the changes, so "Áp dụng" applies exactly what the preview showed. */
export function changeFingerprint(preview: ImportPreview): string {
  return JSON.stringify(
    changesOf(preview).map((c) => [
      c.indicatorId,
      c.orgUnitId,
      c.value,
      c.qualifier,
      c.note,
      c.baseVersion,
      c.outlierConfirmed,
    ]),
  );
}
