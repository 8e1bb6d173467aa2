"use client";

import { useLayoutEffect } from "react";

const ONCE_KEY = "reignite:login-afresh";

/**
 * The sign-in page is loaded as a page of its own, never reached by the app's own navigation. After "Sign out", or a
 * session that ended while a page was open, that navigation kept the pages seen before in the browser — their data
 * inlined as React's payload, a manager's private notes included — and whoever signed in next on that tab could read
 * it in the page's scripts. Loaded afresh, the tab holds nothing of the previous person.
 */
export function StartAfresh() {
  useLayoutEffect(() => {
    const loaded = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    try {
      const reloaded = sessionStorage.getItem(ONCE_KEY) === location.href;
      sessionStorage.removeItem(ONCE_KEY);
      // Once per arrival: should the browser ever report the load under another spelling, no reload loop.
      if (!loaded || loaded.name === location.href || reloaded) return;
      sessionStorage.setItem(ONCE_KEY, location.href);
    } catch {
      return; // storage disabled: without the guard, a reload could repeat
    }
    location.replace(location.href);
  }, []);
  return null;
}
