import type { ReactNode } from "react";

type Tone = "neutral" | "watch" | "risk" | "good" | "info";

/** A pill with text (never colour alone); the tones are component classes in app/globals.css. */
export function Badge({ tone = "neutral", children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span title={title} className={`badge badge-${tone}`}>
      {children}
    </span>
  );
}
