/**
 * Signed-in-only entry points, for checks that must hold for every one of
 * them (x-middleware-subrequest bypass, anonymous access, headers). The access
 * matrix work extends this list as features add pages and routes.
 */
export type ProtectedUrl = { path: string; method?: "GET" | "POST"; kind: "page" | "api"; body?: unknown };

/** A well-formed id nobody has: dynamic routes are probed with it (the answer must not change with the bypass header). */
export const NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";

/**
 * Every signed-in page (tests/unit/access-entry-points.test.ts checks this list
 * against app/(app)/**\/page.tsx) and the API's list and person entry points.
 */
export const PROTECTED_URLS: ProtectedUrl[] = [
  { path: "/", kind: "page" },
  { path: "/me", kind: "page" },
  { path: "/me/one-on-ones", kind: "page" },
  { path: "/me/print", kind: "page" },
  { path: "/account", kind: "page" },
  { path: "/team", kind: "page" },
  { path: "/people", kind: "page" },
  { path: `/people/${NO_SUCH_ID}`, kind: "page" },
  { path: `/people/${NO_SUCH_ID}/plan`, kind: "page" },
  { path: `/people/${NO_SUCH_ID}/one-on-ones`, kind: "page" },
  { path: `/one-on-ones/${NO_SUCH_ID}`, kind: "page" },
  { path: "/org", kind: "page" },
  { path: "/signals", kind: "page" },
  { path: "/settings", kind: "page" },
  { path: "/admin/people", kind: "page" },
  { path: "/admin/audit", kind: "page" },
  { path: "/api/v1/audit", kind: "api" },
  { path: "/api/v1/people", kind: "api" },
  { path: `/api/v1/people/${NO_SUCH_ID}`, kind: "api" },
  { path: "/api/v1/stuck-signals", kind: "api" },
  { path: "/api/v1/me/stuck-signals", kind: "api" },
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
