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
              className="nav-link"
            >
              {i.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
