import "server-only";

export type ApiErrorCode = "bad_request" | "unauthorized" | "forbidden" | "not_found" | "too_many_requests" | "internal";

/** The one error shape of the JSON API: {"error": {"code", "message"}} with a Vietnamese message. */
export function jsonError(status: number, code: ApiErrorCode, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } });
}

export function jsonOk(body: unknown): Response {
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
}

/** Query parameters as a plain object; a repeated parameter becomes an array (and fails validation). */
export function queryObject(url: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URL(url).searchParams) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
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
