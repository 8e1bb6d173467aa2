"use client";
import { useLayoutEffect } from "react";

/**
 * Focus for a control that a server action replaces with another one (Mark held removes the
 * meeting's controls and shows what happened; Deactivate swaps in Reactivate). The pressed button
 * is gone after the refresh, so focus would fall to the page body. The form asks, on submit, that
 * the element with `id` take focus when it arrives; the arriving component calls
 * useArrivalFocus(id). Only an asked-for arrival moves focus, never an ordinary page load.
 */
let asked: { id: string; at: number } | null = null;

export function focusOnArrival(id: string): void {
  asked = { id, at: Date.now() };
}

export function useArrivalFocus(id: string): void {
  useLayoutEffect(() => {
    // A request the server never answered (an error, a conflict) expires rather than surprising a later visit.
    if (asked?.id === id && Date.now() - asked.at < 60_000) document.getElementById(id)?.focus();
    if (asked?.id === id) asked = null;
  }, [id]);
}
