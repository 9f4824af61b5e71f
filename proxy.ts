import { type NextRequest, NextResponse } from "next/server";

// The proxy decides nothing about access (every page and route handler checks for itself). It hands
// the page its path (for the sign-in redirect's `next`), sets the Content-Security-Policy with a fresh
// nonce, and adds HSTS when the site is served over HTTPS.

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

export function proxy(request: NextRequest) {
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-ctk-path", request.nextUrl.pathname + request.nextUrl.search);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0].trim() ?? request.nextUrl.protocol.replace(":", "");
  if (proto === "https") response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|icon.svg).*)"],
};
