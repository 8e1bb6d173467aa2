"use server";

import { cookies, headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { getDb } from "@/db/client";
import { signIn } from "@/lib/auth/config";
import { ORG_COOKIE } from "@/lib/auth/session-policy";
import { clientIp } from "@/lib/auth/client-ip";
import type { ActionState } from "@/lib/http/action";
import { asFormData, parseInput } from "@/lib/http/action";
import { toAppError } from "@/lib/errors";
import { acceptInput, acceptInvitation } from "@/lib/people/invitations";

/**
 * Public: accepting an invitation needs no session — the one-time token is the
 * credential (only its hash is stored; it expires after 7 days and works once).
 * Accepted, the person is signed in with the password they just typed.
 */
export async function acceptInviteAction(token: string, _prev: ActionState<{ email: string }>, form: FormData): Promise<ActionState<{ email: string }>> {
  const fd = asFormData(form);
  let accepted: { email: string; existingAccount: boolean };
  let password: string;
  try {
    // Someone who already has an account types their password once (the form has no "repeat" field then).
    const typed = fd.get("password") ?? "";
    const input = parseInput(acceptInput, { token, password: typed, confirm: fd.has("confirm") ? fd.get("confirm") : typed });
    const db = await getDb();
    accepted = await acceptInvitation(db, input.token, input.password, { ip: clientIp(await headers()) });
    password = input.password;
  } catch (err) {
    const e = toAppError(err);
    if (e.code === "internal") console.error("[invite] unexpected error", err);
    return { ok: false, error: e.message, code: e.code, fields: e.fields };
  }
  // They just typed their password: sign them in and take them to their home in the organization they joined
  // (the sign-in lands there, see users.last_org_id), rather than asking for the same password again on /login.
  try {
    // Another account's organization choice on this browser must not steer where this new session lands.
    (await cookies()).delete(ORG_COOKIE);
    await signIn("credentials", { email: accepted.email, password, redirectTo: "/" });
  } catch (err) {
    unstable_rethrow(err); // the redirect home
    // Signing in could not follow (sign-in paused for too many failures, say): the membership is in place all the same.
  }
  return {
    ok: true,
    data: { email: accepted.email },
    message: accepted.existingAccount
      ? "You've joined. Sign in as usual: you'll land in the organization you just joined."
      : "Your account is ready. Sign in with your email and the new password.",
  };
}
