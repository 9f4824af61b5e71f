// The yearly entry grid's plain data and pure helpers, shared by the loader (server), the form
// (browser) and the save action: what a cell starts from, what counts as a change, the payload
// rows, the ward figure derived from the residential groups, and the local draft.

import { splitCellKey } from "./cell-key";
import { fromScaled, roundDecimal, toScaled } from "./decimal";
import { wardShareFromGroups } from "./residential-groups";
import type { Rule } from "./value-rules";
import type { Comparison, Qualifier, SubmissionStatus, ValueType } from "./enums";
import { formatViInput } from "./vi-number";

export type EntryTargetInfo = { comparison: Comparison; value: string; isDemo: boolean; scope: "year" | "term" };

export type EntryIndicator = {
  code: string;
  name: string;
  unit: string;
  valueType: ValueType;
  /** 0 for a main row, 1 for a category sub-row of the row above */
  depth: number;
  parentCode: string | null;
  description: string | null;
  target: EntryTargetInfo | null;
  /** a ward figure computed from the residential groups (entered on the groups' page, not here) */
  derivedFrom: string | null;
};

export type EntrySection = { code: string; name: string; indicators: EntryIndicator[] };

/** Where a cell's starting value comes from. */
export type CellOrigin =
  | { kind: "entry"; updatedByName: string | null; updatedAt: string }
  | { kind: "published"; label: string; isDemo: boolean }
  | { kind: "empty" };

export type EntryCell = {
  unit: string;
  indicator: string;
  value: string | null;
  qualifier: Qualifier;
  note: string | null;
  outlierConfirmed: boolean;
  /** the EntryValue's version; 0 when nothing was entered yet (the value is then the published one) */
  version: number;
  origin: CellOrigin;
  /** the published result of the year before */
  lastYear: { value: string; qualifier: Qualifier } | null;
};

export type EntryUnit = { slug: string; name: string; shortName: string };

export type EntryGrid = {
  ward: EntryUnit;
  year: number;
  term: { slug: string; name: string; startYear: number; endYear: number };
  programme: { code: string; slug: string; title: string };
  /** the ward's own indicators, by section (category sub-rows under their parent) */
  sections: EntrySection[];
  /** indicators collected per residential group */
  groupIndicators: EntryIndicator[];
  /** the ward's residential groups (filled for the groups' page) */
  groups: EntryUnit[];
  rules: Rule[];
  submission: { status: SubmissionStatus; version: number };
  /** by cellKey(unit, indicator) */
  cells: Record<string, EntryCell>;
  /** published values of earlier years of the term, by cellKey (for the outlier check) */
  history: Record<string, string[]>;
};

/** One row as the person has it on screen. */
export type RowState = { raw: string; qualifier: Qualifier; note: string; outlierConfirmed: boolean };

/** Why the grid is read-only for this submission status; null when it can be edited. */
export function lockedReason(status: SubmissionStatus): string | null {
  if (status === "SUBMITTED") return "Đã gửi, chờ Đảng ủy duyệt: số liệu không sửa được cho đến khi Đảng ủy trả lại.";
  if (status === "APPROVED") return "Đã duyệt và khóa: muốn sửa, cán bộ quận, thành phố phải mở khóa.";
  return null;
}

/** What the input shows for a stored value. */
export function rawOf(value: string | null, valueType: ValueType): string {
  if (value === null) return "";
  return valueType === "BOOLEAN" ? (value === "1" || value === "1.0" ? "1" : "0") : formatViInput(value, valueType);
}

export function initialRow(cell: EntryCell, valueType: ValueType): RowState {
  return {
    raw: rawOf(cell.value, valueType),
    qualifier: cell.qualifier,
    note: cell.note ?? "",
    outlierConfirmed: cell.outlierConfirmed,
  };
}

/** Has the person changed this row from what it started as (text compared as typed, trimmed)? */
export function isChanged(row: RowState, base: RowState): boolean {
  return (
    row.raw.trim() !== base.raw.trim() ||
    row.qualifier !== base.qualifier ||
    row.note.trim() !== base.note.trim() ||
    row.outlierConfirmed !== base.outlierConfirmed
  );
}

export type PayloadRow = {
  indicator: string;
  unit: string;
  raw: string;
  qualifier: Qualifier;
  note?: string;
  outlierConfirmed: boolean;
  baseVersion: number;
};

/** The rows to send: only the changed ones, each with the version it started from. */
export function changedPayloadRows(
  rows: Record<string, RowState>,
  bases: Record<string, RowState>,
  versions: Record<string, number>,
): PayloadRow[] {
  const out: PayloadRow[] = [];
  for (const [key, row] of Object.entries(rows)) {
    const base = bases[key];
    if (!base || !isChanged(row, base)) continue;
    const [unit, indicator] = splitCellKey(key);
    out.push({
      indicator,
      unit,
      raw: row.raw.trim(),
      qualifier: row.qualifier,
      ...(row.note.trim() ? { note: row.note.trim() } : {}),
      outlierConfirmed: row.outlierConfirmed,
      baseVersion: versions[key] ?? 0,
    });
  }
  return out;
}

/**
 * The ward's share (%) of groups achieving a yes/no indicator, from each group's value (null:
 * none), as the ward's figure is written: to 1 decimal, like the published figures (31/38 →
 * "81.6", not "81.5789"). Groups without a value count as not achieving, as on the dashboards;
 * null when no group has a value at all (nothing to derive from yet). The exact share is never
 * lost: it is computed again from the groups' values wherever it is used (wardShareFromGroups).
 */
