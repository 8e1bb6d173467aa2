/**
 * 1:1 history per manager–report pair: held meetings on the pair's cadence back
 * to `since`, one or two cancelled, exactly one scheduled in the next 14 days,
 * and for each held meeting an agenda, a shared note, sometimes a private note
 * by the manager, action items and a growth check-in.
 */
import type { Ctx, Person } from "./context";
import { ACTIONS, AGENDA, CHECKIN, DISCUSSED, PRIVATE, UPDATES, fill } from "./meeting-text";
import { addDays, isoDate, type When } from "./time";

export type PairSpec = {
  manager: string;
  report: string;
  cadence: number;
  since: When; // history starts here
  lastHeld: number; // days ago
  next: number; // days ahead (< 14)
  topics: string[];
  peers: string[];
  flatSince?: number; // days ago from which the conversations sound rusted out
  extraCancelled?: number[]; // days ago
};

export const PAIRS: PairSpec[] = [
  { manager: "maya", report: "eli", cadence: 14, since: "-24m", lastHeld: 35, next: 3, flatSince: 420, extraCancelled: [21],
    topics: ["CI pipeline", "artifact cache", "build runners", "flaky deploys"], peers: ["Hiro", "Jonah", "Gus"] },
  { manager: "maya", report: "fatima", cadence: 7, since: "-24m", lastHeld: 3, next: 4,
    topics: ["job queue", "schema registry", "streaming ingestion", "on-call onboarding"], peers: ["Nadia", "Ines", "Priya from Data Platform"] },
  { manager: "maya", report: "gus", cadence: 14, since: "-24m", lastHeld: 10, next: 4, flatSince: 240,
    topics: ["certificate rotation", "pager noise", "Terraform modules", "incident reviews"], peers: ["Eli", "Hiro"] },
  { manager: "maya", report: "hiro", cadence: 14, since: "-24m", lastHeld: 2, next: 12,
    topics: ["deploy tooling", "canary releases", "architecture review", "Kubernetes upgrade"], peers: ["Fatima", "Jonah"] },
  { manager: "maya", report: "ines", cadence: 14, since: "-16m", lastHeld: 8, next: 6,
    topics: ["job queue", "OpenTelemetry tracing", "retry policies", "queue dashboards"], peers: ["Fatima", "Mei"] },
  { manager: "maya", report: "jonah", cadence: 14, since: "-24m", lastHeld: 5, next: 9,
    topics: ["test harness", "flaky tests", "contract tests", "release checks"], peers: ["Eli", "Hiro"] },
  { manager: "omar", report: "kira", cadence: 14, since: "-3m", lastHeld: 4, next: 10,
    topics: ["iOS onboarding flow", "SwiftUI", "design system"], peers: ["Nadia", "Leo"] },
  { manager: "omar", report: "leo", cadence: 14, since: "-24m", lastHeld: 11, next: 3,
    topics: ["Android performance", "app startup time", "Kotlin migration", "crash triage"], peers: ["Kira", "Mei"] },
  { manager: "omar", report: "mei", cadence: 14, since: "-24m", lastHeld: 7, next: 7,
    topics: ["offline sync", "in-app checkout", "conflict resolution", "sync telemetry"], peers: ["Nadia", "Ines"] },
  { manager: "omar", report: "nadia", cadence: 14, since: "-24m", lastHeld: 1, next: 13,
    topics: ["mobile architecture", "mobile guild", "release train", "shared networking layer"], peers: ["Fatima", "Leo", "Kira"] },
  { manager: "omar", report: "pablo", cadence: 14, since: "-6m", lastHeld: 9, next: 5,
    topics: ["release checklist", "push notifications", "Android onboarding"], peers: ["Leo", "Mei"] },
  { manager: "dana", report: "maya", cadence: 14, since: "-6m", lastHeld: 5, next: 9,
    topics: ["Platform roadmap", "team health", "hiring for Platform"], peers: ["Omar", "Ada"] },
  { manager: "dana", report: "omar", cadence: 14, since: "-6m", lastHeld: 6, next: 8,
    topics: ["mobile release process", "team health", "hiring for Mobile"], peers: ["Maya", "Ada"] },
  { manager: "dana", report: "ada", cadence: 14, since: "-6m", lastHeld: 12, next: 2,
    topics: ["career ladder", "onboarding", "engagement survey"], peers: ["Maya", "Omar"] },
  { manager: "gina", report: "hank", cadence: 14, since: "-12m", lastHeld: 6, next: 8,
    topics: ["API escalations", "ticket macros", "enterprise onboarding", "support SLAs"], peers: ["Ravi from Sales", "the Billing team"] },
];

