"use client";
import { useLayoutEffect, useRef } from "react";

/**
 * Keeps keyboard focus in a list that a server action re-renders. A move makes React move one of
 * the swapped rows' DOM nodes, and a delete removes the focused row; either drops focus to the page.
 * Call `focusAfter(id)` when a button is pressed, with the element that should hold focus once
 * `data` changes (the pressed button, or a neighbour of a deleted row). The layout effect runs
 * before the browser paints, so no key press can land on the page body in between.
 */
export function useFocusAfterChange(data: unknown) {
  const next = useRef<string | null>(null);
  useLayoutEffect(() => {
    const id = next.current;
    next.current = null;
    if (id && document.activeElement?.id !== id) document.getElementById(id)?.focus();
  }, [data]);
  return (id: string) => {
    next.current = id;
  };
}
