import { type NextRequest, NextResponse } from "next/server";
import { BODY_LIMIT_BYTES, BODY_TOO_LARGE_MESSAGE } from "@/lib/body-limit";
import { DB_UNAVAILABLE_MESSAGE, isDbUnavailable } from "@/lib/db-errors";
import { slugInPath } from "@/lib/former-slug";

// The proxy decides nothing about access (every page and route handler checks for itself). It hands
// the page its path (for the sign-in redirect's `next`), sets the Content-Security-Policy with a fresh
// nonce, adds HSTS when the site is served over HTTPS, and answers a page request with 503 while the
// database cannot be reached (a page's own error would be a 500). A page address with a unit's former
// slug answers a permanent redirect to its current one (the API's addresses do so in their handler).

const production = process.env.NODE_ENV === "production";

/**
 * Scripts run only with this response's nonce (Next.js reads it from the request's CSP header and puts
 * it on its own scripts; every page is rendered per request), and what those scripts load
 * ('strict-dynamic'): an injected inline script does not run. Styles keep 'unsafe-inline': the charts
 * (recharts) and Next.js set style attributes, which a nonce cannot allow. 'unsafe-eval' and ws: are
 * for the dev server only.
 */
function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${production ? "" : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${production ? "" : " ws:"}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A full page load (not an API call, a server action, a client-side navigation or a prefetch). */
function isDocumentRequest(request: NextRequest): boolean {
  const h = request.headers;
  return (
    request.method === "GET" &&
    !request.nextUrl.pathname.startsWith("/api/") &&
    !h.has("rsc") &&
    !h.has("next-router-prefetch") &&
    (h.get("sec-fetch-dest") === "document" || (h.get("accept") ?? "").includes("text/html"))
  );
}

type RawClient = { $queryRawUnsafe<T>(sql: string, ...values: unknown[]): Promise<T> };

/**
 * What the proxy asks the database, in one statement through the app's own pool (the proxy runs in
 * the server's process; lib/db.ts keeps its client on globalThis), none for requests that need
 * neither answer: is it reachable (asked for a page load: an outage answers 503), and the current
 * slug of a unit whose former slug the address names (org_unit_former_slug, one indexed look-up).
 * Before the app has made its pool there is nothing to ask: the page answers (its error page, no
 * redirect).
 */
async function askDatabase(
  request: NextRequest,
  document: boolean,
): Promise<{ down: boolean; moved: NextResponse | null }> {
  // the API's unit addresses redirect a former slug themselves, in the statement that reads their
  // caller and unit (readApiRequest in lib/auth/access.ts): nothing to ask here for an API request
  const found =
    (request.method === "GET" || request.method === "HEAD") && !request.nextUrl.pathname.startsWith("/api/")
      ? slugInPath(request.nextUrl.pathname)
      : null;
  const client = (globalThis as { prisma?: RawClient }).prisma;
  if (!client || (!document && !found)) return { down: false, moved: null };
  try {
    const rows = await client.$queryRawUnsafe<{ slug: string | null }[]>(
      "SELECT (SELECT u.slug FROM org_unit_former_slug f JOIN org_unit u ON u.id = f.org_unit_id WHERE f.slug = $1) AS slug",
      found?.slug ?? "",
    );
    const slug = rows[0]?.slug;
    if (!found || !slug) return { down: false, moved: null };
    const to = request.nextUrl.clone();
    to.pathname = found.withSlug(slug);
    return { down: false, moved: NextResponse.redirect(to, 308) };
  } catch (e) {
    // an outage answers a page load with 503; otherwise the page's own answer (or outage page) follows
    return { down: document && isDbUnavailable(e), moved: null };
  }
}

/** A page of the proxy's own (Vietnamese, no script): the database outage (503) or a body too large (413). */
function plainPage(status: 503 | 413, title: string, message: string, csp: string): NextResponse {
  const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Chương trình công tác toàn khóa</title><style>body{font-family:system-ui,sans-serif;margin:0;background:#f8fafc;color:#0f172a}main{max-width:48rem;margin:0 auto;padding:2rem 1.5rem}h1{font-size:1.5rem}a{color:#1d4ed8}</style></head><body><main id="noi-dung" role="alert"><h1>${title}</h1><p>${message}</p><p>${status === 503 ? '<a href="">Thử lại</a> · ' : ""}<a href="/">Về trang chủ</a></p></main></body></html>`;
  const headers: Record<string, string> = {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "Content-Security-Policy": csp,
  };
  if (status === 503) headers["Retry-After"] = "30"; // crawlers and monitors come back
  return new NextResponse(html, { status, headers });
}

/**
 * A body over the limit, by its declared length (browsers declare it for forms and uploads): refused
 * before anything reads it, in Vietnamese — Next.js would answer a server action's with its English
 * "Internal Server Error", and route handlers have no limit of their own. JSON for the API.
 */
function tooLarge(request: NextRequest, csp: string): NextResponse | null {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (!(length > BODY_LIMIT_BYTES)) return null;
  if (request.nextUrl.pathname.startsWith("/api/") && !(request.headers.get("content-type") ?? "").includes("form")) {
    return NextResponse.json(
      { error: { code: "too_large", message: BODY_TOO_LARGE_MESSAGE } },
      { status: 413, headers: { "Cache-Control": "no-store", Connection: "close" } },
    );
  }
  const page = plainPage(413, "Dữ liệu gửi lên quá lớn", BODY_TOO_LARGE_MESSAGE, csp);
  page.headers.set("Connection", "close");
  return page;
}

export async function proxy(request: NextRequest) {
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  const refused = tooLarge(request, csp);
  if (refused) return refused;
  const { down, moved } = await askDatabase(request, isDocumentRequest(request));
  if (down) return plainPage(503, "Tạm thời không kết nối được cơ sở dữ liệu", DB_UNAVAILABLE_MESSAGE, csp);
  if (moved) return moved;
  requestHeaders.set("x-ctk-path", request.nextUrl.pathname + request.nextUrl.search);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  const proto =
    request.headers.get("x-forwarded-proto")?.split(",")[0].trim() ?? request.nextUrl.protocol.replace(":", "");
  if (proto === "https") response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|icon.svg).*)"],
};
