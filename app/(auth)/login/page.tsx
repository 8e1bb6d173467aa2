import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { usesEmbeddedDb } from "@/lib/env";
import { ForgetDrafts } from "./_components/forget-drafts";
import { LoginForm } from "./_components/login-form";
import { StartAfresh } from "./_components/start-afresh";
import { Logo } from "@/components/shell/logo";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; "signed-out"?: string; everywhere?: string }> }) {
  if (await getViewer()) redirect("/");
  const { next, "signed-out": signedOut, everywhere } = await searchParams;
  const demo = usesEmbeddedDb() && process.env.NODE_ENV !== "production";
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <StartAfresh />
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <Logo className="h-10 w-10" />
          <h1 className="mt-3 text-2xl font-semibold tracking-tight">Sign in to Reignite</h1>
          <p className="mt-1 text-sm text-muted">One-on-ones that catch rust out before it sets in.</p>
        </div>
        {signedOut === "1" ? (
          <>
            <ForgetDrafts />
            <p role="status" className="mb-4 rounded-md border border-line bg-panel px-4 py-3 text-center text-sm">
              {everywhere === "1" ? "You have signed out on every device." : "You have signed out."}
            </p>
          </>
        ) : null}
        <div className="rounded-lg border border-line bg-panel p-6 shadow-sm">
          <LoginForm next={typeof next === "string" ? next : undefined} />
        </div>
        <p className="mt-4 text-center text-sm">
          <Link href="/login/forgot" className="underline">
            Forgot your password?
          </Link>
        </p>
        {demo ? (
          <p className="mt-4 text-center text-xs text-muted">
            Demo: <code>maya@acme.example</code>, <code>eli@acme.example</code> or <code>ada@acme.example</code>, password{" "}
            <code>reignite-demo</code>
          </p>
        ) : null}
      </div>
    </main>
  );
}
