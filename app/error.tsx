"use client";

import { useEffect, useState } from "react";

/**
 * Friendly boundary for unexpected errors and database outages: never a stack
 * trace. In production the error's message is hidden from the browser, so the
 * boundary asks /api/health whether the database is reachable to tell an
 * outage ("temporarily unavailable") from a bug.
 */
export default function ErrorBoundary({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [down, setDown] = useState<boolean | null>(/unavailable|ECONNREFUSED/i.test(error.message) ? true : null);
  // The browser itself is offline (a request that failed on the way out): not the database, and not a bug.
  const [offline] = useState(() => typeof navigator !== "undefined" && !navigator.onLine);
  useEffect(() => {
    let live = true;
    if (offline) return;
    fetch("/api/health", { cache: "no-store" })
      .then((r) => live && setDown(r.status === 503))
      .catch(() => live && setDown(true));
    return () => {
      live = false;
    };
  }, [error, offline]);
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center px-4 text-center">
      <h1 className="text-2xl font-semibold">
        {offline ? "You're offline" : down ? "Reignite is temporarily unavailable" : down === null ? "This page could not be shown" : "Something went wrong"}
      </h1>
      <p className="mt-2 text-sm text-muted">
        {offline
          ? "This device lost its connection, so the last change may not have been sent. Try again once you're back online."
          : down
          ? "We can't reach the database right now. Nothing you saved is lost; please try again in a moment."
          : down === null
            ? "Checking what happened…"
            : "An unexpected error happened on our side. Please try again."}
      </p>
      {error.digest ? <p className="mt-2 text-xs text-muted">Reference: {error.digest}</p> : null}
      <button
        type="button"
        onClick={() => {
          reset();
          window.location.reload();
        }}
        className="mt-6 rounded-md bg-accent px-4 py-2 text-sm font-medium text-accent-ink"
      >
        Try again
      </button>
    </main>
  );
}
