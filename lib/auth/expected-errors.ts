/**
 * next-auth errors that are expected outcomes, not server errors: a wrong password (audited as auth.sign_in_failed),
 * an expired or foreign session token (the visitor is simply signed out), and a request for one of next-auth's own
 * pages this app does not use (anyone can ask for /api/auth/signin?callbackUrl=…, and is sent to /login). Each wrote
 * a stack trace to the log, so anyone could fill it.
 */
const EXPECTED_AUTH_ERRORS = new Set(["CredentialsSignin", "JWTSessionError", "UnknownAction"]);

/** Whether next-auth's error is one to log. */
export function isLoggedAuthError(error: Error): boolean {
  return !EXPECTED_AUTH_ERRORS.has((error as { type?: string }).type ?? error.name);
}
