/**
 * What a manager's /team card shows of one person, as plain data: the card is
 * a client component, so the server sends this instead of the rendered
 * markup (each server-rendered element travels twice — as HTML and again in
 * the RSC payload; a client component's markup travels once, its data once).
 * Everything that depends on the clock is decided here, on the server, so the
 * browser renders exactly what the server did.
 */
import { formatDate, relativeDays } from "./format";
import { formatMonths } from "./months";
import { explainRisk, type Flag, type RiskLevel } from "./rules";

export type TeamCardPerson = {
  id: string;
  name: string;
  title: string | null;
  team: string | null;
  roleSince: string;
  roleStartRecorded: boolean;
  monthsInRole: number;
  risk: RiskLevel;
  flags: Flag[];
  lastOneOnOne: Date | null;
  nextOneOnOne: Date | null;
  activeGoalTitles: string[];
  activeRotation: string | null;
};

/** A flag as a manager sees it: no self-addressed sentence. */
export type CardFlag = Pick<Flag, "code" | "severity" | "reason">;

/** What a card and a subtree row both say of a person. */
type PersonHeadline = {
  id: string;
  name: string;
  /** "Staff Engineer · Payments"; in a subtree row, "· reports to Maya Patel" below the director's own reports. */
  subtitle: string;
  timeInRole: string;
  roleSince: string;
  /** Null when recorded; else what the time in role really counts from (no role event dates the role). */
  roleStartNote: string | null;
  risk: RiskLevel;
};

export type TeamCard = PersonHeadline & {
  /** Null when there are no flags. */
  why: string | null;
  flags: CardFlag[];
  /** As the server words it (UTC); with the instant, which the browser words on its own calendar (LocalDay). */
  lastOneOnOne: string;
  lastOneOnOneAt: string | null;
  nextOneOnOne: string;
  nextOneOnOneAt: string | null;
  goals: string;
  rotation: string;
};

export function teamCard(p: TeamCardPerson, now = new Date()): TeamCard {
  const title = p.title || "No title";
  return {
    id: p.id,
    name: p.name,
    subtitle: p.team ? `${title} · ${p.team}` : title,
    timeInRole: formatMonths(p.monthsInRole),
    roleSince: formatDate(p.roleSince),
    roleStartNote: roleStartNote(p),
    risk: p.risk,
    why: p.risk !== "none" ? explainRisk(p.risk, p.flags) : null,
    flags: p.flags.map((f) => ({ code: f.code, severity: f.severity, reason: f.reason })),
    lastOneOnOne: p.lastOneOnOne ? `${formatDate(p.lastOneOnOne)} (${relativeDays(p.lastOneOnOne, now)})` : "none yet",
    lastOneOnOneAt: p.lastOneOnOne?.toISOString() ?? null,
    nextOneOnOne: p.nextOneOnOne ? `${formatDate(p.nextOneOnOne)} (${relativeDays(p.nextOneOnOne, now)})` : "not scheduled",
    nextOneOnOneAt: p.nextOneOnOne?.toISOString() ?? null,
    goals: p.activeGoalTitles.length ? p.activeGoalTitles.join("; ") : "none active",
    rotation: p.activeRotation ?? "none",
  };
}

export type SubtreeRowPerson = Pick<TeamCardPerson, "id" | "name" | "title" | "team" | "roleSince" | "roleStartRecorded" | "monthsInRole" | "risk" | "flags" | "lastOneOnOne"> & {
  depth: number;
  managerName: string | null;
};

/** One row of a director's subtree table (components/radar/subtree-table.tsx). */
export type SubtreeRow = PersonHeadline & {
  /** Every flag's sentence, or "No flags". */
  why: string;
  lastOneOnOne: string;
  lastOneOnOneAt: string | null;
};

export function subtreeRow(p: SubtreeRowPerson, now = new Date()): SubtreeRow {
  return {
    id: p.id,
    name: p.name,
    subtitle: [p.title || "No title", p.team, p.depth > 1 && p.managerName ? `reports to ${p.managerName}` : ""].filter(Boolean).join(" · "),
    timeInRole: formatMonths(p.monthsInRole),
    roleSince: formatDate(p.roleSince),
    roleStartNote: roleStartNote(p),
    risk: p.risk,
    why: p.flags.length ? p.flags.map((f) => f.reason).join("; ") : "No flags",
    lastOneOnOne: p.lastOneOnOne ? relativeDays(p.lastOneOnOne, now) : "none yet",
    lastOneOnOneAt: p.lastOneOnOne?.toISOString() ?? null,
  };
}

/**
 * Said where the time in role is shown, when no role event dates the role: the months then count from when the person
 * was added to Reignite (an invitation, a CSV row without a start date), and "< 1 mo in role" read as a fact.
 */
export function roleStartNote(p: { roleStartRecorded: boolean; roleSince: string }): string | null {
  return p.roleStartRecorded ? null : `Role start not recorded: counted from when they were added, ${formatDate(p.roleSince)}.`;
}
