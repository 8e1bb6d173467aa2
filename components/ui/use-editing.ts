"use client";
import { useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from "react";

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

/** What the person can change in a form, as one string (hidden fields left out: a version may change under them). */
function typedIn(form: HTMLFormElement): string {
  const parts: string[] = [];
  for (const el of Array.from(form.elements)) {
    if (el instanceof HTMLInputElement) {
      if (["hidden", "submit", "button", "reset"].includes(el.type)) continue;
      parts.push(el.type === "checkbox" || el.type === "radio" ? `${el.name}:${el.value}:${el.checked}` : `${el.name}:${el.value}`);
    } else if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) parts.push(`${el.name}:${el.value}`);
  }
  return parts.join("\u0000");
}

const pristine = new WeakMap<HTMLFormElement, string>();

/**
 * Handlers for an inline form: Escape closes it, as Cancel does, but asks first when something was typed (Escape
 * is pressed by accident or out of habit, and the typing was lost without a word). What the form held when it
 * first got focus is what counts as untouched; opening an editor focuses its first field (useEditing).
 */
export function escapeCloses(close: () => void) {
  return {
    onFocus: (e: FocusEvent<HTMLFormElement>) => {
      if (!pristine.has(e.currentTarget)) pristine.set(e.currentTarget, typedIn(e.currentTarget));
    },
    onKeyDown: (e: KeyboardEvent<HTMLFormElement>) => {
      if (e.key !== "Escape") return;
      e.preventDefault();
      const form = e.currentTarget;
      const before = pristine.get(form);
      if (before !== undefined && before !== typedIn(form) && !window.confirm("Discard what you typed?")) return;
      close();
    },
  };
}

/** `onKeyDown` for an inline form without fields to lose (a confirmation): Escape closes it, as Cancel does. */
export function closeOnEscape(close: () => void) {
  return escapeCloses(close).onKeyDown;
}
