// Figures typed into the land-clearance and achievement forms, the Vietnamese way: "." groups
// thousands, "," marks decimals (1.691; 305.000.000; 1.250,5). The grammar is the entry grid's
// (lib/domain/vi-number.ts); here an empty field means "not given" (null) rather than an error.
import type { ValueType } from "@/lib/domain/enums";
import { formatViInput, parseViNumber } from "@/lib/domain/vi-number";

export type FigureType = Extract<ValueType, "COUNT" | "MONEY" | "DECIMAL">;
export type FigureResult = { ok: true; value: string | null } | { ok: false; message: string };

export function readFigure(input: string, type: FigureType): FigureResult {
  const r = parseViNumber(input, type);
  if (r.ok) return r;
  return r.empty ? { ok: true, value: null } : { ok: false, message: r.message };
}

/** A stored canonical figure ("1691", "1250.5") as the person would type it ("1.691", "1.250,5"). */
export function figureInput(value: string | null): string {
  return value === null ? "" : formatViInput(value, "DECIMAL");
}
