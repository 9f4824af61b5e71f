"use client";
// State of an entry grid (the ward's or the residential groups'): typed rows against their saved
// state, validation as the person types, saving with every failure keeping the typed values, the
// local draft and the leave warning, and conflicts to resolve row by row.
import { useActionState, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type ConflictRow, type SaveEntryData, saveEntry } from "@/lib/actions/entry";
import type { ActionResult } from "@/lib/result";
import {
  applyDraft,
  changedPayloadRows,
  type Draft,
  draftKey,
  type EntryGrid,
  type EntryIndicator,
  initialRow,
  isChanged,
  makeDraft,
  rawOf,
  readDraft,
  type RowState,
} from "@/lib/domain/entry-grid";
import { cellKey, cellKeyOf, splitCellKey } from "@/lib/domain/cell-key";
import { useReportSubmissionVersion } from "@/components/review/submission-version";
import { checkOutlier } from "@/lib/domain/outlier";
import { parseViNumber } from "@/lib/domain/vi-number";
import { type EntryRow, validateEntryRows } from "@/lib/validation/entry";

export type SaveStatus = { kind: "ok" | "info" | "error" | "offline" | "session" | "locked"; text: string } | null;
export type ConflictChoice = "mine" | "theirs";

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
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const [status, setStatus] = useState<SaveStatus>(null);
  const [conflicts, setConflicts] = useState<ConflictRow[] | null>(null);
  const [draftOffer, setDraftOffer] = useState<Draft | null>(null);
  const [resend, setResend] = useState(0);

  const storageKey = draftKey(grid.ward.slug, grid.year, grid.programme.slug, page, userId);
  const changedKeys = useMemo(
    () => editableKeys.filter((k) => isChanged(rows[k], bases[k])),
    [editableKeys, rows, bases],
  );

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

  // refs for the save, which runs after the render that started it
  const latest = useRef({ rows, bases, versions, validation, changedKeys });
  useEffect(() => {
    latest.current = { rows, bases, versions, validation, changedKeys };
  });

  const setRow = useCallback((key: string, patch: Partial<RowState>) => {
    setRows((prev) => ({ ...prev, [key]: { ...prev[key], ...patch } }));
    setServerErrors((prev) => {
      if (!(key in prev)) return prev;
      const { [key]: _gone, ...rest } = prev;
      return rest;
    });
  }, []);

  // --- the local draft: offered back after a reload, written as the person types -------------
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
      // an offered draft not yet answered is kept under the new edits
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
    const next = applyDraft(draftOffer, latest.current.rows, latest.current.versions);
    setRows(next.rows);
    setVersions(next.versions);
    setDraftOffer(null);
    setStatus({ kind: "info", text: "Đã khôi phục bản nháp chưa lưu. Bấm “Lưu nháp” để lưu lên máy chủ." });
  }, [draftOffer]);
  const discardDraft = useCallback(() => setDraftOffer(null), []);

  // --- leaving with unsaved changes --------------------------------------------------------
  const dirty = changedKeys.length > 0;
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // --- saving ----------------------------------------------------------------------------------
  const reportSubmissionVersion = useReportSubmissionVersion();
  const [, saveAction, pending] = useActionState(async (_prev: null, _form: FormData): Promise<null> => {
    const { rows: r, bases: b, versions: v, validation: val } = latest.current;
    const payloadRows = changedPayloadRows(r, b, v);
    if (payloadRows.length === 0) {
      setStatus({ kind: "info", text: "Không có thay đổi nào cần lưu." });
      return null;
    }
    if (!val.ok) {
      setStatus({
        kind: "error",
        text: "Số liệu chưa hợp lệ: xem các ô được đánh dấu đỏ. Chưa lưu; số liệu đã gõ vẫn còn.",
      });
      return null;
    }
    const form = new FormData();
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
      const sent = new Map(payloadRows.map((p) => [cellKeyOf(p), p]));
      setVersions((prev) => {
        const next = { ...prev };
        for (const s of result.data?.saved ?? []) next[cellKeyOf(s)] = s.version;
        return next;
      });
      setBases((prev) => {
        const next = { ...prev };
        for (const [k, p] of sent)
          next[k] = { raw: p.raw, qualifier: p.qualifier, note: p.note ?? "", outlierConfirmed: p.outlierConfirmed };
        return next;
      });
      const derived = result.data?.derived ?? [];
      if (derived.length > 0) {
        setFixed((prev) =>
          prev.map((c) => {
            const d = derived.find((x) => x.unit === c.unit && x.indicator === c.indicator);
            return d ? { ...c, value: d.value, version: d.version, qualifier: "EXACT" } : c;
          }),
        );
      }
      setServerErrors({});
      setConflicts(null);
      setStatus({ kind: "ok", text: result.message ?? "Đã lưu nháp." });
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

  /** Applies the person's choice for each conflicting row; rows kept as theirs resend with the newer version. */
  const resolveConflicts = useCallback(
    (choices: Record<string, ConflictChoice>) => {
      if (!conflicts) return;
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
      setConflicts(null);
      if (keepMine) setResend((n) => n + 1);
      else setStatus({ kind: "ok", text: "Đã lấy các giá trị đã lưu." });
    },
    [conflicts, byCode],
  );
  useEffect(() => {
    if (resend > 0) form?.requestSubmit();
  }, [resend, form]);

  const errorsOf = useCallback(
    (key: string): string[] => {
      const own = validation.fieldErrors[key] ?? [];
      // a row's own input errors show once it has been changed; rule violations on every involved row
      const shown = changedKeys.includes(key)
        ? own
        : own.filter((m) => validation.ruleViolations.some((v) => v.message === m));
      return [...new Set([...shown, ...(serverErrors[key] ?? [])])];
    },
    [validation, changedKeys, serverErrors],
  );

  return {
    rows,
    setRow,
    versions,
    fixed,
    byCode,
    validation,
    changedKeys,
    errorsOf,
    status,
    conflicts,
    resolveConflicts,
    draftOffer,
    restoreDraft,
    discardDraft,
    saveAction,
    pending,
  };
}

export type EntryState = ReturnType<typeof useEntry>;
export type { EntryIndicator };
