import type { Viewer } from "@/lib/auth/viewer-type";
import type { MeetingAccess } from "./access";

import type { SavedBy } from "@/lib/saved-by";

export type { SavedBy };

/**
 * Only the two participants are ever named: the viewer sees both names on the
 * 1:1 page already. Anyone else (a former manager, a deleted membership, a row
 * saved before saves were attributed) stays unnamed.
 */
export function savedBy(viewer: Viewer, access: MeetingAccess, updatedBy: string | null): SavedBy {
  if (updatedBy === viewer.personId) return { you: true };
  if (updatedBy && updatedBy === access.meeting.managerId) return { you: false, name: access.names.manager || null };
  if (updatedBy && updatedBy === access.meeting.reportId) return { you: false, name: access.names.report || null };
  return { you: false, name: null };
}

/** "You saved the check-in in another tab or window…", "Maya Manager saved this note…", or neither when unknown. */
export function savedMeanwhile(by: SavedBy, what: string): string {
  if (by.you) return `You saved ${what} in another tab or window while you were typing here.`;
  if (by.name) return `${by.name} saved ${what} while you were typing.`;
  return `${what.charAt(0).toUpperCase()}${what.slice(1)} was saved elsewhere while you were typing.`;
}
