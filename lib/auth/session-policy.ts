/** Session lifetimes, in one place. */
// Idle timeout: the session token (and its cookie) expires this long after the last refresh.
export const SESSION_IDLE_SECONDS = 2 * 60 * 60;
// proxy.ts re-issues the token on activity, at most once per this many seconds (cheap: one decrypt per request).
export const SESSION_REFRESH_SECONDS = 5 * 60;
// Absolute lifetime: after 12 h the user signs in again, whatever the activity (checked in getViewer).
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const ORG_COOKIE = "reignite-org";
/** next-auth's session cookie: the __Secure- variant is used over https. */
export const SESSION_COOKIE = "authjs.session-token";
export const SECURE_SESSION_COOKIE = "__Secure-authjs.session-token";
