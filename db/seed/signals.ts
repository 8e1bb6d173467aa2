/**
 * Weekly pulse check-ins for the last ~12 weeks and "I feel stuck" signals.
 * Eli's last four pulses get worse each week; everyone else's latest pulse is
 * never lower than the one before, so only Eli trends down.
 */
import type { Ctx } from "./context";
import { currentTitleTeam } from "./people";
import { addDays, isoDate, mondayOf } from "./time";

type Answers = [number, number, number, number, number]; // motivation, skillsUsed, variety, purpose, initiative

const WEEKS = 12;

/** Typical level (1..5, 5 healthy) and how often they answer. */
const LEVELS: Record<string, { level: number; rate: number }> = {
  fatima: { level: 4.3, rate: 0.9 },
  gus: { level: 3.4, rate: 0.85 },
  hiro: { level: 4.2, rate: 0.85 },
  ines: { level: 3.9, rate: 0.8 },
  jonah: { level: 4.0, rate: 0.85 },
  kira: { level: 4.1, rate: 0.9 },
  leo: { level: 3.7, rate: 0.8 },
  mei: { level: 4.0, rate: 0.85 },
  nadia: { level: 4.4, rate: 0.75 },
  pablo: { level: 4.2, rate: 0.9 },
  maya: { level: 3.9, rate: 0.5 },
  omar: { level: 3.8, rate: 0.5 },
  ada: { level: 4.0, rate: 0.5 },
  hank: { level: 3.9, rate: 0.85 },
};

/** Eli, newest first: averages 2.0, 2.6, 3.2, 3.8, then a steady 4.0 before that. */
const ELI_RECENT: { answers: Answers; comment: string }[] = [
  { answers: [2, 3, 1, 2, 2], comment: "Same tickets as last quarter. Not sure what I'm building towards." },
  { answers: [3, 3, 2, 3, 2], comment: "Quiet week. Mostly pipeline fixes." },
  { answers: [3, 4, 3, 3, 3], comment: "" },
  { answers: [4, 4, 3, 4, 4], comment: "" },
  { answers: [4, 4, 4, 4, 4], comment: "" },
];

const COMMENTS = [
  "Good week, shipped something I'm proud of.",
  "Busy but fine.",
  "On-call was rough.",
  "Loved the design session on Tuesday.",
  "A bit tired, looking forward to time off.",
];

const sum = (a: Answers) => a.reduce((x, y) => x + y, 0);

export function buildSignals(ctx: Ctx): void {
  const { clock, rng } = ctx;
  const weekStart = (k: number) => mondayOf(addDays(clock.base, -7 * k));
  const createdAt = (ws: string) => clock.cap(new Date(Date.parse(`${ws}T00:00:00Z`) + (2 * 24 + 14) * 3_600_000));

  // The team on the day of answering, as submitPulse records it: the role events up to that day, replayed.
  const teamOn = (key: string, day: string) => {
    const { spec } = ctx.person(key);
    return currentTitleTeam({ ...spec, events: spec.events.filter((e) => clock.date(e.on) <= day) }).team;
  };

  const push = (key: string, k: number, answers: Answers, comment: string) => {
    const p = ctx.person(key);
    const ws = weekStart(k);
    const at = createdAt(ws);
    const [motivation, skillsUsed, variety, purpose, initiative] = answers;
    ctx.rows.pulseCheckins.push({
      id: ctx.id(), orgId: p.orgId, personId: p.id, weekStart: ws, team: teamOn(key, isoDate(at)),
      motivation, skillsUsed, variety, purpose, initiative, comment, createdAt: at,
    });
  };

  // Eli: every week for the last five, then most weeks before that.
  for (let k = WEEKS - 1; k >= 0; k--) {
    const fixed = ELI_RECENT[k];
    if (fixed) push("eli", k, fixed.answers, fixed.comment);
    else if (k !== 7) push("eli", k, [4, rng.pick([4, 5]), rng.pick([3, 4]), 4, rng.pick([4, 5])], "");
  }

  for (const [key, { level, rate }] of Object.entries(LEVELS)) {
    const answer = () => Math.min(5, Math.max(1, Math.round(level + (rng.next() - 0.5) * 1.8)));
    const series: { k: number; answers: Answers; comment: string }[] = [];
    for (let k = WEEKS - 1; k >= 0; k--) {
      if (!rng.chance(rate)) continue;
      series.push({ k, answers: [answer(), answer(), answer(), answer(), answer()], comment: rng.chance(0.15) ? rng.pick(COMMENTS) : "" });
    }
    // Oldest first; keep the latest at least as good as the one before it.
    const last = series.at(-1);
    const prev = series.at(-2);
    if (last && prev && sum(last.answers) < sum(prev.answers)) [last.answers, prev.answers] = [prev.answers, last.answers];
    for (const s of series) push(key, s.k, s.answers, s.comment);
  }

  // Gus asked for help 8 days ago and has not heard back (the org's window is 7 days).
  const gus = ctx.person("gus");
  ctx.rows.stuckSignals.push({
    id: ctx.id(), orgId: gus.orgId, personId: gus.id,
    message: "I've spent most of this year on toil and pager follow-ups. I'd like to get back to design work, but every sprint fills up with interrupts and I don't see a path out. Can we talk about it?",
    includeSkipLevel: false, includeHr: false, status: "open", createdAt: clock.days(-8),
  });

  // Leo raised one ten months ago; Omar acknowledged it two days later.
  const leo = ctx.person("leo");
  const omar = ctx.person("omar");
  const raised = clock.at("-10m");
  ctx.rows.stuckSignals.push({
    id: ctx.id(), orgId: leo.orgId, personId: leo.id,
    message: "Feels like I've been doing the same performance work for three years. I'd like to teach more, maybe speak at a conference.",
    includeSkipLevel: true, includeHr: false, status: "acknowledged", acknowledgedAt: addDays(raised, 2), acknowledgedBy: omar.id,
    nextStep: "Mentor Kira through her first iOS release; Dana to help with a conference talk proposal.", createdAt: raised,
  });
}
