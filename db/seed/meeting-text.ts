/**
 * Phrase pools for demo 1:1 content. `{topic}`, `{first}`, `{mgr}` and `{peer}`
 * are filled per meeting. "flat" pools are used for someone who is rusting out.
 */
export const AGENDA = [
  "{topic}: status and blockers",
  "Feedback on the {topic} review",
  "Career conversation",
  "On-call load",
  "Time off plans",
  "Goals check-in",
  "Anything blocking you?",
  "Learning budget for next quarter",
  "Team process: are standups still useful?",
  "Hiring loop feedback",
];

export const UPDATES = {
  good: [
    "Shipped the {topic} change behind a flag; no incidents so far.",
    "{topic}: design review went well, two open questions left.",
    "Paired with {peer} on {topic} and got unblocked in a day.",
    "Quiet on-call week; used the time to clean up {topic} alerts.",
    "Demoed {topic} at the team sync, good questions from Product.",
    "Wrote the first draft of the {topic} RFC.",
  ],
  flat: [
    "Mostly bug fixes on {topic} again this sprint.",
    "Picked up the usual {topic} maintenance tickets.",
    "Another round of toil on {topic}; nothing new to report.",
    "Covered on-call for {peer}; the {topic} pages were noisy.",
  ],
};

export const DISCUSSED = {
  good: [
    "Career: what the next level looks like and which project would show it.",
    "Feedback: the {topic} write-up was clear, worth sharing more widely.",
    "Workload feels right; would like a bit more design work next quarter.",
    "Time off in a few weeks; agreed a {topic} handover plan.",
    "Interested in mentoring the next new hire.",
    "{mgr} shared context from planning: {topic} stays a priority.",
  ],
  flat: [
    "Said the work feels repetitive; hasn't been stretched in a while.",
    "Not sure what the next step is career-wise; agreed to come back to it.",
    "Energy is low. Wants something new but doesn't know what yet.",
    "Asked about moving off {topic}; parked until planning.",
  ],
};

export const ACTIONS = [
  "Write a one-pager on {topic}",
  "Book a session with {peer} about {topic}",
  "Share the {topic} dashboard with the team",
  "Draft goals for next quarter",
  "Review the {topic} runbook",
  "Set up a skip-level chat",
  "Find a course on {topic}",
  "Send feedback on the {topic} RFC",
];

export const PRIVATE = {
  good: [
    "{first} is ready for more scope. Consider them for the {topic} lead next quarter.",
    "Mention {first}'s {topic} work in calibration.",
    "Watch workload: {first} picked up a lot of {topic} interrupts.",
    "{first} asked about the promotion timeline; be concrete next time.",
  ],
  flat: [
    "{first} seemed flat again. Same work for a long time; find a stretch before it turns into attrition.",
    "Didn't get to career stuff again. Make it the first item next time.",
    "{first} hinted at looking around. Talk to Dana about options.",
  ],
};

export const CHECKIN = {
  good: {
    meaningful: [
      "Seeing {topic} land for real users.",
      "Helping {peer} get up to speed.",
      "The design discussion on {topic}: felt like real engineering.",
    ],
    motions: ["Status reporting.", "The weekly release checklist.", "Not much, honestly."],
    learnNext: ["How capacity planning works.", "Writing better RFCs.", "More about {topic} internals.", "Giving talks."],
  },
  flat: {
    meaningful: ["Hard to say this week.", "Helping {peer} debug something, I guess."],
    motions: ["Most of the {topic} tickets.", "Pretty much everything this sprint.", "The same maintenance work as last quarter."],
    learnNext: ["Something outside {topic}.", "Not sure anymore."],
  },
};

export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? `{${k}}`);
}
