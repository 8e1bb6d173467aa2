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
    if (current) reveal(el, current);
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
      // A link reached with Tab is brought clear of the fade: the browser left one half off the strip, its focus ring hidden.
      onFocus={(e) => {
        if (list.current && e.target instanceof HTMLElement) reveal(list.current, e.target);
      }}
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

/** The width of the fade at a cut-off edge (app/globals.css, .nav-strip): a link under it reads as hidden. */
const FADE_PX = 40;

/** Scrolls the strip sideways, only when `link` is cut off or under a fade, to centre it. Never scrolls the page. */
function reveal(strip: HTMLElement, link: HTMLElement): void {
  // From the strip's own left edge, scrolled content included; offsetLeft counts from whichever ancestor is positioned.
  const start = link.getBoundingClientRect().left - strip.getBoundingClientRect().left + strip.scrollLeft;
  const hiddenBefore = start < strip.scrollLeft + (strip.scrollLeft > 1 ? FADE_PX : 0);
  const hiddenAfter = start + link.offsetWidth > strip.scrollLeft + strip.clientWidth - (strip.scrollLeft + strip.clientWidth < strip.scrollWidth - 1 ? FADE_PX : 0);
  if (hiddenBefore || hiddenAfter) strip.scrollLeft = start - (strip.clientWidth - link.offsetWidth) / 2;
}
