"use client";
// Residential groups × indicators for one year: sticky header and first column, scrolls on a
// phone; the ward figure derived from the groups is shown live (the server computes the saved one).
// The committee's questions on one group's figure sit in its cell (asked, answered and closed there).
import { useMemo, useState } from "react";
import { averageOf } from "@/lib/domain/decimal";
import { cellKey } from "@/lib/domain/cell-key";
import { derivedWardShare, type EntryGrid } from "@/lib/domain/entry-grid";
import { WARD_COUNTERPART } from "@/lib/domain/residential-groups";
import { shownUnit } from "@/lib/format/vi";
import { ConfirmPublished, publishedOnlyCount } from "./confirm-published";
import { ConflictPanel } from "./conflict-panel";
import { DraftBanner } from "./draft-banner";
import { RowQuestions } from "@/components/review/row-questions";
import type { FigureThread } from "@/lib/data/figure-comments";
import { figureText, OriginText, type RowQuestionsData } from "./entry-form";
import { SaveBar } from "./save-bar";
import { useEntry } from "./use-entry";
import { ValueHistory } from "./value-history";
import { ValueInput } from "./value-input";

type Props = {
  grid: EntryGrid;
  userId: string;
  canEdit: boolean;
  locked: string | null;
  signInHref: string;
  questions?: RowQuestionsData | null;
};

