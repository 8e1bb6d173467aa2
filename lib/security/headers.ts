/** Security headers, built in one place and applied by proxy.ts to every response. */
/**
 * `https`: the request reached us over https (directly, or through a proxy that terminated TLS). Only then do we ask
 * the browser to upgrade requests and to remember https (HSTS): sent over plain http, upgrade-insecure-requests
 * turned every script and stylesheet of the page into an https request the server cannot answer, so Reignite opened
 * unstyled and dead at http://<LAN address> (a phone trying the demo, an intranet host), and a redirect followed on
 * localhost went to https. Browsers ignore HSTS over http anyway.
 */
export function buildCsp(nonce: string, dev: boolean, https = true): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (e.g. bar widths in charts) need this; scripts are what CSP must lock down.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(dev || !https ? [] : ["upgrade-insecure-requests"]),
  ].join("; ");
}

export function securityHeaders(nonce: string, prod: boolean, https = true): Record<string, string> {
  return {
    "Content-Security-Policy": buildCsp(nonce, !prod, https),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    ...(prod && https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/**
 * Whether a request came over https. `X-Forwarded-Proto` is believed from anyone: the answer only shapes the headers
 * of the response to that same request, so a client that lies about it can only break its own page. `APP_URL` on
 * https means the deployment is https whatever a proxy forwards.
 */
export function cameOverHttps(url: URL, forwardedProto: string | null, appUrl = process.env.APP_URL): boolean {
  if (url.protocol === "https:" || appUrl?.startsWith("https:")) return true;
  return forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https";
}
