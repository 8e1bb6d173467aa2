/**
 * Where a sign-in may send someone: only a path on this site. A value that merely starts with one slash is not
 * enough: "/..//evil.com" resolves to "//evil.com", which the browser's router reads as another host; a tab or a
 * newline inside ("/\t/evil.com") is dropped by URL parsers and breaks the redirect header. So the value is parsed
 * the way the browser will, and anything that is not a clean same-site path becomes "/".
 */
const PROBE = "http://reignite.invalid";

export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//")) return "/";
  // Control characters and backslashes: read differently by different parsers (a backslash is a slash to browsers).
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return "/";
  let url: URL;
  try {
    url = new URL(next, PROBE);
  } catch {
    return "/";
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.origin !== PROBE || path.startsWith("//")) return "/";
  return path;
}

/**
 * next-auth's redirect callback: a callbackUrl on this site, else the site's root. Its default parses the value with
 * `new URL` unguarded, so a callbackUrl like "http://host.evil.com:x/" (sent by anyone, signed in or not) logged a
 * stack trace and showed next-auth's error page.
 */
export function authRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  if (url.startsWith("/")) return `${baseUrl}${safeNext(url)}`;
  try {
    const u = new URL(url);
    if (u.origin === new URL(baseUrl).origin) return `${baseUrl}${safeNext(`${u.pathname}${u.search}${u.hash}`)}`;
  } catch {
    // Not a URL at all: the root, as for a foreign one.
  }
  return baseUrl;
}
