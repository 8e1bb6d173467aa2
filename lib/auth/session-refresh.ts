import { decode, encode } from "next-auth/jwt";
import { authSecret } from "./secret";
import { SECURE_SESSION_COOKIE, SESSION_ABSOLUTE_MS, SESSION_COOKIE, SESSION_IDLE_SECONDS, SESSION_REFRESH_SECONDS } from "./session-policy";

export type SessionCookie = { name: string; value: string };

let secret: string | undefined;

/**
 * Decrypted session tokens, by cookie. Decrypting a JWE (key derivation, AES,
 * HMAC through WebCrypto) costs ~1 ms of CPU, and every signed-in request needs
 * the claims twice (the proxy's idle refresh and getViewer()). A token is an
 * immutable, authenticated value, so its claims can be remembered; expiry is
 * still checked on every use, and whether the session still counts (revoked,
 * deactivated) is decided against the database by getViewer(). On globalThis
 * because the proxy and the app are separate bundles in one process. Bounded:
 * the oldest entries go first.
 */
const DECODED_MAX = 5000;
const decodedTokens: Map<string, Record<string, unknown>> = ((globalThis as Record<symbol, unknown>)[Symbol.for("reignite.decodedSessionTokens")] ??= new Map()) as Map<string, Record<string, unknown>>;

/** The token's payload if it decrypts and has not expired; null otherwise. */
export async function decodeSessionToken(cookie: SessionCookie, now = Date.now()): Promise<Record<string, unknown> | null> {
  const key = `${cookie.name}=${cookie.value}`;
  let payload = decodedTokens.get(key) ?? null;
  if (!payload) {
    secret ??= authSecret();
    try {
      payload = ((await decode({ token: cookie.value, secret, salt: cookie.name })) as Record<string, unknown> | null) ?? null;
    } catch {
      payload = null;
    }
    if (!payload || typeof payload.exp !== "number") return null;
    if (decodedTokens.size >= DECODED_MAX) decodedTokens.delete(decodedTokens.keys().next().value!);
    decodedTokens.set(key, payload);
  }
  return typeof payload.exp === "number" && payload.exp * 1000 > now ? payload : null;
}

/** The session cookie of a request, if any (chunked cookies are not refreshed, only read by next-auth). */
export function sessionCookieOf(cookies: { get(name: string): { value: string } | undefined }): SessionCookie | null {
  for (const name of [SECURE_SESSION_COOKIE, SESSION_COOKIE]) {
    const c = cookies.get(name);
    if (c?.value) return { name, value: c.value };
  }
  return null;
}

/**
 * The session token's claims that matter to the app, or null when the token is
 * missing, tampered with or expired (decryption checks the signature and exp).
 * Used by getViewer() directly instead of next-auth's auth(), which runs its
 * whole request pipeline to produce the same two values.
 */
export type SessionClaims = { userId: string; authTime: number; sessionId: string; orgId?: string };

export async function readSessionClaims(cookie: SessionCookie | null): Promise<SessionClaims | null> {
  if (!cookie) return null;
  const payload = await decodeSessionToken(cookie);
  const userId = typeof payload?.uid === "string" ? payload.uid : "";
  const authTime = Number(payload?.authTime ?? 0);
  // The organization the session started in (see lib/auth/credentials.ts); absent in tokens from before it existed.
  const orgId = typeof payload?.org === "string" ? payload.org : undefined;
  // The session's id (lib/auth/config.ts); tokens from before it existed are told apart by their sign-in instant.
  const sessionId = typeof payload?.sid === "string" && payload.sid ? payload.sid : `t${authTime}`;
  return userId && authTime ? { userId, authTime, sessionId, ...(orgId ? { orgId } : {}) } : null;
}

export type RefreshResult =
  | { state: "invalid" } // expired (idle), tampered, or past the absolute lifetime
  | { state: "fresh" } // valid and recently issued: nothing to do
  | { state: "refreshed"; value: string; maxAge: number };

/**
 * The idle timeout: a session token lives SESSION_IDLE_SECONDS after it was
 * last issued. On a request with a valid token issued more than
 * SESSION_REFRESH_SECONDS ago, the token is re-issued with a new expiry, so
 * activity keeps the session alive and 2 h without a request ends it. The
 * payload (user id, sign-in time) is unchanged; revocation and the absolute
 * lifetime are still decided against the database by getViewer().
 */
export async function refreshSessionToken(cookie: SessionCookie, now = Date.now()): Promise<RefreshResult> {
  const payload = await decodeSessionToken(cookie, now);
  if (!payload || typeof payload.exp !== "number") return { state: "invalid" };
  const authTime = Number(payload.authTime ?? 0);
  if (!authTime || now - authTime > SESSION_ABSOLUTE_MS) return { state: "invalid" };
  const remaining = payload.exp * 1000 - now;
  if (remaining > (SESSION_IDLE_SECONDS - SESSION_REFRESH_SECONDS) * 1000) return { state: "fresh" };
  // Never extend past the absolute lifetime.
  const maxAge = Math.max(1, Math.min(SESSION_IDLE_SECONDS, Math.floor((authTime + SESSION_ABSOLUTE_MS - now) / 1000)));
  const { exp: _exp, iat: _iat, jti: _jti, ...token } = payload;
  secret ??= authSecret();
  const value = await encode({ token, secret, salt: cookie.name, maxAge });
  return { state: "refreshed", value, maxAge };
}
