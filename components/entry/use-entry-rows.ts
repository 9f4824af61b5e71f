"use client";
// The rows of an entry grid as typed, against their saved state (bases) and the version each was
// started from; the cells outside the editable ones (a ward figure derived from the groups) as last
// saved. Every change of the saved state goes through the updates below.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ConflictRow, SaveEntryData } from "@/lib/actions/entry";
import { cellKey, cellKeyOf } from "@/lib/domain/cell-key";
import {
  applyDraft,
  type Draft,
  type EntryGrid,
  initialRow,
  isChanged,
  type PayloadRow,
  rawOf,
  type RowState,
} from "@/lib/domain/entry-grid";

export type ConflictChoice = "mine" | "theirs";

export function useEntryRows({ grid, editableKeys }: { grid: EntryGrid; editableKeys: string[] }) {
  const indicators = useMemo(() => [...grid.sections.flatMap((s) => s.indicators), ...grid.groupIndicators], [grid]);
  const byCode = useMemo(() => new Map(indicators.map((i) => [i.code, i])), [indicators]);
  const initial = useMemo(() => {
    const out: Record<string, RowState> = {};
    for (const key of editableKeys)
      out[key] = initialRow(grid.cells[key], byCode.get(grid.cells[key].indicator)!.valueType);
    return out;
  }, [editableKeys, grid, byCode]);

  const [rows, setRows] = useState(initial);
  const [bases, setBases] = useState(initial);
  const [versions, setVersions] = useState<Record<string, number>>(() =>
    Object.fromEntries(editableKeys.map((k) => [k, grid.cells[k].version])),
  );
  /** cells outside the editable ones (e.g. the ward figure derived from the groups) as last saved */
  const [fixed, setFixed] = useState(() =>
    Object.values(grid.cells).filter((c) => !editableKeys.includes(cellKeyOf(c))),
  );

  const changedKeys = useMemo(
    () => editableKeys.filter((k) => isChanged(rows[k], bases[k])),
    [editableKeys, rows, bases],
  );

  // the rows as of the last render, for callbacks that run after the render that started them (a save)
  const latest = useRef({ rows, bases, versions });
  useEffect(() => {
    latest.current = { rows, bases, versions };
  });

  const setRow = useCallback((key: string, patch: Partial<RowState>) => {
    setRows((prev) => ({ ...prev, [key]: { ...prev[key], ...patch } }));
  }, []);

  /** A save went through: the sent rows are the saved state, with the versions the server gave. */
  const markSaved = useCallback((sent: PayloadRow[], data: SaveEntryData | undefined) => {
    setVersions((prev) => {
      const next = { ...prev };
      for (const s of data?.saved ?? []) next[cellKeyOf(s)] = s.version;
      return next;
    });
    setBases((prev) => {
      const next = { ...prev };
      for (const p of sent)
        next[cellKeyOf(p)] = {
          raw: p.raw,
          qualifier: p.qualifier,
          note: p.note ?? "",
          outlierConfirmed: p.outlierConfirmed,
        };
      return next;
    });
    const derived = data?.derived ?? [];
    if (derived.length > 0) {
      setFixed((prev) =>
        prev.map((c) => {
          const d = derived.find((x) => x.unit === c.unit && x.indicator === c.indicator);
          return d ? { ...c, value: d.value, version: d.version, qualifier: "EXACT" } : c;
        }),
      );
    }
  }, []);

  /**
   * The person's choice for each conflicting row: every row now starts from the newest version;
   * rows taken as theirs also get the saved value. True when some row keeps the person's value.
   */
  const resolve = useCallback(
    (conflicts: ConflictRow[], choices: Record<string, ConflictChoice>): boolean => {
      let keepMine = false;
      const nextVersions: Record<string, number> = {};
      const taken: Record<string, RowState> = {};
      for (const c of conflicts) {
        const key = cellKey(c.unit, c.indicator);
        nextVersions[key] = c.theirs?.version ?? 0;
        if (choices[key] === "theirs") {
          const vt = byCode.get(c.indicator)?.valueType ?? "COUNT";
          taken[key] = {
            raw: rawOf(c.theirs?.value ?? null, vt),
            qualifier: c.theirs?.qualifier ?? "EXACT",
            note: c.theirs?.note ?? "",
            outlierConfirmed: false,
          };
        } else keepMine = true;
      }
      setVersions((prev) => ({ ...prev, ...nextVersions }));
      setBases((prev) => ({ ...prev, ...taken }));
      setRows((prev) => ({ ...prev, ...taken }));
      return keepMine;
    },
    [byCode],
  );

  /** A local draft laid over the rows on screen (each row with the version it was started from). */
  const restore = useCallback((draft: Draft) => {
    const next = applyDraft(draft, latest.current.rows, latest.current.versions);
    setRows(next.rows);
    setVersions(next.versions);
  }, []);

  return {
    indicators,
    byCode,
    initial,
    rows,
    bases,
    versions,
    fixed,
    changedKeys,
    latest,
    setRow,
    markSaved,
    resolve,
    restore,
  };
}

export type EntryRows = ReturnType<typeof useEntryRows>;
