import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

export type Mail = { to: string; subject: string; text: string; html: string };

/** Whether outgoing email is configured (SMTP_URL). */
export function mailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

/**
 * Sends one message through SMTP_URL from SMTP_FROM. Throws when the server
 * refuses or cannot be reached; callers decide what a failure means. Short
 * timeouts: an admin is waiting on the page.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const { SMTP_URL, SMTP_FROM } = env();
  if (!SMTP_URL) throw new Error("SMTP_URL is not set.");
  const transport = nodemailer.createTransport({ url: SMTP_URL, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 15_000 });
  try {
    await transport.sendMail({ from: SMTP_FROM, ...mail });
  } finally {
    transport.close();
  }
}
