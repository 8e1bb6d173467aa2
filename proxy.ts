import { NextResponse, type NextRequest } from "next/server";
import { cameOverHttps, securityHeaders } from "@/lib/security/headers";
import { refreshSessionToken, sessionCookieOf } from "@/lib/auth/session-refresh";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/http/body-limit";
import { withCanonicalIds } from "@/lib/http/canonical-ids";

const PUBLIC_PATHS = ["/login", "/invite", "/reset/", "/api/", "/_next/", "/favicon"];

/**
 * Convenience, headers and the idle timeout only: a per-request CSP nonce,
 * security headers, no-store on every dynamic response, re-issuing the session
 * token on activity (see lib/auth/session-refresh.ts), and a redirect to
 * /login when there is no valid session token. This is NOT the security
 * boundary: every page, action and route handler checks the session (against
 * the database) and the policy itself.
 */
export async function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const prod = process.env.NODE_ENV === "production";
  const headers = securityHeaders(nonce, prod, cameOverHttps(request.nextUrl, request.headers.get("x-forwarded-proto")));
  const { pathname, search } = request.nextUrl;

  // A server action body over the limit: 413 here, instead of Next's parser failing with a 500.
  if (request.method === "POST" && request.headers.has("next-action") && Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT_BYTES) {
    const res = new NextResponse("Request body too large.", { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
    for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
    return res;
  }

  // A page's address with an id in upper case goes to the one with it in lower case, the case every link uses: pages
  // compare ids as strings (lib/http/canonical-ids.ts). Route handlers take theirs through apiRoute, which does the same.
  const canonicalPath = withCanonicalIds(pathname);
  if (canonicalPath !== pathname && !pathname.startsWith("/api/") && (request.method === "GET" || request.method === "HEAD")) {
    const url = request.nextUrl.clone();
    url.pathname = canonicalPath;
    const res = NextResponse.redirect(url, 308);
    for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
    return res;
  }

  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(p));
  const cookie = sessionCookieOf(request.cookies);
  // Only GET/HEAD refresh: a POST may be the sign-out or sign-in that sets the cookie itself.
  const mayRefresh = cookie && (request.method === "GET" || request.method === "HEAD") && !pathname.startsWith("/api/auth/");
  const session = cookie ? await refreshSessionToken(cookie) : { state: "invalid" as const };

  // A server action answers for itself ("Please sign in.", at the form that was sent, everything typed kept): sent to
  // /login it came back as a page where the action's answer was due, and the page fell over with the typing in it.
  const isAction = request.method === "POST" && request.headers.has("next-action");
  if (!isPublic && !isAction && session.state === "invalid") {
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = pathname === "/" ? "" : `?next=${encodeURIComponent(pathname + search)}`;
    // 303 for anything but GET/HEAD (a form posted before the page's script ran): the browser asks for /login with a
    // GET, instead of re-posting the form to it as a 307 would.
    const res = NextResponse.redirect(url, request.method === "GET" || request.method === "HEAD" ? 307 : 303);
    for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
    res.headers.set("Cache-Control", "no-store");
    if (cookie) res.cookies.delete(cookie.name);
    return res;
  }

  const reqHeaders = new Headers(request.headers);
  reqHeaders.set("x-nonce", nonce);
  reqHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const res = NextResponse.next({ request: { headers: reqHeaders } });
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  if (!pathname.startsWith("/_next/")) res.headers.set("Cache-Control", "private, no-store");
  if (mayRefresh && session.state === "refreshed") {
    res.cookies.set(cookie.name, session.value, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: cookie.name.startsWith("__Secure-"),
      maxAge: session.maxAge,
    });
  }
  return res;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)" }],
};
