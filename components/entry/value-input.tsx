"use client";
// One figure's input: Vietnamese digits typed freely (inputMode decimal, right-aligned), or
// Đạt / Chưa đạt for yes/no indicators. Moves like a spreadsheet (see ./keyboard).
import type { ValueType } from "@/lib/domain/enums";
import { moveInColumn } from "./keyboard";

type Props = {
  id?: string;
  label: string;
  valueType: ValueType;
  value: string;
  onChange: (raw: string) => void;
  disabled: boolean;
  invalid: boolean;
  describedBy?: string;
  col: string;
  row: number;
  className?: string;
};

export function ValueInput({
  id,
  label,
  valueType,
  value,
  onChange,
  disabled,
  invalid,
  describedBy,
  col,
  row,
  className = "",
}: Props) {
  const common = {
    id,
    "aria-label": label,
    "aria-invalid": invalid || undefined,
    "aria-describedby": describedBy,
    disabled,
    "data-col": col,
    "data-row": row,
    onKeyDown: moveInColumn,
  };
  const border = invalid ? "border-red-600 bg-red-50" : "border-slate-400 bg-white";
  if (valueType === "BOOLEAN") {
    return (
      <select
        {...common}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={`rounded border px-2 py-1.5 disabled:bg-slate-100 ${border} ${className}`}
      >
        <option value="">—</option>
        <option value="1">Đạt</option>
        <option value="0">Chưa đạt</option>
      </select>
    );
  }
  return (
    <input
      {...common}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      spellCheck={false}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      className={`rounded border px-2 py-1.5 text-right tabular-nums disabled:bg-slate-100 disabled:text-slate-700 ${border} ${className}`}
    />
  );
}
