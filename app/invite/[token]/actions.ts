"use server";

import { getDb } from "@/db/client";
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
    const input = parseInput(acceptInput, { token, password: fd.get("password") ?? "", confirm: fd.get("confirm") ?? "" });
    const db = await getDb();
    const { email } = await acceptInvitation(db, input.token, input.password);
    return { ok: true, data: { email }, message: "Your account is ready. Sign in with your email and the new password." };
  } catch (err) {
    const e = toAppError(err);
    if (e.code === "internal") console.error("[invite] unexpected error", err);
    return { ok: false, error: e.message, code: e.code, fields: e.fields };
  }
}
