import "server-only";
import type { z } from "zod";
import { DB_UNAVAILABLE_MESSAGE, isDbUnavailable } from "@/lib/db-errors";
import { withRequestMemo } from "@/lib/request-memo";
import { singleValued } from "@/lib/validation/form-input";

export type ApiErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "too_many_requests"
  | "internal"
  | "unavailable"
  | "too_large";

/** The one error shape of the JSON API: {"error": {"code", "message"}} with a Vietnamese message. */
export function jsonError(status: number, code: ApiErrorCode, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } });
}

export function jsonOk(body: unknown): Response {
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
}

/**
 * `jsonOk` of a body already written as JSON text (e.g. by PostgreSQL), encoded here in one step:
 * given a string, Response first checks every character for lone surrogates (PostgreSQL's text
 * has none), then encodes it.
 */
export function jsonTextOk(body: string): Response {
  return new Response(Buffer.from(body, "utf8"), {
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}

/**
 * The query string parsed once with `schema`, or the 400 to answer: a repeated parameter is refused
 * (never read as its first or last value), as is one the schema refuses.
 */
export function parseQuery<T>(
  url: string,
  schema: z.ZodType<T>,
): { ok: true; data: T } | { ok: false; response: Response } {
  const query = singleValued(new URL(url).searchParams);
  if (!query.ok) return { ok: false, response: jsonError(400, "bad_request", query.message) };
  const parsed = schema.safeParse(query.fields);
  if (!parsed.success)
    return {
      ok: false,
      response: jsonError(400, "bad_request", parsed.error.issues[0]?.message ?? "Yêu cầu không hợp lệ."),
    };
  return { ok: true, data: parsed.data };
}

/**
 * Runs a handler, turning unexpected failures into a 500 without leaking details, and an unreachable
 * database into a 503 with Retry-After (a temporary outage: the same request may succeed later).
 * `as: "html"` answers a form post (sign-in …) with a Vietnamese page instead of JSON.
 */
export async function handle(
  fn: () => Promise<Response>,
  { as = "json" }: { as?: "json" | "html" } = {},
): Promise<Response> {
  try {
    return await withRequestMemo(fn);
  } catch (e) {
    const down = isDbUnavailable(e);
    console.error(
      down ? "API: database unavailable:" : "API error:",
      down
        ? String((e as Error)?.message ?? e)
            .trim()
            .split("\n")
            .pop()
        : e,
    );
    if (as === "html") {
      return down
        ? htmlMessage(503, "Tạm thời không kết nối được cơ sở dữ liệu", DB_UNAVAILABLE_MESSAGE)
        : htmlMessage(500, "Lỗi máy chủ", "Đã có lỗi ngoài dự kiến trên máy chủ. Vui lòng thử lại sau.");
    }
    const response = down
      ? jsonError(503, "unavailable", DB_UNAVAILABLE_MESSAGE)
      : jsonError(500, "internal", "Lỗi máy chủ. Vui lòng thử lại sau.");
    if (down) response.headers.set("Retry-After", "30");
    return response;
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small Vietnamese page for answers to form posts that cannot go back to a form (outage, limit). */
export function htmlMessage(
  status: number,
  title: string,
  message: string,
  back: { href: string; label: string } = { href: "/dang-nhap", label: "Quay lại trang đăng nhập" },
): Response {
  const body = `<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="${escapeHtml(back.href)}">${escapeHtml(back.label)}</a></p></html>`;
  const headers = new Headers({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
  if (status === 503) headers.set("Retry-After", "30");
  return new Response(body, { status, headers });
}
