import "server-only";
// Targets entered in the grid or imported from a file: both become the same list of cell changes,
// checked against the programme's grid (its indicators, its term's years, the wards under its
// issuer) and written by saveTargets in one transaction. The file goes through preview → apply:
// the preview writes nothing and answers a fingerprint of the changes and the versions they start
// from; apply recomputes them and writes only if the fingerprint is the same.
import { createHash } from "node:crypto";
import { type TargetChange, type TargetGrid, getTargetGrid, saveTargets, targetKey } from "@/lib/data/target-save";
import type { Actor } from "@/lib/data/record-write";
import { formatTargetCell, parseTargetCell } from "@/lib/domain/target-cell";
import { viFold } from "@/lib/domain/vi-fold";
import type { Failure } from "@/lib/result";
import { isFormulaCell, readTargetTable } from "@/lib/xlsx/read-target-table";

export type TargetDocument = { title: string; issuedOn: string | null };
export type CellError = { cell: string; message: string };

/** How a person names a cell: "Vi phạm đã xử lý, năm 2026, phường Bồ Đề". */
function cellLabel({
  grid,
  indicatorId,
  periodId,
  orgUnitId,
}: {
  grid: TargetGrid;
  indicatorId: number;
  periodId: number;
  orgUnitId: number | null;
}): string {
  const i = grid.indicators.find((x) => x.id === indicatorId);
  const p = grid.periods.find((x) => x.id === periodId);
  const w = orgUnitId === null ? null : grid.wards.find((x) => x.id === orgUnitId);
  return `${i?.name ?? indicatorId}, ${p?.year === null || p === undefined ? "cả nhiệm kỳ" : `năm ${p.year}`}${w ? `, phường ${w.shortName}` : ""}`;
}

/**
 * The grid form's cells (`c:<indicator>:<period>:<unit or "">` → text, `v:…` → the version shown)
 * as changes; a cell naming anything outside the grid is refused.
 */
