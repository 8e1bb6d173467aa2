import type { Metadata } from "next";
import { requirePageViewer } from "@/lib/auth/viewer";
import { Card, PageHeader } from "@/components/ui/card";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/password-policy";
import { buttonClass } from "@/components/ui/button";
import { signOutEverywhereAction } from "./actions";
import { ChangePasswordForm } from "./_components/change-password-form";

export const metadata: Metadata = { title: "Account" };

/** The viewer's own account: who they are signed in as, changing their password, and signing out on every device. */
export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const viewer = await requirePageViewer();
  const { changed } = await searchParams;
  return (
    <>
      <PageHeader title="Account" description={`Signed in as ${viewer.email}`} />
      <div className="space-y-6">
        {changed === "1" ? (
          <p role="status" className="rounded-md border border-line bg-panel px-3 py-2 text-sm">
            <span aria-hidden="true">✓ </span>Your password was changed. Every other browser signed in to your account has been signed out.
          </p>
        ) : null}
        <Card>
          <h2 className="text-lg font-semibold">Change password</h2>
          <p className="mb-4 mt-1 text-sm text-muted">
            Changing your password signs you out everywhere else, for example on a shared or lost device.
          </p>
          <ChangePasswordForm min={PASSWORD_MIN} max={PASSWORD_MAX} />
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">Sign out everywhere</h2>
          <p className="mb-4 mt-1 text-sm text-muted">
            &ldquo;Sign out&rdquo; ends the session in this browser only. If you are still signed in somewhere you can no longer reach, such as a
            shared or lost device, sign out on every device at once, this one included. Your password stays the same.
          </p>
          <form action={signOutEverywhereAction}>
            <button type="submit" className={buttonClass("secondary")}>
              Sign out everywhere
            </button>
          </form>
        </Card>
      </div>
    </>
  );
}
