"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavItem } from "@/lib/shell/nav-type";

/** Client only to mark the current page (aria-current) as the user navigates. */
export function NavLinks({ items }: { items: NavItem[] }) {
  const path = usePathname();
  return (
    <ul className="flex flex-wrap gap-1 whitespace-nowrap">
      {items.map((i) => {
        const current = path === i.href || (i.href !== "/me" && path.startsWith(`${i.href}/`));
        return (
          <li key={i.href}>
            <Link
              href={i.href}
              aria-current={current ? "page" : undefined}
              className={`block rounded-md px-2.5 py-2 text-sm font-medium ${current ? "bg-ember-50 text-ember-800 dark:bg-ember-900/40 dark:text-ember-100" : "text-muted hover:bg-stone-100 hover:text-ink dark:hover:bg-stone-800"}`}
            >
              {i.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
