import Link from "next/link";
import { getDb } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer-type";
import { openSignalsForViewer } from "@/lib/stuck/signals";

/** "N people who feel stuck are waiting for your response — respond": only signals addressed to the viewer; nothing when none. */
export async function OpenSignalsBanner({ viewer }: { viewer: Viewer }) {
  const db = await getDb();
  const open = await openSignalsForViewer(db, viewer);
  const people = new Set(open.map((s) => s.personId)).size;
  if (people === 0) return null;
  return (
    <div role="status" className="flex flex-wrap items-center gap-3 rounded-lg border border-ember-300 bg-ember-50 px-4 py-3 text-ember-900 dark:border-ember-700 dark:bg-ember-900/40 dark:text-ember-100">
      {/* The flag inside the sentence's box, so on a phone it does not stand alone on a line above the text. */}
      <p className="flex min-w-0 flex-1 basis-56 items-start gap-2 font-medium">
        <span aria-hidden className="text-lg leading-6">
          ⚑
        </span>
        {/* Not "on your team": an admin also hears from anyone who chose to include HR. */}
        <span>{people === 1 ? "1 person who feels stuck is waiting for your response" : `${people} people who feel stuck are waiting for your response`}</span>
      </p>
      <Link href="/signals" className="ml-auto rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink">
        Respond
      </Link>
    </div>
  );
}
