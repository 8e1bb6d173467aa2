"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { asFormData } from "@/lib/http/action";
import { signIn } from "@/lib/auth/config";
import { cookies, headers } from "next/headers";
import { ORG_COOKIE } from "@/lib/auth/session-policy";
import { loginRetryAfter } from "@/lib/auth/rate-limit";
import { clientIp } from "@/lib/auth/client-ip";
import { isDbUnavailable } from "@/lib/errors";
import { safeNext } from "@/lib/auth/safe-redirect";

export type LoginState = { error?: string; fields?: { email?: string[]; password?: string[] }; email?: string } | null;

const schema = z.object({
  email: z.string().trim().min(1, "Enter your email address.").pipe(z.email("Enter a valid email address.")),
  password: z.string().min(1, "Enter your password."),
  next: z.string().optional(),
});

export async function loginAction(_prev: LoginState, form: FormData): Promise<LoginState> {
  const formData = asFormData(form);
  const parsed = schema.safeParse({
    email: formData.get("email"),
    password: formData.get("password"),
    next: formData.get("next") ?? undefined,
  });
  const email = String(formData.get("email") ?? "");
  if (!parsed.success) {
    return { fields: z.flattenError(parsed.error).fieldErrors, email };
  }
  // A new session opens where checkCredentials says (and audits): not in an organization an earlier session on this
  // browser switched to and never signed out of.
  (await cookies()).delete(ORG_COOKIE);
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeNext(parsed.data.next),
    });
    return null;
  } catch (err) {
    if (err instanceof AuthError) {
      if (isDbUnavailable(err) || isDbUnavailable((err.cause as { err?: unknown } | undefined)?.err)) {
        return { error: "Reignite is temporarily unavailable. Please try again in a moment.", email };
      }
      if ((err as { code?: string }).code === "rate_limited") {
        const secs = (await loginRetryAfter(parsed.data.email, clientIp(await headers()))) ?? 60;
        const mins = Math.ceil(secs / 60);
        return {
          error: `Too many failed sign-in attempts. For your security, signing in is paused: try again in ${mins} minute${mins === 1 ? "" : "s"}.`,
          email,
        };
      }
      // Same message for unknown email and wrong password: no account probing.
      return { error: "That email and password don't match an active account.", email };
    }
    throw err; // success arrives as a redirect
  }
}
