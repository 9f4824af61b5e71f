"use client";
// A conflict (a value saved meanwhile by someone else) resolved row by row: each row then starts
// from the newest version; if the person kept any of their values, the form is sent again.
import { useCallback, useEffect, useState } from "react";
import type { ConflictRow } from "@/lib/actions/entry";
import type { ConflictChoice, EntryRows } from "./use-entry-rows";
import type { SaveStatus } from "./use-entry-save";

type Options = {
  conflicts: ConflictRow[] | null;
  setConflicts: (c: ConflictRow[] | null) => void;
  setStatus: (s: SaveStatus) => void;
  resolve: EntryRows["resolve"];
  /** the form element, re-submitted after the person kept their values */
  form: HTMLFormElement | null;
};

export function useConflictResolution({ conflicts, setConflicts, setStatus, resolve, form }: Options) {
  const [resend, setResend] = useState(0);

  const resolveConflicts = useCallback(
    (choices: Record<string, ConflictChoice>) => {
      if (!conflicts) return;
      const keepMine = resolve(conflicts, choices);
      setConflicts(null);
      if (keepMine) setResend((n) => n + 1);
      else setStatus({ kind: "ok", text: "Đã lấy các giá trị đã lưu." });
    },
    [conflicts, resolve, setConflicts, setStatus],
  );

  // after the render with the new versions, so the resend carries them
  useEffect(() => {
    if (resend > 0) form?.requestSubmit();
  }, [resend, form]);

  return { resolveConflicts };
}