export function GroupEntryGrid({ grid, userId, canEdit, locked, signInHref, questions }: Props) {
  const editableKeys = useMemo(
    () => grid.groups.flatMap((g) => grid.groupIndicators.map((i) => cellKey(g.slug, i.code))),
    [grid],
  );
  const readOnly = !canEdit || locked !== null;
  const [form, setForm] = useState<HTMLFormElement | null>(null);
  const entry = useEntry({ grid, page: "to-dan-pho", editableKeys, userId, readOnly, form });
  const [active, setActive] = useState<string | null>(null);
  const groupName = useMemo(
    () => new Map([[grid.ward.slug, grid.ward.name], ...grid.groups.map((g) => [g.slug, g.shortName] as const)]),
    [grid],
  );

  // each group cell's threads (the ward's own rows are asked about on the ward's form)
  const threadsOf = useMemo(() => {
    const by = new Map<string, FigureThread[]>();
    for (const t of questions?.threads ?? []) {
      const key = cellKey(t.unit.slug, t.indicator.code);
      by.set(key, [...(by.get(key) ?? []), t]);
    }
    return by;
  }, [questions]);

  // live ward figures: the share of groups achieving (derived and saved) or the groups' average (shown only)
  const wardIndicators = grid.sections.flatMap((s) => s.indicators);
  const live = grid.groupIndicators.flatMap((g) => {
    const counterpartCode = WARD_COUNTERPART[g.code];
    const counterpart = wardIndicators.find((w) => w.code === counterpartCode);
    if (!counterpart) return [];
    const values = grid.groups.map((u) => {
      const key = cellKey(u.slug, g.code);
      return key in entry.validation.values ? entry.validation.values[key] : null;
    });
    const stored = entry.fixed.find((c) => c.indicator === counterpart.code) ?? null;
    if (counterpart.derivedFrom === g.code) {
      const achieved = values.filter((v) => v === "1").length;
      return [
        {
          key: g.code,
          label: counterpart.name,
          value: derivedWardShare(values),
          detail: `${achieved}/${grid.groups.length} tổ đạt`,
          stored: stored?.value ?? null,
          derived: true,
        },
      ];
    }
    const present = values.filter((v): v is string => v !== null);
    return [
      {
        key: g.code,
        label: `${counterpart.name}: trung bình các tổ (phường nhập riêng)`,
        value: averageOf(present),
        detail: `${present.length}/${grid.groups.length} tổ có số liệu`,
        stored: null,
        derived: false,
      },
    ];
  });

  const errorKeys = editableKeys.filter((k) => entry.errorsOf(k).length > 0);
  const activeKey = active && editableKeys.includes(active) ? active : null;

  return (
    <form
      ref={setForm}
      action={entry.saveAction}
      noValidate
      className="space-y-4"
      data-entry-grid
      aria-label={`Nhập số liệu theo tổ dân phố năm ${grid.year}`}
    >
      {entry.draftOffer && !readOnly && (
        <DraftBanner draft={entry.draftOffer} onRestore={entry.restoreDraft} onDiscard={entry.discardDraft} />
      )}
      {entry.conflicts && entry.conflicts.length > 0 && (
        <ConflictPanel
          conflicts={entry.conflicts}
          rows={entry.rows}
          indicators={entry.byCode}
          unitName={(s) => groupName.get(s) ?? s}
          onResolve={entry.resolveConflicts}
        />
      )}

      {!readOnly && (
        <ConfirmPublished
          grid={grid}
          page="groups"
          pending={publishedOnlyCount(grid, editableKeys, entry.versions)}
          unsaved={entry.changedKeys.length}
          onSaved={entry.applySaved}
        />
      )}
      {live.length > 0 && (
        <section aria-labelledby="so-lieu-phuong" className="rounded-lg bg-white p-3 shadow-sm">
          <h2 id="so-lieu-phuong" className="font-semibold">
            Số liệu của phường tính từ các tổ
          </h2>
          <ul className="mt-1 space-y-1 text-sm" aria-live="polite">
            {live.map((l) => (
              <li key={l.key} data-testid={`live-${l.key}`}>
                {l.label}: <strong>{l.value !== null ? figureText(l.value, "PERCENT", "%") : "chưa đủ số liệu"}</strong>{" "}
                ({l.detail})
                {l.derived && (
                  <span className="text-slate-600">
                    {" "}
                    · đang lưu: {l.stored !== null ? figureText(l.stored, "PERCENT", "%") : "chưa có"} · tự lưu cùng số
                    liệu các tổ
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <div
        className="max-h-[70vh] overflow-auto rounded-lg border border-slate-300 bg-white print:max-h-none print:overflow-visible"
        role="region"
        aria-label="Bảng nhập theo tổ dân phố"
        tabIndex={0}
      >
        <table className="min-w-full border-separate border-spacing-0 text-sm">
          <caption className="sr-only">
            Số liệu năm {grid.year} của {grid.groups.length} tổ dân phố
          </caption>
          <thead>
            <tr>
              <th
                scope="col"
                className="sticky left-0 top-0 z-20 border-b border-r border-slate-300 bg-slate-100 px-2 py-2 text-left"
              >
                Tổ dân phố
              </th>
              {grid.groupIndicators.map((i) => (
                <th
                  key={i.code}
                  scope="col"
                  className="sticky top-0 z-10 min-w-[9rem] border-b border-slate-300 bg-slate-100 px-2 py-2 text-left font-medium"
                >
                  {i.name}
                  {shownUnit(i) && <span className="font-normal text-slate-600"> ({shownUnit(i)})</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.groups.map((g, row) => (
              <tr key={g.slug} className="odd:bg-white even:bg-slate-50">
                <th
                  scope="row"
                  className="sticky left-0 z-10 border-r border-slate-200 bg-inherit px-2 py-1 text-left font-medium whitespace-nowrap"
                >
                  {g.shortName}
                </th>
                {grid.groupIndicators.map((i) => {
                  const key = cellKey(g.slug, i.code);
                  const errors = entry.errorsOf(key);
                  const changed = entry.changedKeys.includes(key);
                  const errorId = `loi-${g.slug}-${i.code}`;
                  return (
                    <td
                      key={i.code}
                      className={`px-2 py-1 align-top ${changed ? "bg-blue-50" : ""}`}
                      onFocus={() => setActive(key)}
                    >
                      <ValueInput
                        label={`${g.shortName}: ${i.name}`}
                        valueType={i.valueType}
                        value={entry.rows[key].raw}
                        onChange={(raw) => entry.setRow(key, { raw })}
                        disabled={readOnly}
                        invalid={errors.length > 0}
                        describedBy={errors.length > 0 ? errorId : undefined}
                        col={i.code}
                        row={row}
                        className="w-full"
                      />
                      {readOnly && (
                        // a disabled input cannot be focused, so the focused cell's details below never open for
                        // a reader (district staff) or a locked year: each figure's history is its own button here
                        <div className="mt-1">
                          <ValueHistory
                            ward={grid.ward.slug}
                            year={grid.year}
                            programme={grid.programme.slug}
                            unit={g.slug}
                            indicator={i.code}
                            valueType={i.valueType}
                            label={`${g.shortName}: ${i.name}`}
                          />
                        </div>
                      )}
                      {errors.length > 0 && (
                        // the reason sits at the cell (and is read with it), not in a box off screen
                        <p id={errorId} className="mt-1 max-w-[14rem] text-xs text-red-800" data-testid="cell-error">
                          {errors.join(" ")}
                        </p>
                      )}
                      {questions && (
                        <div className="mt-1 max-w-[16rem]">
                          <RowQuestions
                            where={{ ward: grid.ward.slug, year: grid.year, programme: grid.programme.slug }}
                            unit={g.slug}
                            indicator={i.code}
                            label={`${g.shortName}: ${i.name}`}
                            threads={threadsOf.get(key) ?? []}
                            canAsk={questions.canAsk}
                            canAnswer={questions.canAnswer}
                          />
                        </div>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {activeKey && (
        <ActiveCell
          grid={grid}
          cellId={activeKey}
          entry={entry}
          readOnly={readOnly}
          groupName={groupName.get(activeKey.split(":")[0]) ?? ""}
        />
      )}

      {errorKeys.length > 0 && (
        <section aria-labelledby="o-loi" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <h2 id="o-loi" className="font-semibold">
            {errorKeys.length} ô chưa hợp lệ
          </h2>
          <ul className="mt-1 space-y-0.5" data-testid="row-errors">
            {errorKeys.map((k) => (
              <li key={k}>
                <button
                  type="button"
                  className="text-left underline"
                  onClick={() => focusDescribed(`loi-${k.replace(":", "-")}`)}
                >
                  {groupName.get(k.split(":")[0])}
                </button>
                : {entry.errorsOf(k).join(" ")}
              </li>
            ))}
          </ul>
        </section>
      )}

      {!readOnly && (
        <SaveBar
          changed={entry.changedKeys.length}
          status={entry.status}
          pending={entry.pending}
          disabled={false}
          signInHref={signInHref}
        />
      )}
    </form>
  );
}

/** Moves to the input a message describes (from the list of wrong cells). */
function focusDescribed(messageId: string) {
  document.querySelector<HTMLElement>(`[aria-describedby="${messageId}"]`)?.focus();
}

/** The focused cell's details: where its value comes from, its note and outlier confirmation, its history. */
function ActiveCell({
  grid,
  cellId,
  entry,
  readOnly,
  groupName,
}: {
  grid: EntryGrid;
  cellId: string;
  entry: ReturnType<typeof useEntry>;
  readOnly: boolean;
  groupName: string;
}) {
  const cell = grid.cells[cellId];
  const indicator = entry.byCode.get(cell.indicator)!;
  const state = entry.rows[cellId];
  const outlier = entry.validation.outliers[cellId];
  const errors = entry.errorsOf(cellId);
  return (
    <section
      id="o-dang-chon"
      aria-label="Ô đang chọn"
      className="space-y-2 rounded-lg border border-slate-300 bg-white p-3 text-sm"
    >
      <p className="font-medium">
        {groupName} · {indicator.name}
      </p>
      <p className="text-xs text-slate-600">
        Năm {grid.year - 1}:{" "}
        {cell.lastYear
          ? figureText(cell.lastYear.value, indicator.valueType, indicator.unit, cell.lastYear.qualifier)
          : "chưa có"}{" "}
        · <OriginText cell={cell} />
      </p>
      {errors.length > 0 && (
        <ul className="text-red-800">
          {errors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      {outlier && !readOnly && (
        <label className="flex items-start gap-2 rounded border border-amber-400 bg-amber-50 p-2 text-amber-950">
          <input
            type="checkbox"
            checked={state.outlierConfirmed}
            onChange={(e) => entry.setRow(cellId, { outlierConfirmed: e.target.checked })}
            className="mt-1"
          />
          <span>Tôi đã kiểm tra: giá trị này đúng (ghi lý do vào ô Ghi chú).</span>
        </label>
      )}
      <label className="block">
        <span className="text-xs text-slate-700">Ghi chú</span>
        <input
          type="text"
          value={state.note}
          maxLength={500}
          disabled={readOnly}
          onChange={(e) => entry.setRow(cellId, { note: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === "Enter") e.preventDefault();
          }}
          className="mt-0.5 block w-full rounded border border-slate-300 px-2 py-1.5 disabled:bg-slate-100"
        />
      </label>
      {/* read-only, the history is in the cell itself (one button per figure) */}
      {!readOnly && (
        <ValueHistory
          ward={grid.ward.slug}
          year={grid.year}
          programme={grid.programme.slug}
          unit={cell.unit}
          indicator={cell.indicator}
          valueType={indicator.valueType}
          label={`${groupName}: ${indicator.name}`}
          key={cellId}
        />
      )}
    </section>
  );
}
