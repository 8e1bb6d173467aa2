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

/** `renewal`: for a component that stays mounted, what changes when its element "arrives" again (e.g. the organization in use). */
export function useArrivalFocus(id: string, renewal?: string): void {
  useLayoutEffect(() => {
    // A request the server never answered (an error, a conflict) expires rather than surprising a later visit.
    if (asked?.id === id && Date.now() - asked.at < 60_000) document.getElementById(id)?.focus();
    if (asked?.id === id) asked = null;
  }, [id, renewal]);
}

/**
 * When `gone` leaves the page (a deleted row, removed by the server's refresh) and took focus with
 * it, focus `next` instead. The row's own component is unmounted by then, so it cannot do it: this
 * watches from outside React, for at most 15 s.
 */
export function focusWhenRemoved(gone: Element, next: HTMLElement | null): void {
  if (!next) return;
  const started = Date.now();
  const timer = setInterval(() => {
    if (gone.isConnected && Date.now() - started < 15_000) return;
    clearInterval(timer);
    if (!gone.isConnected && (document.activeElement === document.body || document.activeElement === null)) next.focus();
  }, 50);
}
