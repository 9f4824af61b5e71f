"use client";
// The local copy of unsaved edits: offered back after a reload (read once, after hydration), and
// written as the person types. An offered draft not yet answered is kept under the new edits.
import { useCallback, useEffect, useState } from "react";
import { type Draft, isChanged, makeDraft, readDraft, type RowState } from "@/lib/domain/entry-grid";

type Options = {
  storageKey: string;
  readOnly: boolean;
  /** the rows as the page loaded them: a stored draft equal to them is not offered */
  initial: Record<string, RowState>;
  rows: Record<string, RowState>;
  bases: Record<string, RowState>;
  versions: Record<string, number>;
  /** lays an accepted draft over the rows on screen */
  onRestore: (draft: Draft) => void;
};

export function useEntryDraft({ storageKey, readOnly, initial, rows, bases, versions, onRestore }: Options) {
  const [draftOffer, setDraftOffer] = useState<Draft | null>(null);

  useEffect(() => {
    if (readOnly) return;
    const stored = readDraft(window.localStorage.getItem(storageKey));
    // localStorage exists only in the browser, after hydration: read once, then offer
    const differs = stored && Object.entries(stored.rows).some(([k, r]) => initial[k] && isChanged(r, initial[k]));
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (differs) setDraftOffer(stored);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on the first render's values
  }, []);

  useEffect(() => {
    if (readOnly) return;
    const t = window.setTimeout(() => {
      const draft = makeDraft(rows, bases, versions, new Date());
      const merged = draftOffer
        ? { savedAt: draft?.savedAt ?? draftOffer.savedAt, rows: { ...draftOffer.rows, ...(draft?.rows ?? {}) } }
        : draft;
      try {
        if (merged) window.localStorage.setItem(storageKey, JSON.stringify(merged));
        else window.localStorage.removeItem(storageKey);
      } catch {
        // storage full or blocked: the page still holds the values
      }
    }, 300);
    return () => window.clearTimeout(t);
  }, [rows, bases, versions, draftOffer, storageKey, readOnly]);

  const restoreDraft = useCallback(() => {
    if (!draftOffer) return;
    onRestore(draftOffer);
    setDraftOffer(null);
  }, [draftOffer, onRestore]);
  const discardDraft = useCallback(() => setDraftOffer(null), []);

  return { draftOffer, restoreDraft, discardDraft };
}
