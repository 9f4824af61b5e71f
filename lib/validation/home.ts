import { z } from "zod";

// URL parameters of the home page: `?q=` (a search in ward names, diacritics ignored) and `?page=`.
// A malformed or repeated parameter falls back to the first page of every ward.
export const homeQuerySchema = z.object({
  q: z.string().trim().max(100, "Từ khóa tìm kiếm quá dài.").default(""),
  page: z
    .string()
    .regex(/^[1-9]\d{0,5}$/, "Số trang không hợp lệ.")
    .transform(Number)
    .default(1),
});
export type HomeQuery = z.infer<typeof homeQuerySchema>;
