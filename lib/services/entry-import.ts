import "server-only";
// Importing an entry file: read it (.xlsx or .csv), load the grid it is meant for, refuse what does
// not fit (wrong file, locked period), compute the preview; applying does all that again and hands
// exactly the previewed changes to saveEntryValues — one transaction, all or nothing, with the
// versions recorded in the file.

import { createHash } from "node:crypto";
import { cellIdKey } from "@/lib/domain/cell-key";
import { type EntryFileGrid, STATUS_LABELS, isEditable } from "@/lib/domain/entry-file-grid";
import {
  type ImportPreview,
  changeFingerprint,
  changesOf,
  checkHeader,
  previewImport,
} from "@/lib/domain/entry-import";
import { IMPORT_LIMITS } from "@/lib/domain/entry-template";
import { readEntryCsv } from "@/lib/format/entry-csv";
import { ODS, readEntryWorkbook } from "@/lib/xlsx/read-entry-workbook";
import { getEntryFileGrid } from "@/lib/data/entry-file-grid";
import { type Actor, type Conflict, saveEntryValues } from "@/lib/data/entry-save";
import { createSlots } from "./read-slots";
import type { ReadScope } from "@/lib/data/scope";

export type ImportTarget = { ward: string; year: number; programme: string };

export type PreviewOutcome =
  | { ok: true; grid: EntryFileGrid; preview: ImportPreview; fingerprint: string }
  | { ok: false; code: "invalid" | "locked" | "not-found" | "busy"; message: string };

/** Files being read (preview and apply) in this server process; see IMPORT_LIMITS. */
export const fileReadSlots = createSlots(IMPORT_LIMITS.concurrentReads, IMPORT_LIMITS.waitingReads);

export const BUSY_MESSAGE = "Hệ thống đang bận đọc các tệp khác; hãy thử lại sau ít phút. Chưa ghi gì.";

const MB = (n: number) => `${(n / 1048576).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} MB`;

/** .xlsx by its zip signature (an .ods is a zip too: the reader tells them apart), .csv by its name; anything else is refused. */
function kindOf(name: string, bytes: Uint8Array): "xlsx" | "csv" | null {
  const lower = name.toLowerCase();
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "xlsx";
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) return "csv";
  return null;
}

/** `scope`: the reader's; a ward outside it is not found. */
export async function previewEntryFile(
  target: ImportTarget,
  file: { name: string; bytes: Uint8Array },
  scope: ReadScope,
): Promise<PreviewOutcome> {
  if (file.bytes.length === 0)
    return {
      ok: false,
      code: "invalid",
      message: "Tệp rỗng. Hãy chọn tệp Excel (.xlsx) hoặc CSV đã tải từ trang này.",
    };
  if (file.bytes.length > IMPORT_LIMITS.bytes) {
    return {
      ok: false,
      code: "invalid",
      message: `Tệp quá lớn (${MB(file.bytes.length)}); tối đa ${MB(IMPORT_LIMITS.bytes)}.`,
    };
  }
  const kind = kindOf(file.name, file.bytes);
  if (!kind) {
    const lower = file.name.toLowerCase();
    return {
      ok: false,
      code: "invalid",
      message: lower.endsWith(".xls")
        ? "Tệp .xls (Excel 97–2003) không được nhận: hãy mở bằng Excel và lưu lại dạng .xlsx."
        : /\.f?ods$/.test(lower)
          ? ODS
          : "Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).",
    };
  }
  const read = await fileReadSlots.run(async () =>
    kind === "xlsx" ? readEntryWorkbook(file.bytes) : readEntryCsv(file.bytes),
  );
  if (!read.ok) return { ok: false, code: "busy", message: BUSY_MESSAGE };
  const parsed = read.value;
  if (!parsed.ok) return { ok: false, code: "invalid", message: parsed.message };

  const grid = await getEntryFileGrid({
    wardSlug: target.ward,
    year: target.year,
    programmeSlug: target.programme,
    scope,
  });
  if (!grid)
    return { ok: false, code: "not-found", message: "Không tìm thấy chương trình của năm này cho đơn vị này." };
  const wrong = checkHeader(parsed.header, grid);
  if (wrong) return { ok: false, code: "invalid", message: wrong.message };
  if (!isEditable(grid)) {
    return {
      ok: false,
      code: "locked",
      message: `Số liệu năm ${grid.year} của ${grid.ward.name} (${grid.programme.code}) ${STATUS_LABELS[grid.submission!.status]}, không nhập tệp được. Chỉ nhập khi đang nhập hoặc bị trả lại.`,
    };
  }
  const preview = previewImport(parsed, grid);
  return { ok: true, grid, preview, fingerprint: fingerprintOf(preview) };
}

