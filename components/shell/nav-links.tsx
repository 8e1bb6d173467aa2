"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { NavItem } from "@/lib/shell/nav-type";

/**
 * Client only to mark the current page (aria-current) as the user navigates, and, on a phone, to keep the
 * navigation one row that scrolls sideways: wrapped, it left one link alone on a second row. The current page's
 * link is scrolled into view, and a fade at an edge says more links lie that way.
 */
export function NavLinks({ items }: { items: NavItem[] }) {
  const path = usePathname();
  const list = useRef<HTMLUListElement>(null);
  const [more, setMore] = useState({ before: false, after: false });
  // The links can change without a navigation (access granted or taken away, then a refresh): measure again then too.
  const links = items.map((i) => i.href).join(" ");

  useEffect(() => {
    const el = list.current;
    if (!el) return;
    const current = el.querySelector<HTMLElement>('[aria-current="page"]');
    // Only sideways, and only when it is cut off: scrollIntoView could also scroll the page.
    if (current && (current.offsetLeft < el.scrollLeft || current.offsetLeft + current.offsetWidth > el.scrollLeft + el.clientWidth)) {
      el.scrollLeft = current.offsetLeft - (el.clientWidth - current.offsetWidth) / 2;
    }
    const update = () =>
      setMore({ before: el.scrollLeft > 1, after: el.scrollLeft + el.clientWidth < el.scrollWidth - 1 });
    update();
    el.addEventListener("scroll", update, { passive: true });
    const resized = new ResizeObserver(update);
    resized.observe(el);
    return () => {
      el.removeEventListener("scroll", update);
      resized.disconnect();
    };
  }, [path, links]);

  return (
    <ul
      ref={list}
      className="nav-strip"
      data-more-before={more.before || undefined}
      data-more-after={more.after || undefined}
    >
      {items.map((i) => {
        const current = path === i.href || (i.href !== "/me" && path.startsWith(`${i.href}/`));
        return (
          <li key={i.href} className="shrink-0">
            <Link href={i.href} aria-current={current ? "page" : undefined} className="nav-link">
              {i.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
