"use client";
// Saving the changed rows: only what changed, each with the version it was started from. Every
// failure keeps the typed values and says what happened; a conflict is handed to the person.
import { useActionState, useCallback, useEffect, useRef, useState } from "react";
import { type ConflictRow, type SaveEntryData, saveEntry } from "@/lib/actions/entry";
import { cellKeyOf } from "@/lib/domain/cell-key";
import { changedPayloadRows, type EntryGrid, type PayloadRow } from "@/lib/domain/entry-grid";
import { formatNumber } from "@/lib/format/vi";
import type { ActionResult } from "@/lib/result";
import { useReportSubmissionVersion } from "@/components/review/submission-version";
import type { EntryRows } from "./use-entry-rows";

export type SaveStatus = { kind: "ok" | "info" | "error" | "offline" | "session" | "locked"; text: string } | null;

type Options = {
  grid: EntryGrid;
  entryRows: EntryRows;
  /** the form's messages by cell key: rows with one are not sent */
  fieldErrors: Record<string, string[]>;
  /** called when rows were held back as invalid (moves the focus to the first of them) */
  onInvalid: () => void;
};

export function useEntrySave({ grid, entryRows, fieldErrors, onInvalid }: Options) {
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const [status, setStatus] = useState<SaveStatus>(null);
  const [conflicts, setConflicts] = useState<ConflictRow[] | null>(null);
  const { latest, markSaved } = entryRows;
  // the messages as of the last render: the save runs after the render that started it
  const errorsRef = useRef(fieldErrors);
  useEffect(() => {
    errorsRef.current = fieldErrors;
  });

  const clearServerError = useCallback((key: string) => {
    setServerErrors((prev) => {
      if (!(key in prev)) return prev;
      const { [key]: _gone, ...rest } = prev;
      return rest;
    });
  }, []);

  const reportSubmissionVersion = useReportSubmissionVersion();
  const [, saveAction, pending] = useActionState(async (_prev: null, _form: FormData): Promise<null> => {
    const { rows, bases, versions } = latest.current;
    const changed = changedPayloadRows(rows, bases, versions);
    if (changed.length === 0) {
      setStatus({ kind: "info", text: "Không có thay đổi nào cần lưu." });
      return null;
    }
    // the valid rows are saved; the wrong ones stay on screen, marked, and the focus goes to the first
    const { valid: payloadRows, held } = splitInvalid(changed, errorsRef.current);
    if (held > 0) onInvalid();
    if (payloadRows.length === 0) {
      setStatus({ kind: "error", text: heldText(held, 0) });
      return null;
    }
    const form = new FormData();
    form.set("ward", grid.ward.slug);
    form.set(
      "payload",
      JSON.stringify({ ward: grid.ward.slug, year: grid.year, programme: grid.programme.slug, rows: payloadRows }),
    );
    let result: ActionResult<SaveEntryData>;
    try {
      result = await saveEntry(null, form);
    } catch {
      const offline = typeof navigator !== "undefined" && navigator.onLine === false;
      setStatus({
        kind: "offline",
        text: offline
          ? "Mất kết nối mạng: chưa lưu được. Số liệu đã gõ vẫn còn trên trang và trong bản nháp trên máy này; hãy lưu lại khi có mạng."
          : "Không gửi được đến máy chủ: chưa lưu. Số liệu đã gõ vẫn còn trên trang và trong bản nháp trên máy này; hãy thử lưu lại.",
      });
      return null;
    }
    if (result.data?.submission) reportSubmissionVersion(result.data.submission.version);
    if (result.ok) {
      markSaved(payloadRows, result.data);
      setServerErrors({});
      setConflicts(null);
      if (held > 0) setStatus({ kind: "error", text: heldText(held, payloadRows.length) });
      else setStatus({ kind: "ok", text: result.message ?? "Đã lưu nháp." });
      return null;
    }
    switch (result.code) {
      case "invalid":
        setServerErrors(result.fieldErrors ?? {});
        setStatus({ kind: "error", text: result.message ?? "Số liệu chưa hợp lệ." });
        break;
      case "unauthenticated":
        setStatus({
          kind: "session",
          text: "Phiên đăng nhập đã hết hạn. Số liệu đã gõ vẫn còn trên trang này: hãy đăng nhập lại trong thẻ mới rồi bấm “Lưu nháp”.",
        });
        break;
      case "locked":
        setStatus({ kind: "locked", text: result.message ?? "Số liệu đang bị khóa." });
        break;
      case "unavailable":
        setStatus({ kind: "offline", text: result.message ?? "Chưa lưu được; hãy thử lại." });
        break;
      case "conflict":
        setConflicts(result.data?.conflicts ?? []);
        setStatus({ kind: "error", text: result.message ?? "Có giá trị vừa được người khác lưu." });
        break;
      default:
        setStatus({ kind: "error", text: `${result.message ?? "Máy chủ gặp lỗi."} Số liệu đã gõ vẫn còn trên trang.` });
    }
    return null;
  }, null);

  return {
    saveAction,
    pending,
    status,
    setStatus,
    serverErrors,
    clearServerError,
    conflicts,
    setConflicts,
  };
}

/** The changed rows without a form message, and how many were held back. */
export function splitInvalid(rows: PayloadRow[], fieldErrors: Record<string, string[]>) {
  const valid = rows.filter((r) => !(fieldErrors[cellKeyOf(r)]?.length ?? 0));
  return { valid, held: rows.length - valid.length };
}

/** What the save bar says when some changed rows were not sent because they are wrong. */
export function heldText(held: number, saved: number): string {
  const wrong = `${formatNumber(String(held))} ô chưa hợp lệ (đánh dấu đỏ, lý do ghi ngay dưới ô) chưa được lưu`;
  return saved > 0
    ? `Đã lưu ${formatNumber(String(saved))} ô hợp lệ. ${wrong}: hãy sửa rồi bấm “Lưu nháp” lần nữa.`
    : `Chưa lưu gì: ${wrong}. Số liệu đã gõ vẫn còn; hãy sửa rồi bấm “Lưu nháp” lần nữa.`;
}
