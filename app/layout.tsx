import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { connection } from "next/server";
import { TypedBeforeHydrationScript } from "@/components/ui/typed-before-hydration-script";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Reignite", template: "%s · Reignite" },
  description: "One-on-ones that catch rust out before it sets in.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/**
 * Every page renders per request: the Content-Security-Policy carries a fresh
 * script nonce (proxy.ts) that Next adds to its own scripts, and a page
 * prerendered at build time (such as the 404 page) would have none and not hydrate.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en">
      <head>
        <TypedBeforeHydrationScript nonce={nonce} />
      </head>
      <body className="min-h-dvh">{children}</body>
    </html>
  );
}
