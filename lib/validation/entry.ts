import { z } from "zod";
import { cellKey } from "@/lib/domain/cell-key";
import { text } from "./text";
import { checkOutlier } from "@/lib/domain/outlier";
import { checkRules, type Rule, type RuleViolation } from "@/lib/domain/value-rules";
import type { ValueType } from "@/lib/domain/enums";
import { parseViNumber } from "@/lib/domain/vi-number";
import { UNSAFE_TEXT_MESSAGE, hasUnsafeText } from "@/lib/domain/safe-text";
import { programmeSlugSchema, slugSchema } from "./params";

// The yearly entry form's payload, shared by the form (in the browser) and the server action, so
// both refuse the same input with the same Vietnamese messages. Plain types only (no Prisma):
// client components import this file.

export const NOTE_MAX = 500;

export const entryRowSchema = z.object({
  indicator: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Mã chỉ tiêu không hợp lệ.")
    .max(100, "Mã chỉ tiêu quá dài."),
  unit: slugSchema, // the ward or one of its residential groups
  raw: text().max(100, "Giá trị quá dài."), // as typed; "" clears the value
  qualifier: z.enum(["EXACT", "MORE_THAN"], { message: "Cách ghi giá trị không hợp lệ." }).optional(),
  note: text().max(NOTE_MAX, `Ghi chú tối đa ${NOTE_MAX} ký tự.`).optional(),
  outlierConfirmed: z.boolean().optional(),
  baseVersion: z.number().int().min(0, "Phiên bản không hợp lệ."), // 0: a row not saved before
});
export type EntryRow = z.infer<typeof entryRowSchema>;

export const entryPayloadSchema = z.object({
  ward: slugSchema,
  year: z.number().int("Năm phải là số nguyên.").min(2000, "Năm không hợp lệ.").max(2100, "Năm không hợp lệ."),
  programme: programmeSlugSchema,
  // a ward's grid: about 40 residential groups × the programme's indicators
  rows: z.array(entryRowSchema).max(5000, "Quá nhiều dòng trong một lần lưu."),
});
export type EntryPayload = z.infer<typeof entryPayloadSchema>;

const INVALID_PAYLOAD = "Dữ liệu gửi lên không hợp lệ.";

/**
 * The form "Lưu nháp" posts: the ward (its own field, so the right is checked on it before the rows
 * are read) and the rows as JSON, which must name the same ward.
 */
export const entrySaveFormSchema = z
  .object({
    ward: slugSchema,
    payload: z
      .string()
      .transform((json, ctx) => {
        try {
          return JSON.parse(json) as unknown;
        } catch {
          ctx.addIssue({ code: "custom", message: INVALID_PAYLOAD });
          return z.NEVER;
        }
      })
      .pipe(entryPayloadSchema),
  })
  .refine((f) => f.payload.ward === f.ward, { path: ["payload"], message: INVALID_PAYLOAD });

export type CatalogueIndicator = { code: string; name: string; valueType: ValueType };

export type EntryValidation = {
  ok: boolean;
  /** canonical value by cellKey(unit, indicator); null: cleared. Rows whose input is refused are absent. */
  values: Record<string, string | null>;
  /** messages by cellKey(unit, indicator), each naming its indicator */
  fieldErrors: Record<string, string[]>;
  ruleViolations: Array<RuleViolation & { unit: string }>;
};

/**
 * Checks the rows of one submission: each value against its indicator's type, the cross-field
 * rules per unit, and each value against the unit's own earlier years (`history` by row key).
 * `rows` must be the whole grid the rules are to see: the server action adds the stored rows the
 * client did not send (raw = formatViInput of the stored value) before calling this.
 */
export function validateEntryRows(
  rows: readonly EntryRow[],
  catalogue: readonly CatalogueIndicator[],
  rules: readonly Rule[],
  history: Readonly<Record<string, readonly string[]>> = {},
): EntryValidation {
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  const values: Record<string, string | null> = {};
  const fieldErrors: Record<string, string[]> = {};
  const addError = (key: string, message: string) => (fieldErrors[key] ??= []).push(message);
  const moreThan = new Set<string>();
  const seen = new Set<string>();

  for (const row of rows) {
    const key = cellKey(row.unit, row.indicator);
    const duplicate = seen.has(key);
    seen.add(key);
    const indicator = byCode.get(row.indicator);
    if (!indicator) {
      addError(key, `Chỉ tiêu “${row.indicator}” không thuộc chương trình này.`);
      continue;
    }
    const label = `“${indicator.name}”`;
    if (duplicate) {
      addError(key, `${label} của đơn vị ${row.unit} được gửi hai lần.`);
      continue;
    }
    if (hasUnsafeText(row.raw) || hasUnsafeText(row.note ?? "")) {
      addError(key, `${label}: ${UNSAFE_TEXT_MESSAGE}`);
      continue;
    }
    const parsed = parseViNumber(row.raw, indicator.valueType);
    if (!parsed.ok && !parsed.empty) {
      addError(key, `${label}: ${parsed.message}`);
      continue;
    }
    const value = parsed.ok ? parsed.value : null;
    if (row.qualifier === "MORE_THAN") {
      if (indicator.valueType === "BOOLEAN") addError(key, `${label}: chỉ tiêu đạt/chưa đạt không ghi “trên”.`);
      else if (value === null) addError(key, `${label}: đã chọn “trên” thì phải nhập số.`);
      moreThan.add(key);
    }
    if (value !== null && indicator.valueType !== "BOOLEAN") {
      const outlier = checkOutlier(value, history[key] ?? []);
      if (outlier.outlier && !(row.outlierConfirmed && row.note?.trim())) addError(key, `${label}: ${outlier.message}`);
    }
    values[key] = value;
  }

  const names = new Map(catalogue.map((i) => [i.code, i.name]));
  const ruleViolations: EntryValidation["ruleViolations"] = [];
  for (const unit of new Set(rows.map((r) => r.unit))) {
    const unitValues = new Map(
      rows.filter((r) => r.unit === unit).map((r) => [r.indicator, values[cellKey(unit, r.indicator)]]),
    );
    // "trên 38" on the right: the true figure is larger, so exceeding 38 proves nothing.
    const applicable = rules.filter((rule) => !moreThan.has(cellKey(unit, rule.right)));
    for (const v of checkRules(applicable, unitValues, names)) {
      ruleViolations.push({ ...v, unit });
      for (const code of v.indicators) if (cellKey(unit, code) in values) addError(cellKey(unit, code), v.message);
    }
  }
  return { ok: Object.keys(fieldErrors).length === 0, values, fieldErrors, ruleViolations };
}

/** "Xác nhận số liệu đã công bố": which grid of which ward, year and programme. */
export const confirmPublishedSchema = z.object({
  ward: slugSchema,
  year: z.coerce.number().int("Năm phải là số nguyên.").min(2000, "Năm không hợp lệ.").max(2100, "Năm không hợp lệ."),
  programme: programmeSlugSchema,
  page: z.enum(["ward", "groups"], { message: "Bảng nhập không hợp lệ." }),
});
