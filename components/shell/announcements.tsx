import { ANNOUNCEMENTS_ID } from "@/components/ui/announce";

/**
 * The signed-in shell's polite live region, always in the page and empty until `announce()` fills it: screen readers
 * follow a region that is there before its text changes, and often miss one inserted with its text already in it.
 * Named, so it is told apart from a form's own status message (and by tests, from `getByRole("status")` on a page).
 * React renders it without children, so the text `announce()` sets is never overwritten by a re-render.
 */
export function Announcements() {
  return <div id={ANNOUNCEMENTS_ID} role="status" aria-live="polite" aria-atomic="true" aria-label="Announcements" className="sr-only" />;
}
