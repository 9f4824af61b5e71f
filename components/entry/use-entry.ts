"use client";
// State of an entry grid (the ward's or the residential groups'), put together from hooks with one
// job each: the typed rows against their saved state (use-entry-rows), validation as the person
// types (use-entry-validation), the local draft (use-entry-draft), the leave warning, saving
// (use-entry-save) and conflicts resolved row by row (use-conflict-resolution).
import { useCallback } from "react";
import type { SaveEntryData } from "@/lib/actions/entry";
import { useReportSubmissionVersion } from "@/components/review/submission-version";
import { draftKey, type Draft, type EntryGrid, type EntryIndicator, type RowState } from "@/lib/domain/entry-grid";
import { useConflictResolution } from "./use-conflict-resolution";
import { useEntryDraft } from "./use-entry-draft";
import { useEntryRows } from "./use-entry-rows";
import { useEntrySave } from "./use-entry-save";
import { useEntryValidation } from "./use-entry-validation";
import { useLeaveWarning } from "./use-leave-warning";

export type { ConflictChoice } from "./use-entry-rows";
export type { SaveStatus } from "./use-entry-save";

type Options = {
  grid: EntryGrid;
  page: "phuong" | "to-dan-pho";
  /** the cells the person may type into (the others take part in the rules only) */
  editableKeys: string[];
  userId: string;
  readOnly: boolean;
  /** the form element, re-submitted after a conflict is resolved */
  form: HTMLFormElement | null;
};

export function useEntry({ grid, page, editableKeys, userId, readOnly, form }: Options) {
  const entryRows = useEntryRows({ grid, editableKeys });
  const { rows, bases, versions, fixed, byCode, changedKeys, initial, restore, resolve } = entryRows;

  const { validation, errorsOf: ownErrorsOf } = useEntryValidation({ grid, entryRows, editableKeys });
  const focusFirstInvalid = useCallback(() => {
    // after the render that marks the cells; centred so the sticky save bar never hides it
    requestAnimationFrame(() => {
      const first = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
      if (!first) return;
      first.scrollIntoView({ block: "center" });
      first.focus({ preventScroll: true });
    });
  }, [form]);
  const save = useEntrySave({ grid, entryRows, fieldErrors: validation.fieldErrors, onInvalid: focusFirstInvalid });

  const { setStatus, clearServerError, serverErrors } = save;
  const errorsOf = useCallback(
    (key: string): string[] => [...new Set([...ownErrorsOf(key), ...(serverErrors[key] ?? [])])],
    [ownErrorsOf, serverErrors],
  );
  const { setRow: setRowState } = entryRows;
  const setRow = useCallback(
    (key: string, patch: Partial<RowState>) => {
      setRowState(key, patch);
      clearServerError(key);
    },
    [setRowState, clearServerError],
  );

  const onRestore = useCallback(
    (draft: Draft) => {
      restore(draft);
      setStatus({ kind: "info", text: "Đã khôi phục bản nháp chưa lưu. Bấm “Lưu nháp” để lưu lên máy chủ." });
    },
    [restore, setStatus],
  );
  const { draftOffer, restoreDraft, discardDraft } = useEntryDraft({
    storageKey: draftKey(grid.ward.slug, grid.year, grid.programme.slug, page, userId),
    readOnly,
    initial,
    rows,
    bases,
    versions,
    onRestore,
  });

  useLeaveWarning(changedKeys.length > 0);

  const reportSubmissionVersion = useReportSubmissionVersion();
  const { markSaved } = entryRows;
  /** A save made outside the form (the published figures confirmed): the rows start from its versions. */
  const applySaved = useCallback(
    (data: SaveEntryData | undefined) => {
      markSaved([], data);
      if (data?.submission) reportSubmissionVersion(data.submission.version);
    },
    [markSaved, reportSubmissionVersion],
  );

  const { resolveConflicts } = useConflictResolution({
    conflicts: save.conflicts,
    setConflicts: save.setConflicts,
    setStatus,
    resolve,
    form,
  });

  return {
    rows,
    setRow,
    versions,
    fixed,
    byCode,
    validation,
    changedKeys,
    errorsOf,
    status: save.status,
    conflicts: save.conflicts,
    resolveConflicts,
    draftOffer,
    restoreDraft,
    discardDraft,
    applySaved,
    saveAction: save.saveAction,
    pending: save.pending,
  };
}

export type EntryState = ReturnType<typeof useEntry>;
export type { EntryIndicator };
