import { z } from "zod";
import { text } from "./text";
import { slugSchema } from "./params";
import { figureField } from "./land-clearance";

// The administrators' forms of org units (/quan-tri/don-vi), shared by the forms and the actions.

const isoDate = (what: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Hãy chọn ${what}.`)
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= "1900-01-01" && s <= "2100-12-31";
    }, "Ngày không hợp lệ.");

const name = text().trim().min(1, "Hãy nhập tên đầy đủ.").max(200, "Tên dài quá 200 ký tự.");
const shortName = text().trim().min(1, "Hãy nhập tên ngắn.").max(100, "Tên ngắn dài quá 100 ký tự.");
const version = z.coerce.number({ error: "Thiếu phiên bản của đơn vị." }).int().min(0);
const level = z.enum(["CITY", "DISTRICT", "WARD", "RESIDENTIAL_GROUP"], { error: "Hãy chọn cấp đơn vị." });
const newSlug = z.string().trim().pipe(slugSchema);

/** Thêm đơn vị: `parent` empty for a city at the top. */
export const createUnitFormSchema = z.object({
  parent: z.union([z.literal(""), slugSchema]).default(""),
  level,
  slug: newSlug,
  name,
  shortName,
  validFrom: isoDate("ngày bắt đầu hoạt động"),
});

/** Đổi tên, and optionally the slug (empty: kept); the former name and slug stay in the history. */
export const renameUnitFormSchema = z.object({
  unit: slugSchema,
  version,
  name,
  shortName,
  slug: z.union([z.literal(""), newSlug]).default(""),
  effectiveOn: isoDate("ngày tên mới có hiệu lực"),
});

/** Chuyển đơn vị sang đơn vị cấp trên khác, from a date. */
export const moveUnitFormSchema = z.object({
  unit: slugSchema,
  version,
  parent: slugSchema,
  effectiveOn: isoDate("ngày chuyển có hiệu lực"),
});

export const retireUnitFormSchema = z.object({
  unit: slugSchema,
  version,
  lastDay: isoDate("ngày cuối cùng hoạt động"),
});

const count = figureField("COUNT", { maxInt: 9 }).transform((v) => (v === null ? null : Number(v)));

export const yearFigureFormSchema = z
  .object({
    unit: slugSchema,
    version,
    year: z.coerce.number({ error: "Năm không hợp lệ." }).int("Năm không hợp lệ.").min(1900).max(2100),
    population: count,
    households: count,
  })
  .refine((f) => f.population !== null || f.households !== null, {
    path: ["population"],
    message: "Hãy nhập dân số hoặc số hộ.",
  });

const carryRoles = z
  .enum(["", "on"])
  .default("")
  .transform((v) => v === "on");
const note = text().trim().max(500, "Ghi chú dài quá 500 ký tự.").default("");

/** Sáp nhập: the former units as one comma-separated field (a form may not repeat a field). */
export const mergeFormSchema = z.object({
  parent: slugSchema,
  predecessors: z
    .string()
    .transform((s) => [
      ...new Set(
        s
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(slugSchema).min(2, "Hãy chọn ít nhất hai đơn vị để sáp nhập.").max(20)),
  slug: newSlug,
  name,
  shortName,
  effectiveOn: isoDate("ngày sáp nhập có hiệu lực"),
  carryRoles,
  note,
});

const share = z
  .string()
  .trim()
  .regex(/^(0(,\d{1,4})?|1(,0{1,4})?)$/, "Tỉ lệ là số từ 0 đến 1, ví dụ 0,5.")
  .transform((s) => s.replace(",", "."))
  .refine((s) => Number(s) > 0, "Tỉ lệ phải lớn hơn 0.");

const part = (n: number) => ({
  [`slug${n}`]: z.string().trim().default(""),
  [`name${n}`]: text().trim().max(200).default(""),
  [`shortName${n}`]: text().trim().max(100).default(""),
  [`share${n}`]: z.string().trim().default(""),
});

export const SPLIT_PARTS = 3;

/** Chia tách: one unit into two or three, each with its share; rows left empty are ignored. */
export const splitFormSchema = z
  .object({
    unit: slugSchema,
    effectiveOn: isoDate("ngày chia tách có hiệu lực"),
    carryRoles,
    note,
    ...part(1),
    ...part(2),
    ...part(3),
  })
  .transform((f, ctx) => {
    const parts = [];
    const fields = f as unknown as Record<string, string>;
    for (let n = 1; n <= SPLIT_PARTS; n++) {
      const raw = {
        slug: fields[`slug${n}`],
        name: fields[`name${n}`],
        shortName: fields[`shortName${n}`],
        share: fields[`share${n}`],
      };
      if (!raw.slug && !raw.name && !raw.shortName && !raw.share) continue;
      const checks = { slug: newSlug, name, shortName, share } as const;
      const parsed: Record<string, string> = {};
      for (const [key, schema] of Object.entries(checks)) {
        const r = schema.safeParse(raw[key as keyof typeof raw]);
        if (r.success) parsed[key] = r.data;
        else ctx.addIssue({ code: "custom", path: [`${key}${n}`], message: r.error.issues[0].message });
      }
      parts.push(parsed as { slug: string; name: string; shortName: string; share: string });
    }
    if (parts.length < 2)
      ctx.addIssue({ code: "custom", path: ["slug1"], message: "Hãy nhập ít nhất hai đơn vị mới." });
    return {
      unit: f.unit,
      effectiveOn: f.effectiveOn,
      carryRoles: f.carryRoles,
      note: f.note,
      parts,
    };
  });

export type CreateUnitForm = z.infer<typeof createUnitFormSchema>;
