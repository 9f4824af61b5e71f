import "server-only";
import { jsonError } from "@/lib/api/http";
import { singleValued, textFields } from "@/lib/validation/form-input";
import { logAccess } from "./access-log";
import { countAnonymousRefusal } from "./anonymous-refusal";
import { clientAddress } from "./client-address";
import { isSameOrigin } from "./origin";
import { viewerFromHeaders } from "./session";

/**
 * Refuses a cross-site (or Origin-less, or `Origin: null`) mutating request: 403, logged when it
 * carried someone's session (a forged request on their behalf), else only counted per address.
 */
export async function refuseCrossSite(request: Request): Promise<Response | null> {
  if (isSameOrigin(request.headers)) return null;
  const target = `${request.method} ${new URL(request.url).pathname}`;
  const viewer = await viewerFromHeaders(request.headers);
  if (viewer)
    await logAccess({
      event: "REFUSED",
      userId: viewer.userId,
      target,
      detail: `origin ${request.headers.get("origin") ?? "(none)"}`,
    });
  else await countAnonymousRefusal({ address: clientAddress(request.headers), kind: "cross-site", target });
  return jsonError(403, "forbidden", "Yêu cầu từ trang khác bị từ chối.");
}

/**
 * A 303 redirect (after a form POST) that also sets the given cookies. The location stays relative:
 * behind a proxy the server does not know the public host name.
 */
export function seeOther(location: string, setCookies: string[] = []): Response {
  const headers = new Headers({ Location: location, "Cache-Control": "no-store" });
  for (const c of setCookies) headers.append("Set-Cookie", c);
  return new Response(null, { status: 303, headers });
}

/**
 * A request body as a plain object, from a form or JSON, and whether it came from a form (answered
 * with a redirect); `refused`: the Vietnamese reason a form is refused (a field sent twice).
 */
export async function readBody(request: Request): Promise<{ body: unknown; isForm: boolean; refused: string | null }> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
    const form = singleValued(await request.formData().catch(() => new FormData()));
    return form.ok
      ? { body: textFields(form.fields), isForm: true, refused: null }
      : { body: null, isForm: true, refused: form.message };
  }
  return { body: await request.json().catch(() => null), isForm: false, refused: null };
}

/** 429 with Retry-After: too many failed password attempts (sign-in, password change). */
export function tooManyAttempts(retryAfterSeconds: number, back: { href: string; label: string }): Response {
  return new Response(
    `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Tạm khóa</title><p>Quá nhiều lần nhập sai mật khẩu. Vui lòng thử lại sau ${Math.ceil(retryAfterSeconds / 60)} phút.</p><p><a href="${back.href}">${back.label}</a></p></html>`,
    {
      status: 429,
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Retry-After": String(retryAfterSeconds),
        "Cache-Control": "no-store",
      },
    },
  );
}
