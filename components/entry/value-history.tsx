"use client";
// "Lịch sử" of one figure, loaded when first opened: who changed it, when, from what to what, why.
import { useId, useState, useTransition } from "react";
import { loadValueHistory } from "@/lib/actions/entry";
import type { ValueHistoryEntry } from "@/lib/data/value-history";
import { isDecimalString } from "@/lib/domain/decimal";
import type { ValueType } from "@/lib/domain/enums";
import { formatViInput } from "@/lib/domain/vi-number";
import { formatDateTime } from "@/lib/format/date-time";

type Props = {
  ward: string;
  year: number;
  programme: string;
  unit: string;
  indicator: string;
  valueType: ValueType;
  label: string;
};

const show = (v: string | null, t: ValueType) =>
  v === null || v === "" ? "(trống)" : isDecimalString(v) ? formatViInput(v, t) : v;

export function ValueHistory({ ward, year, programme, unit, indicator, valueType, label }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [rows, setRows] = useState<ValueHistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, start] = useTransition();

  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next && rows === null) {
      start(async () => {
        try {
          const r = await loadValueHistory(ward, year, programme, unit, indicator);
          if (r.ok) setRows(r.data ?? []);
          else setError(r.message ?? "Không tải được lịch sử.");
        } catch {
          setError("Không tải được lịch sử (mất kết nối?).");
        }
      });
    }
  };

  return (
    <div className="text-xs">
      <button
        type="button"
        onClick={toggle}
        aria-expanded={open}
        aria-controls={id}
        aria-label={`Lịch sử: ${label}`}
        className="text-brand-700 underline"
      >
        Lịch sử
      </button>
      {open && (
        <div id={id} className="mt-1 rounded border border-slate-200 bg-slate-50 p-2" aria-live="polite">
          {loading && <p>Đang tải…</p>}
          {error && <p className="text-red-800">{error}</p>}
          {rows && rows.length === 0 && <p>Chưa có thay đổi nào được ghi lại.</p>}
          {rows && rows.length > 0 && (
            <ol className="space-y-1">
              {rows.map((r, i) => (
                <li key={i}>
                  <span className="font-medium">{formatDateTime(r.at)}</span> · {r.who}
                  {r.kind === "question" || r.kind === "answer" ? (
                    <>
                      {r.kind === "question" ? " hỏi" : " trả lời"} (số liệu lúc đó {show(r.newValue, valueType)}): “
                      {r.note}”
                    </>
                  ) : (
                    <>
                      {r.kind === "result" ? " (số liệu công bố)" : ""}: {show(r.oldValue, valueType)} →{" "}
                      {show(r.newValue, valueType)}
                      {r.note ? <span className="text-slate-600"> — {r.note}</span> : null}
                    </>
                  )}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </div>
  );
}