export function derivedWardShare(groupValues: Array<string | null>): string | null {
  const present = groupValues.filter((v): v is string => v !== null);
  if (present.length === 0) return null;
  const share = wardShareFromGroups(
    present.map((value) => ({ value })),
    groupValues.length,
  );
  return share ? roundDecimal(share.percent, PUBLISHED_SHARE_DECIMALS) : null;
}

/** Decimals of a ward share as the reports publish it ("73,7 %"). */
export const PUBLISHED_SHARE_DECIMALS = 1;

/** Why a ward figure computed from the groups cannot be typed (the form and the import say the same). */
export const derivedMessage = (indicatorName: string) =>
  `“${indicatorName}” của phường được tính từ các tổ dân phố, không nhập trực tiếp: hãy nhập số liệu từng tổ ở trang “Nhập theo tổ dân phố”.`;

export type DerivedWardFigure = { indicator: string; value: string | null; note: string };

/**
 * The ward figures computed from the residential groups (share of groups achieving) that a save
 * must write with the groups' values: where the result differs from the ward's stored figure, or
 * where that figure is only the published one (it then gets its entry value). Shared by the form's
 * save and the file import, so both leave the ward figure agreeing with its groups.
 */
export function deriveWardFigures(input: {
  /** the ward's indicators, each with the group indicator it is computed from (if any) */
  wardIndicators: ReadonlyArray<{ code: string; derivedFrom: string | null }>;
  groups: readonly string[];
  /** a group's value after the save: the stored one with the changes laid over it */
  groupValue: (group: string, indicator: string) => string | null;
  /** the ward's stored figure, or undefined when the grid does not hold it */
  wardCell: (indicator: string) => { value: string | null; version: number } | undefined;
}): DerivedWardFigure[] {
  const out: DerivedWardFigure[] = [];
  for (const ward of input.wardIndicators) {
    const stored = input.wardCell(ward.code);
    if (!ward.derivedFrom || !stored) continue;
    const values = input.groups.map((g) => input.groupValue(g, ward.derivedFrom!));
    const value = derivedWardShare(values);
    if (sameValue(value, stored.value) && (stored.version > 0 || value === null)) continue;
    const achieved = values.filter((v) => v !== null && Number(v) >= 1).length;
    out.push({ indicator: ward.code, value, note: `Tính từ ${achieved}/${input.groups.length} tổ dân phố.` });
  }
  return out;
}

/** Same figure? (canonical decimal comparison; null equals null) */
export function sameValue(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  try {
    return fromScaled(toScaled(a)) === fromScaled(toScaled(b));
  } catch {
    return a === b;
  }
}

// ---------------------------------------------------------------------------------------------
// The local copy of unsaved edits (survives a reload, a crash or a closed tab)
// ---------------------------------------------------------------------------------------------

export type Draft = { savedAt: string; rows: Record<string, RowState & { baseVersion: number }> };

export const draftKey = (
  ward: string,
  year: number,
  programme: string,
  page: "phuong" | "to-dan-pho",
  userId: string,
) => `ctk:nhap-lieu:v1:${ward}:${year}:${programme}:${page}:${userId}`;

/** Parses a stored draft; null when missing or not ours. */
export function readDraft(text: string | null): Draft | null {
  if (!text) return null;
  try {
    const d = JSON.parse(text) as Draft;
    if (typeof d?.savedAt !== "string" || typeof d.rows !== "object" || d.rows === null) return null;
    const rows: Draft["rows"] = {};
    for (const [k, r] of Object.entries(d.rows)) {
      if (typeof r?.raw !== "string" || typeof r.note !== "string" || typeof r.baseVersion !== "number") continue;
      rows[k] = {
        raw: r.raw,
        note: r.note,
        qualifier: r.qualifier === "MORE_THAN" ? "MORE_THAN" : "EXACT",
        outlierConfirmed: r.outlierConfirmed === true,
        baseVersion: r.baseVersion,
      };
    }
    return Object.keys(rows).length > 0 ? { savedAt: d.savedAt, rows } : null;
  } catch {
    return null;
  }
}

/** The draft of the rows that differ from their saved state; null when nothing is unsaved. */
export function makeDraft(
  rows: Record<string, RowState>,
  bases: Record<string, RowState>,
  versions: Record<string, number>,
  now: Date,
): Draft | null {
  const out: Draft["rows"] = {};
  for (const [key, row] of Object.entries(rows)) {
    if (bases[key] && isChanged(row, bases[key])) out[key] = { ...row, baseVersion: versions[key] ?? 0 };
  }
  return Object.keys(out).length > 0 ? { savedAt: now.toISOString(), rows: out } : null;
}

/**
 * A draft applied to the rows on screen: only keys that still exist. Each keeps the version it
 * was started from, so a value saved by someone else meanwhile comes back as a conflict, never as
 * a silent overwrite.
 */
export function applyDraft(draft: Draft, rows: Record<string, RowState>, versions: Record<string, number>) {
  const nextRows = { ...rows };
  const nextVersions = { ...versions };
  for (const [key, r] of Object.entries(draft.rows)) {
    if (!(key in rows)) continue;
    const { baseVersion, ...row } = r;
    nextRows[key] = row;
    nextVersions[key] = baseVersion;
  }
  return { rows: nextRows, versions: nextVersions };
}
