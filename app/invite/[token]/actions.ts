"use server";

import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { clientIp } from "@/lib/auth/client-ip";
import type { ActionState } from "@/lib/http/action";
import { asFormData, parseInput } from "@/lib/http/action";
import { toAppError } from "@/lib/errors";
import { acceptInput, acceptInvitation } from "@/lib/people/invitations";

/**
 * Public: accepting an invitation needs no session — the one-time token is the
 * credential (only its hash is stored; it expires after 7 days and works once).
 */
export async function acceptInviteAction(token: string, _prev: ActionState<{ email: string }>, form: FormData): Promise<ActionState<{ email: string }>> {
  const fd = asFormData(form);
  try {
    // Someone who already has an account types their password once (the form has no "repeat" field then).
    const password = fd.get("password") ?? "";
    const input = parseInput(acceptInput, { token, password, confirm: fd.has("confirm") ? fd.get("confirm") : password });
    const db = await getDb();
    const { email, existingAccount } = await acceptInvitation(db, input.token, input.password, { ip: clientIp(await headers()) });
    return {
      ok: true,
      data: { email },
      message: existingAccount
        ? "You've joined. Sign in as usual, then pick the organization from the menu at the top."
        : "Your account is ready. Sign in with your email and the new password.",
    };
  } catch (err) {
    const e = toAppError(err);
    if (e.code === "internal") console.error("[invite] unexpected error", err);
    return { ok: false, error: e.message, code: e.code, fields: e.fields };
  }
}
