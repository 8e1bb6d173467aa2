"use server";

import { headers } from "next/headers";
import { signIn } from "@/lib/auth/config";
import { changePassword, changePasswordSchema } from "@/lib/auth/change-password";
import { clientIp } from "@/lib/auth/client-ip";
import { parseInput, runAction, type ActionState } from "@/lib/http/action";

/**
 * Changes the viewer's password. Every session of the user ends (other
 * browsers are signed out on their next request); this browser is signed in
 * again with the new password, so the person who just changed it carries on.
 */
export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const input = parseInput(changePasswordSchema, formData);
    await changePassword(db, viewer, input, clientIp(await headers()));
    await signIn("credentials", { email: viewer.email, password: input.newPassword, redirectTo: "/account?changed=1" });
    return undefined;
  });
}
