"use client";

import { useEffect } from "react";
import { anyUnsavedChanges } from "@/components/ui/unsaved-changes";

export const LEAVE_QUESTION = "Leave this page? What you typed here is not saved.";

/** The Navigation API's navigate event, as far as it is used here (not yet in TypeScript's DOM types). */
type NavigateEventLike = Event & { navigationType: "push" | "replace" | "reload" | "traverse"; cancelable: boolean };

/**
 * Asks before leaving a page that holds unsaved typing in a form (anyUnsavedChanges): a purpose being rewritten,
 * a stuck message, a talking point. Before, a click on the navigation, Back or a reload dropped it without a word.
 *
 * - In-app links (Next.js <Link> and plain ones): a click is caught on its way down (capture phase on the document,
 *   before React or the router see it) and, if the person answers no, stopped there, so the router never navigates.
 * - Reload, closing the tab, an address typed, a link to another site: the browser's own `beforeunload` prompt
 *   (the only thing a page may show there; browsers ignore its text).
 * - Back and Forward within the app are history traversals the App Router handles itself on `popstate`, which
 *   arrives after the address has changed and cannot be cancelled; going forward again from there would fight the
 *   router. Where the browser has the Navigation API (Chromium, Safari 26, Firefox 147 and later) its `navigate`
 *   event comes first and can cancel such a traversal; the browser allows that only after the person interacted
 *   with the page, and only once per interaction, so the Back button cannot be trapped. Without the API, Back
 *   leaves as before. A traversal out of the app (to the sign-in page loaded earlier, another site) unloads the
 *   page and gets `beforeunload`.
 *
 * Forms decide what counts (components/ui/unsaved-changes.ts); the 1:1 notes and check-in keep a draft on the
 * device and are not asked about.
 */
export function UnsavedChangesGuard() {
  useEffect(() => {
    const unsaved = () => anyUnsavedChanges(document.forms);
    // Set once the person chose to leave: a plain link's page load then fires `beforeunload`, which must not ask a
    // second time. Typing again makes the page worth asking about again.
    let leaving = false;
    const mayLeave = () => {
      if (leaving || !unsaved()) return true;
      leaving = window.confirm(LEAVE_QUESTION);
      return leaving;
    };
    const stayAgain = () => {
      leaving = false;
    };

    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = e.target instanceof Element ? e.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement) || link.hasAttribute("download")) return;
      if (link.target && link.target !== "_self") return; // opens elsewhere; this page stays
      const to = new URL(link.href, location.href);
      if (to.origin !== location.origin) return; // leaves the app: `beforeunload` asks
      if (to.pathname === location.pathname && to.search === location.search) return; // a #fragment, or this page again
      if (mayLeave()) return;
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (leaving || !unsaved()) return;
      e.preventDefault();
      // Older browsers show the prompt only with a return value.
      e.returnValue = "";
    };
    const onNavigate = (event: Event) => {
      const e = event as NavigateEventLike;
      if (e.navigationType !== "traverse" || !e.cancelable) return;
      if (!mayLeave()) e.preventDefault();
    };

    const navigation = (window as { navigation?: EventTarget }).navigation;
    document.addEventListener("click", onClick, true);
    document.addEventListener("input", stayAgain, true);
    window.addEventListener("pageshow", stayAgain);
    window.addEventListener("beforeunload", onBeforeUnload);
    navigation?.addEventListener("navigate", onNavigate);
    return () => {
      document.removeEventListener("click", onClick, true);
      document.removeEventListener("input", stayAgain, true);
      window.removeEventListener("pageshow", stayAgain);
      window.removeEventListener("beforeunload", onBeforeUnload);
      navigation?.removeEventListener("navigate", onNavigate);
    };
  }, []);
  return null;
}