const DAY = 86_400_000;

export function buildMeetings(ctx: Ctx): void {
  for (const pair of PAIRS) buildPair(ctx, pair);
}

function buildPair(ctx: Ctx, pair: PairSpec): void {
  const { rng, clock } = ctx;
  const mgr = ctx.person(pair.manager);
  const rep = ctx.person(pair.report);
  const horizon = Math.floor((clock.base.getTime() - clock.at(pair.since).getTime()) / DAY);

  // Days-ago of each past slot, newest first; the newest is the fixed anchor.
  const slots: { ago: number; status: "held" | "cancelled" }[] = [];
  for (let ago = pair.lastHeld, i = 0; ago <= horizon; ago += pair.cadence, i++) {
    const jitter = i === 0 ? 0 : rng.pick([-1, 0, 0, 0, 1]);
    slots.push({ ago: ago + jitter, status: "held" });
  }
  // One or two cancelled in all (counting the pair's fixed ones).
  const cancelCount = slots.length > 6 ? rng.int(1, 2) - (pair.extraCancelled?.length ?? 0) : 0;
  for (let c = 0; c < cancelCount; c++) {
    const slot = slots[rng.int(2, slots.length - 2)];
    if (slot) slot.status = "cancelled";
  }
  for (const ago of pair.extraCancelled ?? []) slots.push({ ago, status: "cancelled" });
  slots.sort((a, b) => b.ago - a.ago); // oldest first

  const milestones = rep.spec.events.map((e) => ({ at: clock.at(e.on).getTime(), text: e.description }));
  const nextAt = clock.days(pair.next);
  let prevAt = clock.at(pair.since).getTime() - pair.cadence * DAY;
  let lastHeldId: string | null = null;
  for (const slot of slots) {
    const at = clock.days(-slot.ago);
    const isLastHeld = slot.ago === pair.lastHeld && slot.status === "held";
    const meetingId = ctx.id();
    const common = { id: meetingId, orgId: mgr.orgId, managerId: mgr.id, reportId: rep.id, scheduledAt: at, createdAt: clock.cap(addDays(at, -pair.cadence)) };
    if (slot.status === "cancelled") {
      const cancelledAt = addDays(at, -1);
      ctx.rows.meetings.push({ ...common, status: "cancelled", cancelledAt, updatedAt: cancelledAt });
      continue;
    }
    const flat = pair.flatSince !== undefined && slot.ago <= pair.flatSince;
    const mood = flat ? "flat" : "good";
    const vars = { topic: rng.pick(pair.topics), first: rep.first, mgr: mgr.first, peer: rng.pick(pair.peers) };
    const milestone = milestones.find((m) => m.at > prevAt && m.at <= at.getTime())?.text;
    prevAt = at.getTime();

    if (isLastHeld) lastHeldId = meetingId;
    const checkin = slot.ago < 365 && (isLastHeld || rng.chance(0.35));
    const c = CHECKIN[mood];
    ctx.rows.meetings.push({
      ...common,
      status: "held",
      heldAt: at,
      updatedAt: at,
      energy: checkin ? (flat ? rng.int(2, 3) - (isLastHeld ? 1 : 0) : rng.int(3, 5)) : null,
      meaningful: checkin ? fill(rng.pick(c.meaningful), vars) : "",
      goingThroughMotions: checkin ? fill(rng.pick(c.motions), vars) : "",
      learnNext: checkin ? fill(rng.pick(c.learnNext), vars) : "",
    });

    // Agenda: 1–3 items, mostly ticked off.
    const agenda = new Set<string>();
    const agendaCount = rng.int(1, 3);
    while (agenda.size < agendaCount) agenda.add(fill(rng.pick(AGENDA), vars));
    [...agenda].forEach((body, position) => {
      ctx.rows.agendaItems.push({
        id: ctx.id(), orgId: mgr.orgId, meetingId, authorId: rng.chance(0.5) ? mgr.id : rep.id, body, position,
        // Only the latest held 1:1 leaves talking points open (they are carried to the next one below);
        // the draw is kept so the rest of the demo data stays as it was.
        done: rng.chance(0.92) || !isLastHeld, createdAt: clock.cap(addDays(at, -rng.int(1, 5))), updatedAt: at,
      });
    });

    // Action items: open ones only come from the latest held meeting.
    const actions: { owner: Person; body: string; open: boolean; dueOn: string }[] = [];
    if (isLastHeld && pair.report === "eli") {
      actions.push({ owner: rep, body: "Write up the on-call tooling proposal and share it with Maya", open: true, dueOn: clock.date(-21) });
      actions.push({ owner: mgr, body: "Ask Dana which teams need help with build infrastructure", open: false, dueOn: clock.date(-28) });
    } else {
      const n = rng.pick([0, 1, 1, 2]);
      for (let k = 0; k < n; k++) {
        const owner = rng.chance(0.6) ? rep : mgr;
        actions.push({
          owner,
          body: fill(rng.pick(ACTIONS), { ...vars, topic: rng.pick(pair.topics) }),
          open: isLastHeld && rng.chance(0.7),
          dueOn: isLastHeld ? isoDate(nextAt) : isoDate(addDays(at, 7)),
        });
      }
    }
    for (const a of actions) {
      ctx.rows.actionItems.push({
        id: ctx.id(), orgId: mgr.orgId, meetingId, ownerId: a.owner.id, body: a.body, dueOn: a.dueOn,
        doneAt: a.open ? null : clock.cap(addDays(at, rng.int(1, 6))), createdBy: rng.chance(0.7) ? mgr.id : rep.id,
        createdAt: at, updatedAt: at,
      });
    }

    // Shared note (markdown).
    const pool = UPDATES[mood];
    const u1 = rng.int(0, pool.length - 1);
    const u2 = (u1 + rng.int(1, pool.length - 1)) % pool.length;
    const updates = [fill(pool[u1] as string, vars), fill(pool[u2] as string, { ...vars, topic: rng.pick(pair.topics) })];
    const lines = [
      ...(milestone ? [`**Milestone:** ${milestone}`, ""] : []),
      "**Updates**",
      ...updates.map((u) => `- ${u}`),
      "",
      "**Discussed**",
      `- ${fill(rng.pick(DISCUSSED[mood]), vars)}`,
      ...(actions.length ? ["", "**Next steps**", ...actions.map((a) => `- [${a.open ? " " : "x"}] ${a.owner.first}: ${a.body}`)] : []),
    ];
    const noteAuthor = rng.chance(0.7) ? mgr : rep;
    ctx.rows.notes.push({
      id: ctx.id(), orgId: mgr.orgId, meetingId, authorId: noteAuthor.id, visibility: "shared", body: lines.join("\n"),
      updatedBy: noteAuthor.id, createdAt: at, updatedAt: clock.cap(new Date(at.getTime() + 3_600_000)),
    });

    // A private note by the manager, on some meetings (always on the latest for Eli and Hank).
    if (rng.chance(0.25) || (isLastHeld && (pair.report === "eli" || pair.report === "hank"))) {
      ctx.rows.notes.push({
        id: ctx.id(), orgId: mgr.orgId, meetingId, authorId: mgr.id, visibility: "private",
        body: fill(rng.pick(PRIVATE[mood]), vars), updatedBy: mgr.id, createdAt: at, updatedAt: at,
      });
    }
  }

  // Exactly one upcoming meeting, with an item already on its agenda.
  const upcomingId = ctx.id();
  ctx.rows.meetings.push({
    id: upcomingId, orgId: mgr.orgId, managerId: mgr.id, reportId: rep.id, scheduledAt: nextAt, status: "scheduled",
    createdAt: clock.days(-pair.lastHeld), updatedAt: clock.days(-pair.lastHeld),
  });
  const firstItem = pair.report === "eli" ? "Catch up: it has been a while since we last talked" : fill(rng.pick(AGENDA), { topic: rng.pick(pair.topics) });
  ctx.rows.agendaItems.push({
    id: ctx.id(), orgId: mgr.orgId, meetingId: upcomingId, authorId: pair.report === "eli" ? mgr.id : rep.id, body: firstItem, position: 0,
    done: false, createdAt: clock.cap(clock.days(-1)), updatedAt: clock.cap(clock.days(-1)),
  });

  // What the latest held 1:1 left open is where the app's carry-over puts it: on the next 1:1,
  // marked as carried from the meeting it was raised in (lib/meetings/carry-over.ts).
  let position = 1;
  for (const a of ctx.rows.agendaItems) {
    if (a.meetingId === lastHeldId && !a.done) Object.assign(a, { meetingId: upcomingId, carriedFromMeetingId: lastHeldId, carriedThrough: [lastHeldId], position: position++ });
  }
  for (const x of ctx.rows.actionItems) {
    if (x.meetingId === lastHeldId && !x.doneAt) Object.assign(x, { meetingId: upcomingId, carriedFromMeetingId: lastHeldId, carriedThrough: [lastHeldId] });
  }
}
