import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { PASSWORD_MIN } from "@/lib/auth/password";
import { findInvitation } from "@/lib/people/invitations";
import { whyInvitationEnded, type EndedInvitation } from "@/lib/people/invitation-ended";
import { Logo } from "@/components/shell/logo";
import { AcceptForm } from "./_components/accept-form";

export const metadata: Metadata = { title: "Join Reignite", referrer: "no-referrer" };

/** Why the link does not open, so the person knows whether to sign in, use a newer link or ask for one. */
function endedText(ended: EndedInvitation): string {
  switch (ended.why) {
    case "used":
      return "This link was already used to join. Sign in with your email and password.";
    case "revoked":
      return `An admin of ${ended.orgName} revoked this invitation, so the link no longer works. Ask them if you should still join.`;
    case "replaced":
      return `${ended.orgName} sent a newer invitation to this address, and this link stopped working. Use the newest link you received.`;
    case "expired":
      return "This link has expired: invitations work for 7 days. Ask your admin for a new one.";
    case "unknown":
      return "This link is not valid. Check that it was copied whole, or ask your admin for a new one.";
  }
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = await getDb();
  const inv = await findInvitation(db, token).catch(() => null);
  const ended = inv ? null : await whyInvitationEnded(db, token);
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <Logo className="h-10 w-10" />
          <h1 className="mt-3 text-2xl font-semibold tracking-tight">{inv ? `Join ${inv.orgName}` : "Invitation not valid"}</h1>
          <p className="mt-1 text-sm text-muted">
            {!inv
              ? endedText(ended!)
              : inv.hasAccount
                ? `Hi ${inv.name.split(" ")[0]}, you already use Reignite with this email: enter your password to join ${inv.orgName} too.`
                : `Hi ${inv.name.split(" ")[0]}, set a password to start using Reignite.`}
          </p>
        </div>
        {inv ? (
          <div className="rounded-lg border border-line bg-panel p-6 shadow-sm">
            <AcceptForm token={token} email={inv.email} minLength={PASSWORD_MIN} hasAccount={inv.hasAccount} />
          </div>
        ) : null}
      </div>
    </main>
  );
}
