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
  /** "Mobile (active, since 2026-09-01)" */
  rotation: string | null;
  wins: PrepBrief["wins"];
  learning: { id: string; title: string; status: string }[];
  pulse: { points: { weekStart: string; rust: number }[]; change: number | null; comments: PulseComment[] } | null;
  /** `dueOn` as stored: the browser judges "overdue" by the viewer's own calendar day. */
  openActions: { id: string; body: string; owner: string; due: string | null; dueOn: string | null }[];
};

export function prepBriefData(brief: PrepBrief, forSelf: boolean, names: Record<string, string>): PrepBriefData {
  return {
    since: brief.since,
    flags: brief.flags.map((f) => ({ code: f.code, severity: f.severity, reason: forSelf ? f.selfReason : f.reason })),
    goals: brief.goals.map((g) => ({ id: g.id, title: g.title, progress: g.progress, updatesSince: g.updatesSince })),
    rotation: brief.rotation ? `${brief.rotation.host} (${brief.rotation.status}, since ${brief.rotation.startOn})` : null,
    wins: brief.wins.map((w) => ({ id: w.id, title: w.title, occurredOn: w.occurredOn })),
    learning: brief.learning.map((l) => ({ id: l.id, title: l.title, status: l.status.replace("_", " ") })),
    pulse: brief.pulse
      ? {
          points: brief.pulse.points.map((p) => ({ weekStart: p.weekStart, rust: p.rust })),
          change: brief.pulse.change,
          // What they added since the last 1:1 (its week included); before a first one, the latest.
          comments: recentComments(brief.pulse.points, 3, brief.since ? weekStartOfDay(brief.since.slice(0, 10)) : undefined),
        }
      : null,
    openActions: brief.openActions.map((a) => ({
      id: a.id,
      body: a.body,
      owner: names[a.ownerId] ?? "someone",
      due: a.dueOn ? formatDate(a.dueOn) : null,
      dueOn: a.dueOn,
    })),
  };
}

