import { NextResponse, type NextRequest } from "next/server";
import { securityHeaders } from "@/lib/security/headers";

const PUBLIC_PATHS = ["/login", "/invite", "/api/", "/_next/", "/favicon"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Convenience and headers only: a per-request CSP nonce, security headers,
 * no-store on signed-in pages, and a redirect to /login when there is no
 * session cookie at all. This is NOT the security boundary: every page, action
 * and route handler checks the session and the policy itself.
 */
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const prod = process.env.NODE_ENV === "production";
  const headers = securityHeaders(nonce, prod);
  const { pathname, search } = request.nextUrl;

  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(p.endsWith("/") ? p : `${p}/`) || pathname.startsWith(p));
  const hasSession = SESSION_COOKIES.some((c) => request.cookies.has(c) || request.cookies.getAll().some((k) => k.name.startsWith(`${c}.`)));
  if (!isPublic && !hasSession) {
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = pathname === "/" ? "" : `?next=${encodeURIComponent(pathname + search)}`;
    const res = NextResponse.redirect(url);
    for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
    return res;
  }

  const reqHeaders = new Headers(request.headers);
  reqHeaders.set("x-nonce", nonce);
  reqHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const res = NextResponse.next({ request: { headers: reqHeaders } });
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  if (!pathname.startsWith("/_next/")) res.headers.set("Cache-Control", "private, no-store");
  return res;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
