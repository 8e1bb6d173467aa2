import Link from "next/link";

/**
 * What a missing page says, signed in or not. A record the viewer may not see reads the same as one that does not
 * exist (ACCESS.md, principle 7), so the words never say which.
 */
export function NotFoundMessage({ home = "/" }: { home?: string }) {
  return (
    <div className="mx-auto flex min-h-[50dvh] max-w-md flex-col items-center justify-center text-center">
      <p className="text-sm font-semibold text-accent-text">404</p>
      <h1 className="mt-2 text-2xl font-semibold">We couldn&apos;t find that page</h1>
      <p className="mt-2 text-sm text-muted">It may have moved, or you may not have access to it.</p>
      <Link href={home} className="mt-6 rounded-md bg-accent px-4 py-2 text-sm font-medium text-accent-ink">
        Go to your home page
      </Link>
    </div>
  );
}
