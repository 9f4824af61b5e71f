import { z } from "zod";
import { programmeSlugSchema, slugSchema } from "./params";

// The (ward, year, programme) of the entry grid's export route and import page, and the import
// form's fields. The file itself is checked by the import (kind, size, template).

export const entryGridParamsSchema = z.object({
  ward: slugSchema,
  year: z
    .string()
    .regex(/^\d{4}$/, "Năm phải có dạng NNNN, ví dụ 2020.")
    .transform(Number),
  programme: programmeSlugSchema,
});

export const exportQuerySchema = z.object({
  format: z.enum(["xlsx", "csv"], { message: "Định dạng phải là xlsx hoặc csv." }).default("xlsx"),
});

/** The import form: where to, and — for "Áp dụng" — the fingerprint of the preview the person saw. */
export const importFormSchema = entryGridParamsSchema.extend({
  fingerprint: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^[0-9a-f]{32}$/, "Hãy bấm “Xem trước” trước khi áp dụng.")
      .optional(),
  ),
});
export type ImportForm = z.infer<typeof importFormSchema>;
