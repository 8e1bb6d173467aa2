"use client";
import { useLayoutEffect, useRef, useState } from "react";

/**
 * An inline editor opened by a button that hides while it is open. Keyboard
 * and screen-reader users keep their place: opening moves focus to the
 * editor's first field, closing (Cancel or a save) back to the button.
 */
export function useEditing() {
  const [editing, setEditing] = useState(false);
  const [moveFocus, setMoveFocus] = useState<"editor" | "button" | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const editor = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (moveFocus === "editor") editor.current?.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea")?.focus();
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
