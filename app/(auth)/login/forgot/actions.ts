"use server";

import { after } from "next/server";
import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { clientIp } from "@/lib/auth/client-ip";
import { requestPasswordReset, requestResetInput, resetRequestWait, RESET_TTL_MS } from "@/lib/auth/password-reset";
import { passwordResetMail } from "@/lib/auth/password-reset-mail";
import { passwordResetByEmail } from "@/lib/auth/password-reset-availability";
import { asFormData } from "@/lib/http/action";
import { isDbUnavailable } from "@/lib/errors";
import { sendMail } from "@/lib/mail/send";

export type ForgotState = { sentTo?: string; error?: string; fields?: { email?: string[] }; email?: string } | null;

/**
 * Public: asks for a link to set a new password. The answer is the same whether or not the address has an account
 * (the email goes out after the response, so neither the words nor the time tell), and the link goes to the
 * address on record, never to anyone else.
 */
export async function requestResetAction(_prev: ForgotState, form: FormData): Promise<ForgotState> {
  const fd = asFormData(form);
  const typed = String(fd.get("email") ?? "");
  const parsed = requestResetInput.safeParse({ email: fd.get("email") });
  if (!parsed.success) return { fields: z.flattenError(parsed.error).fieldErrors, email: typed };
  const byEmail = passwordResetByEmail();
  if (!byEmail) return { error: "This Reignite cannot send email, so it cannot send you a link. Ask the person who runs it for one.", email: typed };
  try {
    const db = await getDb();
    const ip = clientIp(await headers());
    const wait = await resetRequestWait(db, ip);
    if (wait !== null) return { error: `Too many requests from this network. Try again in ${Math.ceil(wait / 60)} minute(s).`, email: typed };
    const link = await requestPasswordReset(db, parsed.data.email, { ip });
    if (link) {
      const mail = passwordResetMail({ to: link.email, name: link.name, link: `${byEmail.base}/reset/${link.token}`, minutes: RESET_TTL_MS / 60_000 });
      after(() => sendMail(mail).catch((err: unknown) => console.error("[mail] password reset email failed", err instanceof Error ? err.message : err)));
    }
    return { sentTo: parsed.data.email };
  } catch (err) {
    if (isDbUnavailable(err)) return { error: "Reignite is temporarily unavailable. Please try again in a moment.", email: typed };
    console.error("[reset] unexpected error", err);
    return { error: "Something went wrong. Please try again.", email: typed };
  }
}
