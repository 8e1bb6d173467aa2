import { env } from "@/lib/env";
import { mailConfigured } from "@/lib/mail/send";

/**
 * "Forgot your password?" needs outgoing email (SMTP_URL) and the app's own address (APP_URL): a link built from the
 * request's Host header could be pointed at another site by whoever asks for it, token and all.
 */
export function passwordResetByEmail(): { base: string } | null {
  const base = env().APP_URL;
  return mailConfigured() && base ? { base: base.replace(/\/+$/, "") } : null;
}
