/**
 * The rust-out radar's rules: pure functions from a person's facts to flags
 * with a severity and a human sentence, and the one rule that turns flags
 * into a risk level. No database, no Next.js: unit-tested on dates.
 */
import type { FlagCode } from "@/lib/policy/rules";
import { calendarDaysBetween, daysBetween, monthsBetween } from "./months";

export type Severity = "notice" | "warning";
export type Flag = {
  code: FlagCode;
  severity: Severity;
  /** For managers, skip-levels and admins: "Same role for 27 months (threshold 24)". */
  reason: string;
  /** For the person themselves: "Your role hasn't changed in 27 months — bring it up in your next 1:1." */
  selfReason: string;
};
export type RiskLevel = "none" | "watch" | "at_risk";

export type RadarSettings = {
  roleNoticeMonths: number;
  roleWarningMonths: number;
  defaultCadenceDays: number;
  pulseAlertScore: number; // rust score 1..5 (higher = more rust): the latest at or above this flags
  learningGapMonths: number;
  stuckAckDays: number;
};

export const DEFAULT_SETTINGS: RadarSettings = {
  roleNoticeMonths: 15,
  roleWarningMonths: 24,
  defaultCadenceDays: 14,
  pulseAlertScore: 4,
  learningGapMonths: 6,
  stuckAckDays: 7,
};

/** The facts one set-based query gathers per person (see query.ts). */
export type PersonFacts = {
  roleSince: string; // 'YYYY-MM-DD': latest role-changing event, or when they joined
  /**
   * False when no role event dates the role, so roleSince is only when they were added to Reignite (an invitation
   * or a CSV row without a start date): shown as such, not as a fact about the role. Absent means recorded.
   */
  roleStartRecorded?: boolean;
  activeGoals: number;
  activeRotation: string | null; // host team/project
  hasManager: boolean;
  lastOneOnOne: Date | null; // last held 1:1 with the current manager
  cadenceDays: number | null; // the pair's cadence; null = org default
  pulseRust: number[]; // rust scores of the latest check-ins, newest first (at most 3)
  oldestOpenStuck: Date | null; // oldest stuck signal still open
  lastLearning: Date | null;
  unusedSkills: string[];
  /**
   * When the person was added to Reignite (their membership). Absences — no
   * stretch goal, no 1:1 held, no learning recorded — count from then: on the
   * day a team is imported or someone joins, nothing has been recorded yet,
   * and flagging that made every newcomer "At risk" on day one. Absent: counted
   * as long known (tests and callers that predate it).
   */
  addedAt?: Date | null;
  /**
   * When the person's current reporting line began (their manager last changed; else when they were added). A 1:1
   * is due a cadence and a half after it, as after a newcomer's arrival: reassigned this morning, nobody is
   * "overdue", and a manager put back after a misclick is not "overdue" for a 1:1 held last week. Absent: addedAt.
   */
  managerSince?: Date | null;
};

/** A newcomer's first days: no stretch goal or rotation is expected of them yet. */
export const NEWCOMER_STRETCH_DAYS = 90;

const fmt1 = (n: number) => n.toFixed(1);

export function monthsInRole(f: Pick<PersonFacts, "roleSince">, now: Date): number {
  return monthsBetween(f.roleSince, now);
}

/** `months`: the time in role when the caller has it already (monthsInRole(f, now)). */
/**
 * `skillNames: false` for a viewer who may read flags but not skills (an admin): the skills flag then counts them
 * without naming any, so the flag does not show what the access table keeps from that viewer.
 */
