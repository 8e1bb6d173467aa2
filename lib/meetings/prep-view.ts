/**
 * The prep brief as the page shows it, as plain data for the client
 * component that renders it (components/one-on-ones/prep-brief-view.tsx).
 * Only what the card shows crosses to the browser: one wording of each flag
 * (the person's own, or the manager's), the pulse trend's weeks and scores
 * without the answers, the comments written since the last 1:1, and action items' owners by name.
 */
import type { PrepBrief } from "./prep";
import { recentComments, type PulseComment } from "@/lib/pulse/comments";
import { weekStartOfDay } from "@/lib/pulse/week";
import { formatDate } from "@/lib/radar/format";
import type { CardFlag } from "@/lib/radar/team-card";

export type PrepBriefData = {
  since: string | null;
  flags: CardFlag[];
  goals: PrepBrief["goals"];
  lastCheckIn: PrepBrief["lastCheckIn"];
  /** "Mobile (active, since 2026-09-01)" */
  rotation: string | null;
  wins: PrepBrief["wins"];
  learning: { id: string; title: string; status: string }[];
  /** `trend`: the change since the last 1:1 in words ("rust up 2.0 since the last 1:1: worse"), or that none came since. */
  pulse: { points: { weekStart: string; rust: number }[]; change: number | null; trend: string | null; comments: PulseComment[] } | null;
  /** `dueOn` as stored: the browser judges "overdue" by the viewer's own calendar day. */
  openActions: { id: string; body: string; owner: string; due: string | null; dueOn: string | null }[];
};

/** `viewerId`: an action item the viewer owns reads "you", as the 1:1's own list says, not their own name. */
export function prepBriefData(brief: PrepBrief, forSelf: boolean, names: Record<string, string>, viewerId?: string): PrepBriefData {
  return {
    since: brief.since,
    flags: brief.flags.map((f) => ({ code: f.code, severity: f.severity, reason: forSelf ? f.selfReason : f.reason })),
    goals: brief.goals.map((g) => ({ id: g.id, title: g.title, progress: g.progress, updatesSince: g.updatesSince, status: g.status })),
    lastCheckIn: brief.lastCheckIn,
    // Dates as the rest of the page writes them ("1 Sep 2026"), not as stored.
    rotation: brief.rotation ? `${brief.rotation.host} (${brief.rotation.status}, since ${formatDate(brief.rotation.startOn)})` : null,
    wins: brief.wins.map((w) => ({ id: w.id, title: w.title, occurredOn: formatDate(w.occurredOn) })),
    learning: brief.learning.map((l) => ({ id: l.id, title: l.title, status: l.status.replace("_", " ") })),
    pulse: brief.pulse
      ? {
          points: brief.pulse.points.map((p) => ({ weekStart: p.weekStart, rust: p.rust })),
          change: brief.pulse.change,
          trend: pulseTrend(brief.pulse.points, brief.pulse.change, brief.since),
          // What they added since the last 1:1 (its week included); before a first one, the latest.
          comments: recentComments(brief.pulse.points, 3, brief.since ? weekStartOfDay(brief.since.slice(0, 10)) : undefined),
        }
      : null,
    openActions: brief.openActions.map((a) => ({
      id: a.id,
      body: a.body,
      owner: a.ownerId === viewerId ? "you" : (names[a.ownerId] ?? "someone"),
      due: a.dueOn ? formatDate(a.dueOn) : null,
      dueOn: a.dueOn,
    })),
  };
}

/**
 * The pulse since the last 1:1, in words. A rust score up is worse; an arrow read against the chart (drawn with more
 * rust lower) said "▼ more rust" for a score that went up. None since the last 1:1 is said, not left blank.
 */
function pulseTrend(points: { weekStart: string }[], change: number | null, since: string | null): string | null {
  const latest = points.at(-1);
  if (!latest) return null;
  if (since && latest.weekStart < weekStartOfDay(since.slice(0, 10))) return "no check-in since the last 1:1";
  if (change === null) return null;
  if (change > 0) return `rust up ${change.toFixed(1)} since the last 1:1: worse`;
  if (change < 0) return `rust down ${Math.abs(change).toFixed(1)} since the last 1:1: better`;
  return "unchanged since the last 1:1";
}
