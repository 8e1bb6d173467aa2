"use client";
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { formHasUnsavedChanges } from "./unsaved-changes";

/**
 * An inline editor opened by a button that hides while it is open. Keyboard
 * and screen-reader users keep their place: opening moves focus to the
 * editor's first field (or, in one without fields such as a confirmation, to
 * its `data-autofocus` element), closing (Cancel or a save) back to the button.
 */
export function useEditing() {
  const [editing, setEditing] = useState(false);
  const [moveFocus, setMoveFocus] = useState<"editor" | "button" | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const editor = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (moveFocus === "editor") editor.current?.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea, [data-autofocus]")?.focus();
    else if (moveFocus === "button") button.current?.focus();
  }, [editing, moveFocus]);
  return {
    editing,
    open: () => {
      setEditing(true);
      setMoveFocus("editor");
    },
    close: () => {
      setEditing(false);
      setMoveFocus("button");
    },
    button,
    editor,
  };
}

/**
 * `onKeyDown` for an inline form: Escape closes it, as Cancel does, but asks first when something was typed (Escape
 * is pressed by accident or out of habit, and the typing was lost without a word). "Typed" is what the leave guard
 * asks about too (formHasUnsavedChanges): a field changed from what the editor opened with.
 */
export function escapeCloses(close: () => void) {
  return {
    onKeyDown: (e: KeyboardEvent<HTMLFormElement>) => {
      if (e.key !== "Escape") return;
      e.preventDefault();
      if (formHasUnsavedChanges(e.currentTarget) && !window.confirm("Discard what you typed?")) return;
      close();
    },
  };
}

/** `onKeyDown` for an inline form without fields to lose (a confirmation): Escape closes it, as Cancel does. */
export function closeOnEscape(close: () => void) {
  return escapeCloses(close).onKeyDown;
}
