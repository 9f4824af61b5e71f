"use client";
// Validation as the person types: the form's schema and cross-field rules over every row (the
// fixed cells take part in the rules), outliers of the changed rows, and the messages each row shows.
import { useCallback, useMemo } from "react";
import { splitCellKey } from "@/lib/domain/cell-key";
import { type EntryGrid, rawOf } from "@/lib/domain/entry-grid";
import { checkOutlier } from "@/lib/domain/outlier";
import { parseViNumber } from "@/lib/domain/vi-number";
import { type EntryRow, validateEntryRows } from "@/lib/validation/entry";
import type { EntryRows } from "./use-entry-rows";

type Options = {
  grid: EntryGrid;
  entryRows: EntryRows;
  editableKeys: string[];
};

export function useEntryValidation({ grid, entryRows, editableKeys }: Options) {
  const { rows, versions, fixed, changedKeys, indicators, byCode } = entryRows;

  const validation = useMemo(() => {
    const all: EntryRow[] = [
      ...editableKeys.map((k) => {
        const [unit, indicator] = splitCellKey(k);
        const r = rows[k];
        return {
          indicator,
          unit,
          raw: r.raw,
          qualifier: r.qualifier,
          note: r.note,
          outlierConfirmed: r.outlierConfirmed,
          baseVersion: versions[k] ?? 0,
        };
      }),
      ...fixed.map((c) => ({
        indicator: c.indicator,
        unit: c.unit,
        raw: rawOf(c.value, byCode.get(c.indicator)!.valueType),
        qualifier: c.qualifier,
        baseVersion: c.version,
      })),
    ];
    const history = Object.fromEntries(changedKeys.map((k) => [k, grid.history[k] ?? []]));
    const result = validateEntryRows(all, indicators, grid.rules, history);
    const outliers: Record<string, string> = {};
    for (const k of changedKeys) {
      const indicator = byCode.get(splitCellKey(k)[1])!;
      const parsed = parseViNumber(rows[k].raw, indicator.valueType);
      if (!parsed.ok || indicator.valueType === "BOOLEAN") continue;
      const o = checkOutlier(parsed.value, grid.history[k] ?? []);
      if (o.outlier) outliers[k] = o.message ?? "Giá trị khác xa các năm trước.";
    }
    return { ...result, outliers };
  }, [editableKeys, rows, versions, fixed, changedKeys, grid, indicators, byCode]);

  /** the messages a row shows (the server's from the last save are added by the caller) */
  const errorsOf = useCallback(
    (key: string): string[] => {
      const own = validation.fieldErrors[key] ?? [];
      // a row's own input errors show once it has been changed; rule violations on every involved row
      const shown = changedKeys.includes(key)
        ? own
        : own.filter((m) => validation.ruleViolations.some((v) => v.message === m));
      return shown;
    },
    [validation, changedKeys],
  );

  return { validation, errorsOf };
}

export type EntryValidation = ReturnType<typeof useEntryValidation>["validation"];
