import { z } from "zod";
import { text } from "./text";
import { slugSchema } from "./params";

export const roleSchema = z.enum(["WARD_OFFICIAL", "WARD_PARTY_COMMITTEE", "DISTRICT_STAFF", "ADMINISTRATOR"], {
  message: "Vai trò không hợp lệ.",
});

export const newAccountSchema = z.object({
  username: text().trim().min(3, "Tên đăng nhập quá ngắn.").max(40),
  name: text().trim().min(1, "Hãy nhập họ và tên.").max(200),
  email: text()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || undefined),
  password: text().max(128),
  role: roleSchema,
  unit: slugSchema,
});

export const roleChangeSchema = z.object({
  op: z.enum(["grant", "revoke"]),
  role: roleSchema,
  unit: slugSchema,
});

export const newTokenSchema = z.object({
  name: text().trim().min(1, "Hãy đặt tên cho mã truy cập.").max(100),
  unit: slugSchema,
});

export const tokenIdSchema = z.coerce.number().int().positive().max(2_147_483_647);

const ACCESS_EVENTS = [
  "SIGN_IN",
  "SIGN_IN_FAILED",
  "SIGN_IN_LIMITED",
  "SIGN_OUT",
  "PASSWORD_CHANGED",
  "PASSWORD_CHANGE_FAILED",
  "PASSWORD_RESET",
  "ACCOUNT_CREATED",
  "ACCOUNT_DISABLED",
  "ACCOUNT_ENABLED",
  "ROLE_GRANTED",
  "ROLE_REVOKED",
  "TOKEN_ISSUED",
  "TOKEN_REVOKED",
  "REFUSED",
] as const;
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)));
const one = (v: unknown) => (Array.isArray(v) ? v[0] : v) || undefined;

/**
 * Filters of the access-log page, from its URL: who (user name, typed name or address), what (event),
 * when (from/to, days in Hà Nội time, inclusive) and the page. An unreadable filter is ignored.
 */
export const accessLogQuerySchema = z.object({
  ai: z.preprocess(one, z.string().trim().max(100).optional()).catch(undefined),
  su_kien: z.preprocess(one, z.enum(ACCESS_EVENTS).optional()).catch(undefined),
  tu: z.preprocess(one, day.optional()).catch(undefined),
  den: z.preprocess(one, day.optional()).catch(undefined),
  trang: z.preprocess(one, z.coerce.number().int().min(1).max(100_000).optional()).catch(undefined),
});
export type AccessLogQuery = z.infer<typeof accessLogQuerySchema>;
