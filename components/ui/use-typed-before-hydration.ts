"use client";
import { useLayoutEffect, useRef, type RefObject } from "react";

/**
 * What someone typed into a controlled field, or the radio they picked, before the page's script ran (a slow
 * connection, a big page). The browser showed it, but React puts the server-rendered value back as it hydrates,
 * so the text vanished and the old value was what got saved. The root layout's recorder
 * (typed-before-hydration-script.tsx) notes such input on each field marked `data-typed="<name>"`; on mount this
 * hands it to `adopt`, the field's own change handler, so it is kept, drafted and saved like anything typed later.
 * Runs once: from then on the component owns the fields (`data-live`).
 */
export function useTypedBeforeHydration(root: RefObject<HTMLElement | null>, rendered: Record<string, string>, adopt: (name: string, value: string) => void): void {
  // What was rendered first and the handler of that render: the only ones this compares against and calls.
  const first = useRef({ rendered, adopt });
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const { rendered, adopt } = first.current;
    // The page has hydrated: the recorder can stop (fields that mount from now on are React's from the start).
    document.documentElement.setAttribute("data-typed-done", "");
    for (const [name, was] of Object.entries(rendered)) {
      let typed: string | null = null;
      for (const field of el.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(`[data-typed="${CSS.escape(name)}"]`)) {
        field.setAttribute("data-live", "");
        const noted = field.getAttribute("data-typed-value");
        field.removeAttribute("data-typed-value");
        if (noted === null) continue;
        const isChoice = field instanceof HTMLInputElement && (field.type === "radio" || field.type === "checkbox");
        if (!isChoice) typed = noted;
        else if (noted === "on") typed = field.value;
      }
      if (typed !== null && typed !== was) adopt(name, typed);
    }
  }, [root]);
}