export function computeFlags(
  f: PersonFacts,
  s: RadarSettings,
  now: Date,
  months = monthsInRole(f, now),
  opts: { skillNames?: boolean } = {},
): Flag[] {
  const flags: Flag[] = [];
  const addedDays = f.addedAt ? daysBetween(f.addedAt, now) : Infinity;

  if (months >= s.roleNoticeMonths || months >= s.roleWarningMonths) {
    const warning = months >= s.roleWarningMonths;
    flags.push({
      code: "role_stale",
      severity: warning ? "warning" : "notice",
      reason: warning
        ? `Same role for ${months} months (threshold ${s.roleWarningMonths})`
        : `Same role for ${months} months (notice at ${s.roleNoticeMonths}, threshold ${s.roleWarningMonths})`,
      // Someone with no manager (the top of the tree, an admin) has no "next 1:1" to bring it to.
      selfReason: f.hasManager
        ? `Your role hasn't changed in ${months} months — bring it up in your next 1:1.`
        : `Your role hasn't changed in ${months} months — worth a conversation about what comes next.`,
    });
  }

  if (f.activeGoals === 0 && !f.activeRotation && addedDays >= NEWCOMER_STRETCH_DAYS) {
    flags.push({
      code: "no_stretch",
      severity: "notice",
      reason: "No active stretch goal or rotation",
      selfReason: "You have no active stretch goal or rotation — what would stretch you next quarter?",
    });
  }

  if (f.hasManager) {
    const cadence = f.cadenceDays ?? s.defaultCadenceDays;
    const limit = cadence * 1.5;
    // A line that began recently is not overdue before a first 1:1 in it could be: the same limit as between two 1:1s.
    const lineStart = f.managerSince ?? f.addedAt;
    const lineDays = lineStart ? daysBetween(lineStart, now) : Infinity;
    if (!f.lastOneOnOne) {
      if (lineDays > limit) {
        flags.push({
          code: "one_on_one_overdue",
          severity: "notice",
          reason: "No 1:1 held yet with the current manager",
          selfReason: "You haven't had a 1:1 with your manager yet — ask for one.",
        });
      }
    } else {
      const days = daysBetween(f.lastOneOnOne, now);
      if (days > limit && lineDays > limit) {
        // Said in calendar days, as the card's "Last 1:1: 28 Oct (36 days ago)" under it: whole days read one less
        // from midnight until the hour of that 1:1.
        const ago = calendarDaysBetween(f.lastOneOnOne, now);
        flags.push({
          code: "one_on_one_overdue",
          severity: Math.min(days, lineDays) > cadence * 3 ? "warning" : "notice",
          reason: `Last 1:1 was ${ago} days ago (cadence every ${cadence} days)`,
          selfReason: `Your last 1:1 was ${ago} days ago — it's time for the next one.`,
        });
      }
    }
  }

  const [latest, prev, prev2] = f.pulseRust;
  if (latest !== undefined) {
    const worsening = prev !== undefined && prev2 !== undefined && latest > prev && prev > prev2;
    const high = latest >= s.pulseAlertScore;
    if (worsening || high) {
      const trend = worsening ? `worse in each of the last 3 check-ins (${fmt1(prev2!)} → ${fmt1(prev!)} → ${fmt1(latest)})` : "";
      const level = high ? `latest ${fmt1(latest)} of 5, alert at ${s.pulseAlertScore}` : "";
      flags.push({
        code: "pulse_worsening",
        severity: high ? "warning" : "notice",
        reason: `Rust-out pulse ${[trend, level].filter(Boolean).join("; ")}`,
        selfReason: "Your pulse check-ins show rust setting in — your manager sees this too; talk about what would help.",
      });
    }
  }

  if (f.oldestOpenStuck) {
    const days = daysBetween(f.oldestOpenStuck, now);
    if (days >= s.stuckAckDays) {
      flags.push({
        code: "stuck_unacknowledged",
        severity: "warning",
        reason: `“I feel stuck” raised ${days} days ago, not yet acknowledged`,
        selfReason: `Your “I feel stuck” signal from ${days} days ago hasn't been acknowledged yet.`,
      });
    }
  }

  const learningMonths = f.lastLearning ? monthsBetween(f.lastLearning, now) : null;
  // Nothing recorded yet counts as a gap once they have been here as long as the gap itself.
  const knownMonths = f.addedAt ? monthsBetween(f.addedAt, now) : Infinity;
  if (learningMonths === null ? knownMonths >= s.learningGapMonths : learningMonths >= s.learningGapMonths) {
    flags.push({
      code: "learning_gap",
      severity: "notice",
      reason: learningMonths === null ? "No learning activity recorded" : `No learning activity in ${learningMonths} months`,
      // Not "recorded": someone whose learning is all planned has recorded some, and it counts as none (radar_facts).
      selfReason:
        learningMonths === null
          ? "You haven't started any learning yet — pick a course, book or talk."
          : `No learning activity in ${learningMonths} months — what would you like to learn next?`,
    });
  }

  if (f.unusedSkills.length > 0) {
    const n = f.unusedSkills.length;
    const one = n === 1;
    // Neither sentence names them when the viewer may not (the self sentence is never shown to such a viewer, and a
    // flag's object may still be serialized whole).
    const list = opts.skillNames === false ? "" : f.unusedSkills.slice(0, 3).join(", ") + (n > 3 ? ", …" : "");
    flags.push({
      code: "skills_unused",
      severity: "notice",
      reason: `${n} skill${one ? "" : "s"} unused in current role${list && `: ${list}`}`,
      selfReason: `You have ${n} skill${one ? "" : "s"} you don't use in your role${list && ` (${list})`} — could a project use ${one ? "it" : "them"}?`,
    });
  }
  return flags;
}

/**
 * The one rule from flags to risk, shown in the UI as it is written here:
 * at risk = role unchanged past the warning threshold plus any other flag,
 * or two or more warnings, or three or more flags; watch = any flag.
 * Always applied to the flags the viewer may see, so risk never reveals a hidden flag.
 */
export function riskLevel(flags: Flag[]): RiskLevel {
  if (flags.length === 0) return "none";
  const warnings = flags.filter((f) => f.severity === "warning").length;
  const staleWarning = flags.some((f) => f.code === "role_stale" && f.severity === "warning");
  if ((staleWarning && flags.length >= 2) || warnings >= 2 || flags.length >= 3) return "at_risk";
  return "watch";
}

export const RISK_RULE_TEXT =
  "At risk: same role past the threshold plus any other flag, or two or more warnings, or three or more flags. Watch: any flag.";

export const RISK_ORDER: Record<RiskLevel, number> = { at_risk: 2, watch: 1, none: 0 };

export function explainRisk(level: RiskLevel, flags: Flag[]): string {
  if (level === "none") return "No flags right now.";
  const warnings = flags.filter((f) => f.severity === "warning").length;
  const stale = flags.find((f) => f.code === "role_stale" && f.severity === "warning");
  if (level === "at_risk") {
    if (stale && flags.length >= 2) return `At risk: ${stale.reason.toLowerCase()}, plus ${flags.length - 1} other flag${flags.length > 2 ? "s" : ""}.`;
    if (warnings >= 2) return `At risk: ${warnings} warnings.`;
    return `At risk: ${flags.length} flags.`;
  }
  return `Watch: ${flags.length} flag${flags.length > 1 ? "s" : ""}.`;
}
