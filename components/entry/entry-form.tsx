"use client";
// The ward's yearly entry grid: one row per indicator, by section, category sub-rows indented.
import Link from "next/link";
import { useMemo, useState } from "react";
import { DemoBadge } from "@/components/ui/demo-badge";
import { roundDecimal } from "@/lib/domain/decimal";
import { cellKey } from "@/lib/domain/cell-key";
import type { EntryCell, EntryGrid, EntryIndicator } from "@/lib/domain/entry-grid";
import { formatViInput } from "@/lib/domain/vi-number";
import { formatDateTime } from "@/lib/format/date-time";
import { formatTarget } from "@/lib/format/target";
import { nameWithUnit, shownUnit } from "@/lib/format/vi";
import { ConfirmPublished, publishedOnlyCount } from "./confirm-published";
import { ConflictPanel } from "./conflict-panel";
import { DraftBanner } from "./draft-banner";
import { SaveBar } from "./save-bar";
import { type EntryState, useEntry } from "./use-entry";
import { ValueHistory } from "./value-history";
import { RowQuestions } from "@/components/review/row-questions";
import type { FigureThread } from "@/lib/data/figure-comments";
import { ValueInput } from "./value-input";

export function figureText(value: string, valueType: EntryIndicator["valueType"], unit: string, qualifier = "EXACT") {
  if (valueType === "BOOLEAN") return value === "1" ? "Đạt" : "Chưa đạt";
  // rates read to one decimal, as on the dashboards (a derived 73,6842 % shows as 73,7 %)
  const shown = valueType === "PERCENT" ? roundDecimal(value, 1) : value;
  return `${qualifier === "MORE_THAN" ? "trên " : ""}${formatViInput(shown, valueType)} ${unit}`;
}

export function OriginText({ cell }: { cell: EntryCell }) {
  const o = cell.origin;
  if (o.kind === "entry")
    return (
      <>
        Đã nhập{o.updatedByName ? ` bởi ${o.updatedByName}` : ""} lúc {formatDateTime(o.updatedAt)}
      </>
    );
  if (o.kind === "published")
    return o.isDemo ? (
      <>
        Giá trị ban đầu: <DemoBadge />
      </>
    ) : (
      <>Giá trị ban đầu: {o.label}</>
    );
  return <>Chưa có số liệu</>;
}

/** The committee's questions on the ward's figures (beside each figure), and who may ask or answer. */
export type RowQuestionsData = { threads: FigureThread[]; canAsk: boolean; canAnswer: boolean };

type Props = {
  grid: EntryGrid;
  userId: string;
  canEdit: boolean;
  locked: string | null;
  signInHref: string;
  questions?: RowQuestionsData | null;
};

