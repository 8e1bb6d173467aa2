"use client";
import { useEffect, useState } from "react";

/**
 * Holds back a form sent while the browser is offline. A server action's request then fails in the browser, React
 * hands that to the error boundary, and the whole page became "Reignite is temporarily unavailable" with what was
 * typed gone. Caught before React sees the submit (capture phase on the document, an ancestor of React's root), the
 * form keeps its fields and this says why nothing happened; it clears itself once the browser is back online.
 */
export function OfflineGuard() {
  const [state, setState] = useState<"idle" | "held" | "back">("idle");
  useEffect(() => {
    const onSubmit = (e: SubmitEvent) => {
      if (navigator.onLine) return;
      e.preventDefault();
      e.stopPropagation();
      setState("held");
    };
    const onOnline = () => setState((s) => (s === "held" ? "back" : s));
    document.addEventListener("submit", onSubmit, true);
    window.addEventListener("online", onOnline);
    return () => {
      document.removeEventListener("submit", onSubmit, true);
      window.removeEventListener("online", onOnline);
    };
  }, []);
  return (
    <div role="alert" className="empty:absolute">
      {state !== "idle" ? (
        <div className="fixed inset-x-2 bottom-2 z-50 mx-auto flex max-w-xl items-start gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 shadow-md dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <p className="flex-1">
            {state === "held"
              ? "You're offline, so that was not sent. What you typed is still here: send it again once you're back online."
              : "You're back online: send it again."}
          </p>
          <button type="button" onClick={() => setState("idle")} className="rounded px-2 py-1 font-medium underline">
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  );
}
