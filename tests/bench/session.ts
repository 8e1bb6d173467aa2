/** Signing in over HTTP, as the login form's credentials flow does (used by the bench and the two-instance e2e spec). */
export const SESSION_COOKIE = "authjs.session-token";

function cookiesFrom(res: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair!.indexOf("=");
    out.set(pair!.slice(0, i), pair!.slice(i + 1));
  }
  return out;
}

/** Signs in like the login form's credentials flow does; returns the Cookie header to send. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesFrom(csrfRes);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
    },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/` }).toString(),
  });
  const session = cookiesFrom(res).get(SESSION_COOKIE);
  if (!session) throw new Error(`Sign-in as ${email} failed (HTTP ${res.status}, ${res.headers.get("location") ?? "no redirect"})`);
  return `${SESSION_COOKIE}=${session}`;
}

