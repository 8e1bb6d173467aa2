/**
 * HTTP without a browser, for tests against a running `next start`: sign in
 * through next-auth's real endpoints (CSRF token, then the credentials
 * callback, form-encoded) and get a fetch that carries the session cookie,
 * like a browser would. Used by the trust specs and meant for the access
 * matrix and API fuzzing: `const maya = await signInHttp(baseURL, "maya@…")`,
 * then `await maya.fetch("/api/v1/…")`.
 */
export const DEMO_PASSWORD = "reignite-demo";

export type CookieJar = Map<string, string>;

export type HttpSession = {
  /** fetch relative to the base URL, with the jar's cookies; Set-Cookie updates the jar. Redirects are not followed. */
  fetch: (path: string, init?: RequestInit) => Promise<Response>;
  jar: CookieJar;
  /** The raw session cookie ("name=value"), e.g. to replay it after a sign-out. */
  sessionCookie: () => string | undefined;
  baseURL: string;
};

/** Applies Set-Cookie headers to a jar (expired or emptied cookies are removed). */
export function storeCookies(jar: CookieJar, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const [pair, ...attrs] = line.split(";");
    const eq = pair!.indexOf("=");
    const name = pair!.slice(0, eq).trim();
    const value = pair!.slice(eq + 1).trim();
    const expired = attrs.some((a) => {
      const [k, v] = a.trim().split("=");
      return (k!.toLowerCase() === "max-age" && Number(v) <= 0) || (k!.toLowerCase() === "expires" && Date.parse(v ?? "") < Date.now());
    });
    if (!value || expired) jar.delete(name);
    else jar.set(name, value);
  }
}

export function cookieHeader(jar: CookieJar): string {
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

/**
 * fetch, but connecting from a given local address (e.g. 127.0.0.2: all of
 * 127/8 is this machine on Linux), so the server sees another client address.
 * Redirects are not followed.
 */
export async function fetchFrom(localAddress: string, url: URL, init: RequestInit = {}): Promise<Response> {
  const http = await import("node:http");
  const headers = Object.fromEntries(new Headers(init.headers));
  const body = typeof init.body === "string" ? init.body : undefined;
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? "GET", headers, localAddress, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const out = new Headers();
        for (let i = 0; i < res.rawHeaders.length; i += 2) out.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
        const status = res.statusCode ?? 500;
        resolve(new Response([204, 304].includes(status) ? null : Buffer.concat(chunks), { status, headers: out }));
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** A cookie-carrying client; starts signed out (or with the given cookies). `localAddress`: connect from that address. */
export function httpClient(baseURL: string, jar: CookieJar = new Map(), opts: { localAddress?: string } = {}): HttpSession {
  return {
    baseURL,
    jar,
    sessionCookie: () => {
      for (const [k, v] of jar) if (k.endsWith("authjs.session-token")) return `${k}=${v}`;
      return undefined;
    },
    fetch: async (path, init = {}) => {
      const headers = new Headers(init.headers);
      if (jar.size && !headers.has("cookie")) headers.set("cookie", cookieHeader(jar));
      const url = new URL(path, baseURL);
      const res = opts.localAddress ? await fetchFrom(opts.localAddress, url, { ...init, headers }) : await fetch(url, { ...init, headers, redirect: "manual" });
      storeCookies(jar, res);
      return res;
    },
  };
}

/**
 * Tries a credentials sign-in; returns the raw response of the callback
 * (302 on success or failure, 429 when rate limited) and the client.
 */
export async function attemptSignIn(
  baseURL: string,
  email: string,
  password: string,
  opts: { headers?: Record<string, string>; localAddress?: string } = {},
): Promise<{ res: Response; client: HttpSession }> {
  const client = httpClient(baseURL, new Map(), { localAddress: opts.localAddress });
  const csrfRes = await client.fetch("/api/auth/csrf", { headers: opts.headers });
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await client.fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...opts.headers },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseURL}/` }).toString(),
  });
  return { res, client };
}

/** Signs in and returns the session; throws when no session cookie was issued. */
export async function signInHttp(baseURL: string, email: string, password = DEMO_PASSWORD): Promise<HttpSession> {
  const { res, client } = await attemptSignIn(baseURL, email, password);
  if (!client.sessionCookie()) {
    throw new Error(`Sign-in of ${email} failed: HTTP ${res.status} → ${res.headers.get("location") ?? "(no redirect)"}`);
  }
  return client;
}