export function EntryForm({ grid, userId, canEdit, locked, signInHref, questions }: Props) {
  const indicators = useMemo(() => grid.sections.flatMap((s) => s.indicators), [grid]);
  // the ward's own figures only (a residential group's are in its cell of the groups' grid, ./group-entry-grid)
  const threadsOf = useMemo(() => {
    const by = new Map<string, FigureThread[]>();
    for (const t of questions?.threads ?? [])
      if (t.unit.slug === grid.ward.slug) by.set(t.indicator.code, [...(by.get(t.indicator.code) ?? []), t]);
    return by;
  }, [questions, grid.ward.slug]);
  const editableKeys = useMemo(
    () => indicators.filter((i) => !i.derivedFrom).map((i) => cellKey(grid.ward.slug, i.code)),
    [indicators, grid.ward.slug],
  );
  const readOnly = !canEdit || locked !== null;
  const [form, setForm] = useState<HTMLFormElement | null>(null);
  const entry = useEntry({ grid, page: "phuong", editableKeys, userId, readOnly, form });
  let rowIndex = 0;

  return (
    <form
      ref={setForm}
      action={entry.saveAction}
      noValidate
      className="space-y-4"
      data-entry-grid
      aria-label={`Nhập số liệu năm ${grid.year}`}
    >
      {entry.draftOffer && !readOnly && (
        <DraftBanner draft={entry.draftOffer} onRestore={entry.restoreDraft} onDiscard={entry.discardDraft} />
      )}
      {entry.conflicts && entry.conflicts.length > 0 && (
        <ConflictPanel
          conflicts={entry.conflicts}
          rows={entry.rows}
          indicators={entry.byCode}
          unitName={() => grid.ward.name}
          onResolve={entry.resolveConflicts}
        />
      )}
      {!readOnly && (
        <ConfirmPublished
          grid={grid}
          page="ward"
          pending={publishedOnlyCount(grid, editableKeys, entry.versions)}
          unsaved={entry.changedKeys.length}
          onSaved={entry.applySaved}
        />
      )}
      {grid.sections.map((section) => (
        <section
          key={section.code}
          aria-labelledby={`muc-${section.code}`}
          className="rounded-lg bg-white p-3 shadow-sm sm:p-4"
        >
          <h2 id={`muc-${section.code}`} className="mb-2 text-lg font-semibold text-slate-900">
            {section.name}
          </h2>
          <div className="hidden border-b border-slate-300 pb-1 text-xs font-medium text-slate-600 sm:grid sm:grid-cols-[minmax(0,2fr)_minmax(15rem,1fr)_minmax(0,1.2fr)] sm:gap-3">
            <span>Chỉ tiêu</span>
            <span className="text-right">Năm {grid.year}</span>
            <span>Ghi chú</span>
          </div>
          {section.indicators.map((indicator) => (
            <IndicatorRow
              key={indicator.code}
              grid={grid}
              indicator={indicator}
              entry={entry}
              readOnly={readOnly}
              row={indicator.derivedFrom ? -1 : rowIndex++}
              questions={
                questions && {
                  threads: threadsOf.get(indicator.code) ?? [],
                  canAsk: questions.canAsk,
                  canAnswer: questions.canAnswer,
                }
              }
            />
          ))}
        </section>
      ))}
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

function IndicatorRow({
  grid,
  indicator,
  entry,
  readOnly,
  row,
  questions,
}: {
  grid: EntryGrid;
  indicator: EntryIndicator;
  entry: EntryState;
  readOnly: boolean;
  row: number;
  questions?: RowQuestionsData | null;
}) {
  const key = cellKey(grid.ward.slug, indicator.code);
  const cell = grid.cells[key];
  const state = entry.rows[key];
  const errors = entry.errorsOf(key);
  const outlier = entry.validation.outliers[key];
  const changed = entry.changedKeys.includes(key);
  const id = `o-${indicator.code}`;
  const describedBy = errors.length > 0 || outlier ? `${id}-loi` : undefined;
  const qualifierUseful =
    indicator.valueType === "COUNT" || indicator.valueType === "MONEY" || indicator.valueType === "DECIMAL";

  return (
    <div
      className={`grid gap-2 border-b border-slate-100 py-3 sm:grid-cols-[minmax(0,2fr)_minmax(15rem,1fr)_minmax(0,1.2fr)] sm:gap-3 ${changed ? "bg-blue-50/60" : ""}`}
      data-testid={`row-${indicator.code}`}
    >
      <div className={indicator.depth > 0 ? "border-l-2 border-slate-200 pl-4" : ""}>
        <span id={`${id}-ten`} className={indicator.depth > 0 ? "text-slate-800" : "font-medium"}>
          {indicator.depth > 0 && <span aria-hidden="true">↳ </span>}
          {indicator.name}
        </span>
        {shownUnit(indicator) && <span className="text-slate-600"> ({shownUnit(indicator)})</span>}
        <p className="mt-0.5 text-xs text-slate-600">
          Năm {grid.year - 1}:{" "}
          {cell?.lastYear
            ? figureText(cell.lastYear.value, indicator.valueType, indicator.unit, cell.lastYear.qualifier)
            : "chưa có"}
          {indicator.target && (
            <>
              {" · "}Chỉ tiêu {indicator.target.scope === "year" ? `năm ${grid.year}` : "nhiệm kỳ"}:{" "}
              {formatTarget(indicator.target, indicator.valueType, indicator.unit)}
              {indicator.target.isDemo && " (minh họa)"}
            </>
          )}
        </p>
      </div>

      <div className="flex flex-col items-stretch gap-1 sm:items-end">
        {indicator.derivedFrom ? (
          <p className="text-right">
            <span className="font-semibold">
              {cell?.value != null ? figureText(cell.value, indicator.valueType, indicator.unit) : "—"}
            </span>
            <span className="block text-xs text-slate-600">
              Tính từ các tổ dân phố:{" "}
              <Link
                href={`/${grid.ward.slug}/nhap-lieu/${grid.year}/${grid.programme.slug}/to-dan-pho`}
                className="text-brand-700 underline"
              >
                nhập theo tổ
              </Link>
            </span>
          </p>
        ) : (
          // wraps rather than overflow to the left over the indicator's name
          <div className="flex flex-wrap items-center justify-end gap-2">
            {qualifierUseful && (
              <label className="flex items-center gap-1 text-sm text-slate-700" title="Báo cáo ghi “trên …”">
                <input
                  type="checkbox"
                  checked={state.qualifier === "MORE_THAN"}
                  disabled={readOnly}
                  onChange={(e) => entry.setRow(key, { qualifier: e.target.checked ? "MORE_THAN" : "EXACT" })}
                  aria-label={`Ghi “trên” cho ${indicator.name}`}
                />
                trên
              </label>
            )}
            <ValueInput
              id={id}
              label={`${nameWithUnit(indicator)}, năm ${grid.year}`}
              valueType={indicator.valueType}
              value={state.raw}
              onChange={(raw) => entry.setRow(key, { raw })}
              disabled={readOnly}
              invalid={errors.length > 0}
              describedBy={describedBy}
              col="gia-tri"
              row={row}
              className="w-full min-w-0 sm:w-40"
            />
            {indicator.valueType !== "BOOLEAN" && (
              <span className="w-20 shrink-0 text-sm text-slate-600">{indicator.unit}</span>
            )}
          </div>
        )}
        {cell && (
          <p className="text-right text-xs text-slate-600">
            {changed ? <span className="font-medium text-blue-800">Đã sửa, chưa lưu · </span> : null}
            <OriginText cell={cell} />
          </p>
        )}
      </div>

      <div className="flex flex-col gap-1">
        {!indicator.derivedFrom && (
          <input
            type="text"
            value={state.note}
            onChange={(e) => entry.setRow(key, { note: e.target.value })}
            disabled={readOnly}
            aria-label={`Ghi chú: ${indicator.name}`}
            placeholder="Ghi chú"
            maxLength={500}
            data-col="ghi-chu"
            data-row={row}
            onKeyDown={(e) => {
              if (e.key === "Enter") e.preventDefault();
            }}
            className="w-full rounded border border-slate-300 px-2 py-1.5 text-sm disabled:bg-slate-100"
          />
        )}
        <ValueHistory
          ward={grid.ward.slug}
          year={grid.year}
          programme={grid.programme.slug}
          unit={grid.ward.slug}
          indicator={indicator.code}
          valueType={indicator.valueType}
          label={indicator.name}
        />
        {questions && (
          <RowQuestions
            where={{ ward: grid.ward.slug, year: grid.year, programme: grid.programme.slug }}
            indicator={indicator.code}
            label={indicator.name}
            {...questions}
          />
        )}
      </div>

      {(errors.length > 0 || outlier) && (
        <div id={`${id}-loi`} className="space-y-1 sm:col-span-3">
          {errors.length > 0 && (
            <ul className="space-y-0.5 text-sm text-red-800" data-testid="row-errors">
              {errors.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
          {outlier && !readOnly && (
            <label className="flex items-start gap-2 rounded border border-amber-400 bg-amber-50 p-2 text-sm text-amber-950">
              <input
                type="checkbox"
                checked={state.outlierConfirmed}
                onChange={(e) => entry.setRow(key, { outlierConfirmed: e.target.checked })}
                className="mt-1"
              />
              <span>Tôi đã kiểm tra: giá trị này đúng (ghi lý do vào ô Ghi chú).</span>
            </label>
          )}
        </div>
      )}
    </div>
  );
}
