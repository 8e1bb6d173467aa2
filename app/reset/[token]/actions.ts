"use server";

import { cookies, headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { getDb } from "@/db/client";
import { signIn } from "@/lib/auth/config";
import { clientIp } from "@/lib/auth/client-ip";
import { resetInput, resetPassword } from "@/lib/auth/password-reset";
import { ORG_COOKIE } from "@/lib/auth/session-policy";
import { toAppError } from "@/lib/errors";
import { asFormData, parseInput, type ActionState } from "@/lib/http/action";

/**
 * Public: the one-time link is the credential (only its hash is stored; it works once, for an hour). The new
 * password meets the same rule as on /account; every other session of the account ends. Then the person is signed
 * in with the password they just typed, and lands on their home.
 */
export async function resetPasswordAction(token: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const fd = asFormData(form);
  let email: string;
  let password: string;
  try {
    const input = parseInput(resetInput, { token, password: fd.get("password") ?? "", confirm: fd.get("confirm") ?? "" });
    ({ email } = await resetPassword(await getDb(), input, { ip: clientIp(await headers()) }));
    password = input.password;
  } catch (err) {
    const e = toAppError(err);
    if (e.code === "internal") console.error("[reset] unexpected error", err);
    return { ok: false, error: e.message, code: e.code, fields: e.fields };
  }
  try {
    // Another account's organization choice on this browser must not steer where this session lands.
    (await cookies()).delete(ORG_COOKIE);
    await signIn("credentials", { email, password, redirectTo: "/" });
  } catch (err) {
    unstable_rethrow(err); // the redirect home
  }
  return { ok: true, message: "Your new password is set. Sign in with it." };
}
