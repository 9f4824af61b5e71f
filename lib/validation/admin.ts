import { z } from "zod";
import { text } from "./text";
import { slugSchema } from "./params";

export const roleSchema = z.enum(["WARD_OFFICIAL", "WARD_PARTY_COMMITTEE", "DISTRICT_STAFF", "ADMINISTRATOR"], { message: "Vai trò không hợp lệ." });

export const newAccountSchema = z.object({
  username: text().trim().min(3, "Tên đăng nhập quá ngắn.").max(40),
  name: text().trim().min(1, "Hãy nhập họ và tên.").max(200),
  email: text().trim().max(200).optional().transform((v) => v || undefined),
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

export const tokenIdSchema = z.coerce.number().int().positive();