const fingerprintOf = (preview: ImportPreview) =>
  createHash("sha256").update(changeFingerprint(preview)).digest("hex").slice(0, 32);

export type ApplyOutcome =
  | { ok: true; changed: number; preview: ImportPreview }
  | {
      ok: false;
      code: "invalid" | "locked" | "not-found" | "conflict" | "busy";
      message: string;
      grid?: EntryFileGrid;
      preview?: ImportPreview;
      conflicts?: Conflict[];
    };

/**
 * Applies the file's changes when they are still exactly those of the preview the person saw
 * (`fingerprint`); all or nothing. A second import of the same file finds nothing to change.
 */
export async function applyEntryFile({
  actor,
  target,
  file,
  fingerprint,
  scope,
}: {
  actor: Actor;
  target: ImportTarget;
  file: { name: string; bytes: Uint8Array };
  fingerprint: string;
  scope: ReadScope;
}): Promise<ApplyOutcome> {
  const outcome = await previewEntryFile(target, file, scope);
  if (!outcome.ok) return outcome;
  const { grid, preview } = outcome;
  if (preview.counts.invalid > 0 || preview.counts.conflict > 0) {
    return {
      ok: false,
      code: preview.counts.invalid > 0 ? "invalid" : "conflict",
      message: "Tệp còn dòng lỗi hoặc xung đột; không ghi gì.",
      grid,
      preview,
    };
  }
  if (outcome.fingerprint !== fingerprint) {
    return {
      ok: false,
      code: "conflict",
      message: "Số liệu hoặc tệp đã thay đổi từ lúc xem trước. Hãy bấm “Xem trước” lại rồi áp dụng.",
      grid,
      preview,
    };
  }
  const changes = changesOf(preview);
  if (changes.length === 0) return { ok: true, changed: 0, preview };
  const saved = await saveEntryValues(
    actor,
    { wardId: grid.ward.id, periodId: grid.periodId, programmeId: grid.programme.id },
    changes,
  );
  if (saved.ok) return { ok: true, changed: saved.changed, preview };
  if (saved.code === "locked")
    return {
      ok: false,
      code: "locked",
      message: `Số liệu ${STATUS_LABELS[saved.status]}, không ghi gì.`,
      grid,
      preview,
    };
  return {
    ok: false,
    code: "conflict",
    message: `${saved.conflicts.length} giá trị vừa được người khác sửa trong lúc nhập; không ghi gì. Hãy xuất tệp mới rồi nhập lại.`,
    grid,
    preview: markConflicts(preview, saved.conflicts),
    conflicts: saved.conflicts,
  };
}

/** The preview with the rows saveEntryValues found changed meanwhile marked as conflicts. */
function markConflicts(preview: ImportPreview, conflicts: Conflict[]): ImportPreview {
  const keys = new Set(conflicts.map((c) => cellIdKey(c)));
  const rows = preview.rows.map((r) =>
    r.change && keys.has(cellIdKey(r.change))
      ? { ...r, status: "conflict" as const, messages: [...r.messages, "Vừa được người khác sửa trong lúc nhập."] }
      : r,
  );
  const counts = { new: 0, changed: 0, unchanged: 0, conflict: 0, invalid: 0 };
  for (const r of rows) counts[r.status]++;
  return { rows, counts, canApply: false };
}
