"use server";

import { headers } from "next/headers";
import { cookies } from "next/headers";
import { signIn, signOut } from "@/lib/auth/config";
import { getViewer } from "@/lib/auth/viewer";
import { signOutEverywhere } from "@/lib/auth/revoke";
import { ORG_COOKIE } from "@/lib/auth/session-policy";
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

/**
 * Signs the viewer out on every device, this one included: for a shared or lost
 * device whose session the person cannot reach any more. Their password stays.
 */
export async function signOutEverywhereAction(): Promise<void> {
  const viewer = await getViewer();
  if (viewer) await signOutEverywhere(viewer.userId);
  (await cookies()).delete(ORG_COOKIE);
  // "signed-out" tells the login page to forget this browser's unsaved note and check-in drafts, as "Sign out" does.
  await signOut({ redirectTo: "/login?signed-out=1&everywhere=1" });
}
