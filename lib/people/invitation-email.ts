import "server-only";
import type { Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer-type";
import { env } from "@/lib/env";
import { mailConfigured, sendMail, type Mail } from "@/lib/mail/send";
import { createInvitation, type InviteInput } from "./invitations";

export type EmailStatus = "sent" | "failed" | "not_configured";

/** `endedEarlier`: this address had a pending link, which stopped working (createInvitation). */
export type InviteResult = { id: string; link: string; email: string; emailStatus: EmailStatus; emailError?: string; endedEarlier: boolean };

/** Base URL for links in emails: APP_URL when set, else the request's origin. */
export function appBaseUrl(requestOrigin: string): string {
  return (env().APP_URL ?? requestOrigin).replace(/\/+$/, "");
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The invitation email: who invited them to which organization, the link and when it expires. */
export function invitationMail(p: { to: string; name: string; inviter: string; orgName: string; link: string; expiresAt: Date }): Mail {
  const expires = p.expiresAt.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const text = [
    `Hi ${p.name},`,
    "",
    `${p.inviter} invited you to join ${p.orgName} on Reignite, where you and your manager prepare 1:1s and plan your growth.`,
    "",
    `Set your password and join: ${p.link}`,
    "",
    `The link works once and expires on ${expires}. If you didn't expect this invitation, you can ignore this email.`,
  ].join("\n");
  const html = `<p>Hi ${esc(p.name)},</p>
<p>${esc(p.inviter)} invited you to join <strong>${esc(p.orgName)}</strong> on Reignite, where you and your manager prepare 1:1s and plan your growth.</p>
<p><a href="${esc(p.link)}">Set your password and join ${esc(p.orgName)}</a></p>
<p>Or paste this link into your browser: ${esc(p.link)}</p>
<p>The link works once and expires on ${esc(expires)}. If you didn't expect this invitation, you can ignore this email.</p>`;
  return { to: p.to, subject: `${p.inviter} invited you to ${p.orgName} on Reignite`, text, html };
}

/**
 * Admin: creates the invitation (createInvitation authorizes orgAdmin: write)
 * and, when SMTP is configured, emails the link. The invitation is committed
 * before sending, so a failed send loses nothing: the admin still gets the link.
 */
export async function inviteAndEmail(db: Db, viewer: Viewer | null, input: InviteInput, requestOrigin: string): Promise<InviteResult> {
  const { token, id, expiresAt, endedEarlier } = await createInvitation(db, viewer, input);
  const link = `${appBaseUrl(requestOrigin)}/invite/${token}`;
  const base = { id, link, email: input.email, endedEarlier };
  if (!mailConfigured()) return { ...base, emailStatus: "not_configured" };
  try {
    await sendMail(invitationMail({ to: input.email, name: input.name, inviter: viewer!.name, orgName: viewer!.orgName, link, expiresAt }));
    return { ...base, emailStatus: "sent" };
  } catch (err) {
    console.error("[mail] invitation email failed", err instanceof Error ? err.message : err);
    return { ...base, emailStatus: "failed", emailError: "The email could not be sent; copy the link and send it yourself." };
  }
}
