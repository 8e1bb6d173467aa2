"use client";

import type { ReactNode } from "react";
import { useArrivalFocus } from "./use-arrival-focus";

/**
 * Where focus goes when a server action replaces the control that was pressed with something else (see
 * focusOnArrival): the element takes focus only when a form asked for it, never on an ordinary page load.
 */
export function ArrivalTarget({ id, as: Tag = "div", className, children }: { id: string; as?: "div" | "h2" | "p"; className?: string; children: ReactNode }) {
  useArrivalFocus(id);
  return (
    <Tag id={id} tabIndex={-1} className={className}>
      {children}
    </Tag>
  );
}