export function changesFromGridForm(
  grid: TargetGrid,
  fields: Record<string, string>,
): { ok: true; changes: TargetChange[] } | { ok: false; errors: CellError[] } {
  const changes: TargetChange[] = [];
  const errors: CellError[] = [];
  for (const [name, text] of Object.entries(fields)) {
    const m = /^c:(\d+):(\d+):(\d*)$/.exec(name);
    if (!m) continue;
    const [indicatorId, periodId] = [Number(m[1]), Number(m[2])];
    const orgUnitId = m[3] === "" ? null : Number(m[3]);
    const indicator = grid.indicators.find((i) => i.id === indicatorId);
    if (
      !indicator ||
      !grid.periods.some((p) => p.id === periodId) ||
      (orgUnitId !== null && !grid.wards.some((w) => w.id === orgUnitId))
    ) {
      errors.push({ cell: name, message: "Ô không thuộc chương trình này. Hãy tải lại trang." });
      continue;
    }
    const label = cellLabel({ grid, indicatorId, periodId, orgUnitId });
    const parsed = parseTargetCell(text, indicator);
    if (!parsed.ok) {
      errors.push({ cell: name, message: `${label}: ${parsed.message}` });
      continue;
    }
    const version = Number(fields[`v:${indicatorId}:${periodId}:${m[3]}`] ?? "0");
    changes.push({
      indicatorId,
      periodId,
      orgUnitId,
      target: parsed.target,
      baseVersion: Number.isInteger(version) ? version : -1,
      label,
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, changes };
}

export type SaveGridOutcome =
  | { ok: true; created: number; updated: number; deleted: number; unchanged: number }
  | Failure<"not-found">
  | Failure<"invalid", { errors: CellError[] }>
  | Failure<"conflict", { cells: string[] }>;

/** Saves the grid of one programme of a term (issued by one of `issuerIds`). */
export async function saveTargetGrid({
  actor,
  term,
  programme,
  issuerIds,
  fields,
  document,
}: {
  actor: Actor;
  term: string;
  programme: string;
  issuerIds: readonly number[];
  fields: Record<string, string>;
  document: TargetDocument;
}): Promise<SaveGridOutcome> {
  const grid = await getTargetGrid({ termSlug: term, programmeSlug: programme, issuerIds });
  if (!grid) return { ok: false, code: "not-found" };
  const read = changesFromGridForm(grid, fields);
  if (!read.ok) return { ok: false, code: "invalid", errors: read.errors };
  return saveTargets({ actor, changes: read.changes, document });
}

// --- import from a file -----------------------------------------------------------------------

/** The file's columns, in this order, with a header row (the first row). */
export const TARGET_FILE_COLUMNS = ["Mã chỉ tiêu", "Năm", "Phường", "Chỉ tiêu"] as const;

export type TargetRowView = {
  row: number;
  label: string;
  /** "mới", "thay đổi", "không đổi", "xóa" or the refusal */
  status: "new" | "changed" | "unchanged" | "cleared" | "invalid";
  before: string | null;
  after: string | null;
  message?: string;
};

export type TargetImportPreview = {
  rows: TargetRowView[];
  counts: Record<TargetRowView["status"], number>;
  canApply: boolean;
  fingerprint: string;
};

/** Reads the file's rows against the grid: each row one cell, refusing unknown codes, years and wards. */
function readRows(grid: TargetGrid, rows: string[][]): { views: TargetRowView[]; changes: TargetChange[] } {
  const views: TargetRowView[] = [];
  const changes: TargetChange[] = [];
  const seen = new Set<string>();
  const header = rows[0]?.map((h) => viFold(h.trim())) ?? [];
  const expected = TARGET_FILE_COLUMNS.map(viFold);
  const headerOk = expected.every((h, i) => header[i] === h);
  if (!headerOk) {
    views.push({
      row: 1,
      label: "Dòng tiêu đề",
      status: "invalid",
      before: null,
      after: null,
      message: `Dòng đầu phải là các cột: ${TARGET_FILE_COLUMNS.join("; ")}.`,
    });
    return { views, changes };
  }
  const termPeriod = grid.periods.find((p) => p.year === null);
  rows.slice(1).forEach((cells, index) => {
    const row = index + 2;
    const [code = "", yearText = "", wardText = "", text = ""] = cells.map((c) => c.normalize("NFC").trim());
    if (cells.every((c) => c.trim() === "")) return;
    const bad = (label: string, message: string) =>
      views.push({ row, label, status: "invalid", before: null, after: null, message: `Dòng ${row}: ${message}` });
    if (cells.some(isFormulaCell)) return bad(code, "ô chứa công thức; hãy dán giá trị.");
    const indicator = grid.indicators.find((i) => i.code === code);
    if (!indicator)
      return bad(
        code,
        `không có chỉ tiêu mã “${code}” trong chương trình ${grid.programme.code} nhiệm kỳ ${grid.term.name}.`,
      );
    const wholeTerm = yearText === "" || viFold(yearText) === "ca nhiem ky";
    const period = wholeTerm ? termPeriod : grid.periods.find((p) => p.year !== null && String(p.year) === yearText);
    if (!period)
      return bad(
        indicator.name,
        `năm “${yearText}” không thuộc nhiệm kỳ ${grid.term.startYear}–${grid.term.endYear} (để trống hoặc ghi “Cả nhiệm kỳ” cho chỉ tiêu cả nhiệm kỳ).`,
      );
    const ward =
      wardText === ""
        ? null
        : grid.wards.find(
            (w) => w.slug === wardText || viFold(w.shortName) === viFold(wardText.replace(/^phường\s+/iu, "")),
          );
    if (ward === undefined)
      return bad(indicator.name, `không có phường “${wardText}” thuộc đơn vị ban hành chương trình.`);
    const key = targetKey(indicator.id, period.id, ward?.id ?? null);
    const label = cellLabel({ grid, indicatorId: indicator.id, periodId: period.id, orgUnitId: ward?.id ?? null });
    if (seen.has(key)) return bad(label, "ô này đã có ở một dòng trên.");
    seen.add(key);
    const parsed = parseTargetCell(text, indicator);
    if (!parsed.ok) return bad(label, parsed.message);
    const stored = grid.targets[key];
    const before = stored ? formatTargetCell(stored, indicator.valueType) : null;
    const after = parsed.target ? formatTargetCell(parsed.target, indicator.valueType) : null;
    const status = before === after ? "unchanged" : before === null ? "new" : after === null ? "cleared" : "changed";
    views.push({ row, label, status, before, after });
    if (status !== "unchanged")
      changes.push({
        indicatorId: indicator.id,
        periodId: period.id,
        orgUnitId: ward?.id ?? null,
        target: parsed.target,
        baseVersion: stored?.version ?? 0,
        label,
      });
  });
  return { views, changes };
}

function fingerprintOf(changes: TargetChange[], document: TargetDocument): string {
  return createHash("sha256").update(JSON.stringify({ changes, document })).digest("hex").slice(0, 32);
}

type FileInput = {
  term: string;
  programme: string;
  issuerIds: readonly number[];
  file: { name: string; bytes: Uint8Array };
  document: TargetDocument;
};

async function readFile(
  input: FileInput,
): Promise<
  | { ok: true; preview: TargetImportPreview; changes: TargetChange[] }
  | Failure<"not-found">
  | Failure<"invalid", { message: string }>
> {
  const grid = await getTargetGrid({
    termSlug: input.term,
    programmeSlug: input.programme,
    issuerIds: input.issuerIds,
  });
  if (!grid) return { ok: false, code: "not-found" };
  const table = await readTargetTable(input.file);
  if (!table.ok) return { ok: false, code: "invalid", message: table.message };
  if (table.rows.length < 2) return { ok: false, code: "invalid", message: "Tệp rỗng: không có dòng chỉ tiêu nào." };
  const { views, changes } = readRows(grid, table.rows);
  const counts = { new: 0, changed: 0, unchanged: 0, cleared: 0, invalid: 0 };
  for (const v of views) counts[v.status]++;
  return {
    ok: true,
    changes,
    preview: {
      rows: views,
      counts,
      canApply: counts.invalid === 0 && changes.length > 0,
      fingerprint: fingerprintOf(changes, input.document),
    },
  };
}

/** Xem trước: what the file would change, writing nothing. */
export async function previewTargetFile(input: FileInput) {
  const read = await readFile(input);
  return read.ok ? { ok: true as const, preview: read.preview } : read;
}

/**
 * Áp dụng: the same file, with the preview's fingerprint. Refused as a whole when a row is invalid, or
 * when the targets changed since the preview (the fingerprint covers the versions the changes start from).
 */
export async function applyTargetFile(input: FileInput & { actor: Actor; fingerprint: string }) {
  const read = await readFile(input);
  if (!read.ok) return read;
  if (read.preview.counts.invalid > 0)
    return { ok: false as const, code: "invalid" as const, message: "Tệp còn dòng lỗi: sửa tệp rồi xem trước lại." };
  if (read.preview.fingerprint !== input.fingerprint)
    return { ok: false as const, code: "conflict" as const, cells: [] as string[] };
  const saved = await saveTargets({ actor: input.actor, changes: read.changes, document: input.document });
  return saved.ok ? { ...saved, preview: read.preview } : saved;
}
