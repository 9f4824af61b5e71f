import "server-only";
import type { z } from "zod";
import { singleValued } from "@/lib/validation/form-input";

export type ApiErrorCode = "bad_request" | "unauthorized" | "forbidden" | "not_found" | "too_many_requests" | "internal";

/** The one error shape of the JSON API: {"error": {"code", "message"}} with a Vietnamese message. */
export function jsonError(status: number, code: ApiErrorCode, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } });
}

export function jsonOk(body: unknown): Response {
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
}

/**
 * The query string parsed once with `schema`, or the 400 to answer: a repeated parameter is refused
 * (never read as its first or last value), as is one the schema refuses.
 */
export function parseQuery<T>(url: string, schema: z.ZodType<T>): { ok: true; data: T } | { ok: false; response: Response } {
  const query = singleValued(new URL(url).searchParams);
  if (!query.ok) return { ok: false, response: jsonError(400, "bad_request", query.message) };
  const parsed = schema.safeParse(query.fields);
  if (!parsed.success) return { ok: false, response: jsonError(400, "bad_request", parsed.error.issues[0]?.message ?? "Yêu cầu không hợp lệ.") };
  return { ok: true, data: parsed.data };
}

/** Runs a handler, turning unexpected failures into a 500 without leaking details. */
export async function handle(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    console.error("API error:", e);
    return jsonError(500, "internal", "Lỗi máy chủ. Vui lòng thử lại sau.");
  }
}
