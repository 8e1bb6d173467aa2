import type { PulsePoint } from "./checkins";

export type PulseComment = { weekStart: string; comment: string };

/**
 * What someone wrote under "Anything to add?" in their latest check-ins, newest first. The answer to the form's
 * promise that their manager sees their answers: the comments were stored and shown to nobody. `since`: only weeks
 * from then on (the 1:1's brief: what is new since the last one); `until`: none of a later week (a held 1:1's brief
 * showed what was written after it).
 */
export function recentComments(points: readonly PulsePoint[], max = 3, since?: string, until?: string): PulseComment[] {
  const out: PulseComment[] = [];
  for (let i = points.length - 1; i >= 0 && out.length < max; i--) {
    const p = points[i]!;
    if (until && p.weekStart > until) continue;
    if (since && p.weekStart < since) break;
    const comment = p.comment.trim();
    if (comment) out.push({ weekStart: p.weekStart, comment });
  }
  return out;
}
