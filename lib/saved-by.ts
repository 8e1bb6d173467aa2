/**
 * Who made the save that a stale save ran into: the viewer (another tab or window), someone named, or unknown (a
 * row saved before saves were attributed, a membership since deleted). Sent with a 409 as `savedBy`.
 */
export type SavedBy = { you: true } | { you: false; name: string | null };
