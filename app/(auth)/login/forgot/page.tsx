import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Logo } from "@/components/shell/logo";
import { getViewer } from "@/lib/auth/viewer";
import { passwordResetByEmail } from "@/lib/auth/password-reset-availability";
import { ForgotForm } from "./_components/forgot-form";

export const metadata: Metadata = { title: "Forgot your password?" };

export default async function ForgotPage() {
  if (await getViewer()) redirect("/account");
  const byEmail = passwordResetByEmail();
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <Logo className="h-10 w-10" />
          <h1 className="mt-3 text-2xl font-semibold tracking-tight">Forgot your password?</h1>
          <p className="mt-1 text-sm text-muted">
            {byEmail ? "We'll email you a link to set a new one." : "Setting a new one takes a link from the person who runs Reignite."}
          </p>
        </div>
        <div className="rounded-lg border border-line bg-panel p-6 shadow-sm">
          {byEmail ? (
            <ForgotForm />
          ) : (
            <div className="space-y-3 text-sm">
              <p>This Reignite is not set up to send email, so it cannot send you a link itself.</p>
              <p>
                Ask the person who runs Reignite for your organization (your admin knows who): they can make you a link that works once, for an hour. Your admin cannot see or set your
                password.
              </p>
              <Link href="/login" className="inline-block underline">
                Back to sign in
              </Link>
            </div>
          )}
        </div>
      </div>
    </main>
  );
}
