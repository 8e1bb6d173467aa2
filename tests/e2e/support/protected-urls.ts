/**
 * Signed-in-only entry points, for checks that must hold for every one of
 * them (x-middleware-subrequest bypass, anonymous access, headers). The access
 * matrix work extends this list as features add pages and routes.
 */
export type ProtectedUrl = { path: string; method?: "GET" | "POST"; kind: "page" | "api"; body?: unknown };

export const PROTECTED_URLS: ProtectedUrl[] = [
  { path: "/", kind: "page" },
  { path: "/me", kind: "page" },
  { path: "/account", kind: "page" },
  { path: "/admin/audit", kind: "page" },
  { path: "/api/v1/audit", kind: "api" },
  { path: "/api/v1/account/password", method: "POST", kind: "api", body: { currentPassword: "reignite-demo", newPassword: "a brand new passphrase" } },
];

/** Every published variant of the Next.js middleware-bypass header (CVE-2025-29927), plus the proxy-era names. */
export const MIDDLEWARE_SUBREQUEST_VALUES = [
  "middleware",
  "src/middleware",
  "pages/_middleware",
  "src/pages/_middleware",
  "proxy",
  "src/proxy",
  "middleware:middleware:middleware:middleware:middleware",
  "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
  "proxy:proxy:proxy:proxy:proxy",
  "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy",
  "pages/_middleware:pages/_middleware:pages/_middleware:pages/_middleware:pages/_middleware",
];
