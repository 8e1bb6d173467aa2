"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { asFormData } from "@/lib/http/action";
import { signOut } from "@/lib/auth/config";
import { getViewer } from "@/lib/auth/viewer";
import { ORG_COOKIE, SECURE_SESSION_COOKIE } from "@/lib/auth/session-policy";
import { endSession } from "@/lib/auth/revoke";
import { rememberLastOrg } from "@/lib/auth/last-org";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/log";
import { clientIp } from "@/lib/auth/client-ip";


/** Signs out of this browser: this session ends (copies of its token too); the user's other devices stay signed in. */
export async function signOutAction(): Promise<void> {
  const viewer = await getViewer();
  // Deleting the cookie is not enough: a copied session token must not outlive sign-out.
  if (viewer) await endSession(viewer.userId, viewer.sessionId ?? `t${viewer.authTime}`);
  const jar = await cookies();
  jar.delete(ORG_COOKIE);
  // "signed-out" tells the login page to forget this browser's unsaved note and check-in drafts.
  await signOut({ redirectTo: "/login?signed-out=1" });
}

/** Switches the active organization, only to one the user belongs to. */
export async function switchOrgAction(form: FormData): Promise<void> {
  const formData = asFormData(form);
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  const orgId = z.uuid().safeParse(formData.get("orgId"));
  if (!orgId.success || !viewer.orgs.some((o) => o.orgId === orgId.data)) redirect("/");
  const jar = await cookies();
  // Secure exactly when the session cookie is: next-auth gives it the __Secure- name over https only. Keyed to
  // NODE_ENV instead, a production server reached over plain http (a LAN, `npm start` on a laptop) set a cookie
  // most browsers then refused, and switching organizations silently did nothing.
  jar.set(ORG_COOKIE, orgId.data, { httpOnly: true, sameSite: "lax", secure: jar.has(SECURE_SESSION_COOKIE), path: "/" });
  // A sign-in is audited in the organization the session opens in only (checkCredentials); this is where the
  // session enters this one, so its log says so. "Signed in", not "switched": the other organization is not its business.
  if (orgId.data !== viewer.orgId) {
    await audit({ orgId: orgId.data, actorUserId: viewer.userId, action: "auth.sign_in", ip: clientIp(await headers()) });
  }
  // Remembered for the account too: the next sign-in (any browser; sign-out clears the cookie) lands here.
  // Best effort: the switch itself (the cookie) must not fail because this could not be written.
  try {
    await rememberLastOrg(await getDb(), viewer.userId, orgId.data);
  } catch (err) {
    console.error("[switch-org] could not remember the organization for the next sign-in", err);
  }
  redirect("/");
}
