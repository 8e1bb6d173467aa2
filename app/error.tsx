"use client";

/** Friendly boundary for unexpected errors and database outages: never a stack trace. */
export default function ErrorBoundary({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const unavailable = /unavailable|ECONNREFUSED|connect/i.test(error.message);
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center px-4 text-center">
      <h1 className="text-2xl font-semibold">
        {unavailable ? "Reignite is temporarily unavailable" : "Something went wrong"}
      </h1>
      <p className="mt-2 text-sm text-muted">
        {unavailable
          ? "We can't reach the database right now. Nothing you saved is lost; please try again in a moment."
          : "An unexpected error happened on our side. Please try again."}
      </p>
      {error.digest ? <p className="mt-2 text-xs text-muted">Reference: {error.digest}</p> : null}
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-accent px-4 py-2 text-sm font-medium text-accent-ink">
        Try again
      </button>
    </main>
  );
}
