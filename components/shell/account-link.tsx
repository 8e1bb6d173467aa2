"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The header's "Account" link, marked as the current page on /account like the main navigation's links. */
export function AccountLink() {
  const current = usePathname().startsWith("/account");
  return (
    <Link
      href="/account"
      aria-current={current ? "page" : undefined}
      className="rounded-md px-2 py-1 text-muted underline-offset-2 hover:underline aria-[current=page]:bg-ember-50 aria-[current=page]:text-ember-800 dark:aria-[current=page]:bg-ember-900/40 dark:aria-[current=page]:text-ember-100"
    >
      Account
    </Link>
  );
}
