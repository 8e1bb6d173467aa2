import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { PASSWORD_MIN } from "@/lib/auth/password";
import { findPasswordReset } from "@/lib/auth/password-reset";
import { Logo } from "@/components/shell/logo";
import { ResetForm } from "./_components/reset-form";

// The token is in the address: no Referer carries it to another site.
export const metadata: Metadata = { title: "Set a new password", referrer: "no-referrer" };

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const who = await findPasswordReset(await getDb(), token);
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <Logo className="h-10 w-10" />
          <h1 className="mt-3 text-2xl font-semibold tracking-tight">{who ? "Set a new password" : "Link not valid"}</h1>
          <p className="mt-1 text-sm text-muted">
            {who ? `Hi ${who.name.split(" ")[0]}, choose a new password. It signs you out everywhere else.` : "This link was already used or has expired."}
          </p>
        </div>
        <div className="rounded-lg border border-line bg-panel p-6 shadow-sm">
          {who ? (
            <ResetForm token={token} email={who.email} minLength={PASSWORD_MIN} />
          ) : (
            <p className="text-sm">
              <Link href="/login/forgot" className="underline">Ask for a new link</Link> or <Link href="/login" className="underline">sign in</Link>.
            </p>
          )}
        </div>
      </div>
    </main>
  );
}
