"use client";
import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { meetingFingerprint, type FingerprintSource } from "@/lib/meetings/fingerprint";

/** As often as the note editor looks for the other person's note (note-editor.tsx). */
const EVERY_MS = 10_000;

/**
 * A 1:1 both people have open at once: the talking points, action items, check-in and status the other one changes
 * show up here within seconds, as the shared note does. Without it Eli's new point reached Maya's page only when
 * she reloaded or saved something, and a tick on a point she had meanwhile reworded was refused.
 *
 * It asks the API for the 1:1 (recording nothing) and refreshes the page only when its fingerprint differs from the
 * one this render was made from: one's own saves re-render the page anyway, and each render of a manager's page
 * records a look at the pulse (the prep brief), which refreshing every few seconds would have repeated in the audit
 * log. A refresh keeps every client state: what is typed stays, and edits keep the version they started from (a
 * rewording saved meanwhile is still a 409). Not while the tab is hidden or offline.
 */
export function LiveRefresh({ meetingId, fingerprint }: { meetingId: string; fingerprint: string }) {
  const router = useRouter();
  const rendered = useRef(fingerprint);
  useEffect(() => {
    rendered.current = fingerprint;
  }, [fingerprint]);
  useEffect(() => {
    const t = setInterval(async () => {
      if (document.hidden || !navigator.onLine) return;
      try {
        const res = await fetch(`/api/v1/meetings/${meetingId}`, { cache: "no-store" });
        if (!res.ok) return;
        const now = meetingFingerprint((await res.json()) as FingerprintSource);
        if (now !== rendered.current) {
          // Once per change: the render this refresh brings carries the same fingerprint.
          rendered.current = now;
          router.refresh();
        }
      } catch {
        /* offline or a failed look: try again on the next tick */
      }
    }, EVERY_MS);
    return () => clearInterval(t);
  }, [meetingId, router]);
  return null;
}
