"use client";
import { useLayoutEffect } from "react";
import { announce } from "./announce";

/**
 * Focus for a control that a server action replaces with another one (Mark held removes the
 * meeting's controls and shows what happened; Deactivate swaps in Reactivate). The pressed button
 * is gone after the refresh, so focus would fall to the page body. The form asks, on submit, that
 * the element with `id` take focus when it arrives; the arriving component calls
 * useArrivalFocus(id). Only an asked-for arrival moves focus, never an ordinary page load.
 */
let asked: { id: string; at: number; say?: string } | null = null;

/**
 * `say`: what to tell screen readers once it arrives (a skill moved to another column). The component that sent the
 * request is gone by then, with any effect that would have said it.
 */
export function focusOnArrival(id: string, say?: string): void {
  asked = { id, at: Date.now(), say };
}

/** `renewal`: for a component that stays mounted, what changes when its element "arrives" again (e.g. the organization in use). */
export function useArrivalFocus(id: string, renewal?: string): void {
  useLayoutEffect(() => {
    // A request the server never answered (an error, a conflict) expires rather than surprising a later visit.
    if (asked?.id === id && Date.now() - asked.at < 60_000) {
      document.getElementById(id)?.focus();
      if (asked.say) announce(asked.say);
    }
    if (asked?.id === id) asked = null;
  }, [id, renewal]);
}

/**
 * When `gone` leaves the page (a deleted row, removed by the server's refresh) and took focus with
 * it, focus `next` instead. The row's own component is unmounted by then, so it cannot do it: this
 * watches from outside React, for at most 15 s.
 */
export function focusWhenRemoved(gone: Element, next: HTMLElement | null, say?: string): void {
  if (!next) return;
  const started = Date.now();
  const timer = setInterval(() => {
    if (gone.isConnected && Date.now() - started < 15_000) return;
    clearInterval(timer);
    if (gone.isConnected) return;
    if (document.activeElement === document.body || document.activeElement === null) next.focus();
    // Said once it is gone (a refused delete leaves the row, and says why instead).
    if (say) announce(say);
  }, 50);
}
