"use client";
// Values saved by someone else since this page loaded: both shown, the person chooses per row.
import { useEffect, useRef, useState } from "react";
import type { ConflictRow } from "@/lib/actions/entry";
import { cellKeyOf } from "@/lib/domain/cell-key";
import type { EntryIndicator, RowState } from "@/lib/domain/entry-grid";
import { formatViInput } from "@/lib/domain/vi-number";
import { formatDateTime } from "@/lib/format/date-time";
import type { ConflictChoice } from "./use-entry";

type Props = {
  conflicts: ConflictRow[];
  rows: Record<string, RowState>;
  indicators: Map<string, EntryIndicator>;
  unitName: (slug: string) => string;
  onResolve: (choices: Record<string, ConflictChoice>) => void;
};

const shown = (raw: string, qualifier: string, unit: string) =>
  raw.trim() === "" ? "(để trống)" : `${qualifier === "MORE_THAN" ? "trên " : ""}${raw} ${unit}`;

export function ConflictPanel({ conflicts, rows, indicators, unitName, onResolve }: Props) {
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const all = conflicts.every((c) => choices[cellKeyOf(c)]);
  return (
    <section
      aria-labelledby="xung-dot-title"
      className="space-y-3 rounded-lg border-2 border-red-700 bg-red-50 p-4"
      data-testid="conflict-panel"
    >
      <h2 id="xung-dot-title" ref={heading} tabIndex={-1} className="text-lg font-semibold text-red-900">
        Có {conflicts.length} giá trị vừa được người khác lưu
      </h2>
      <p className="text-sm text-red-950">
        Chưa có gì bị ghi đè. Với từng ô, hãy chọn giữ giá trị của bạn hay lấy giá trị đã lưu.
      </p>
      <ul className="space-y-3">
        {conflicts.map((c) => {
          const key = cellKeyOf(c);
          const ind = indicators.get(c.indicator);
          const unit = ind?.unit ?? "";
          const mine = rows[key];
          const theirs = c.theirs;
          const theirsText =
            theirs?.value == null
              ? "(để trống)"
              : `${theirs.qualifier === "MORE_THAN" ? "trên " : ""}${formatViInput(theirs.value, ind?.valueType ?? "DECIMAL")} ${unit}`;
          return (
            <li key={key} className="rounded border border-red-200 bg-white p-3">
              <fieldset>
                <legend className="font-medium">
                  {ind?.name ?? c.indicator} — {unitName(c.unit)}
                </legend>
                <div className="mt-2 grid gap-2 sm:grid-cols-2">
                  <label className="flex items-start gap-2 rounded border border-slate-200 p-2">
                    <input
                      type="radio"
                      name={`chon-${key}`}
                      checked={choices[key] === "mine"}
                      onChange={() => setChoices((p) => ({ ...p, [key]: "mine" }))}
                    />
                    <span>
                      <span className="block text-sm text-slate-600">Giá trị của bạn</span>
                      <span className="font-semibold" data-testid="conflict-mine">
                        {mine ? shown(mine.raw, mine.qualifier, unit) : "—"}
                      </span>
                    </span>
                  </label>
                  <label className="flex items-start gap-2 rounded border border-slate-200 p-2">
                    <input
                      type="radio"
                      name={`chon-${key}`}
                      checked={choices[key] === "theirs"}
                      onChange={() => setChoices((p) => ({ ...p, [key]: "theirs" }))}
                    />
                    <span>
                      <span className="block text-sm text-slate-600">
                        {theirs
                          ? `Giá trị đã lưu bởi ${theirs.byName ?? "người khác"} lúc ${formatDateTime(theirs.at)}`
                          : "Giá trị đã lưu (đã bị xóa)"}
                      </span>
                      <span className="font-semibold" data-testid="conflict-theirs">
                        {theirsText}
                      </span>
                      {theirs?.note && <span className="block text-sm text-slate-600">Ghi chú: {theirs.note}</span>}
                    </span>
                  </label>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        disabled={!all}
        onClick={() => onResolve(choices)}
        className="rounded bg-red-800 px-4 py-2 font-medium text-white hover:bg-red-900 disabled:bg-slate-400"
      >
        Áp dụng lựa chọn
      </button>
      {!all && <p className="text-sm text-red-950">Chọn một giá trị cho mỗi ô để tiếp tục.</p>}
    </section>
  );
}
