import type { FlagCode } from "@/lib/policy/rules";

/** A talking point drawn from the five ways out of rust out. */
export type Suggestion = { key: string; text: string; why: string };

const BY_FLAG: Partial<Record<FlagCode, Suggestion>> = {
  role_stale: { key: "evolve_role", text: "What part of your role would you change if you could?", why: "Same role for a long time — evolve the role" },
  no_stretch: { key: "stretch", text: "What would stretch you in the next quarter?", why: "No active stretch goal or rotation" },
  skills_unused: { key: "use_skills", text: "Which of your skills would you like to use more — is there a project that needs them?", why: "Skills unused in the current role" },
  learning_gap: { key: "keep_learning", text: "What would you like to learn next, and how can we make time for it?", why: "No recent learning" },
  pulse_worsening: { key: "pulse", text: "Your recent pulse check-ins dipped — what has felt flat lately, and what would help?", why: "Pulse check-ins worsening" },
  one_on_one_overdue: { key: "reconnect", text: "It's been a while since we talked — what has been on your mind?", why: "1:1 overdue" },
  stuck_unacknowledged: { key: "stuck", text: "You said you feel stuck — what would a good next step look like?", why: "Open “I feel stuck” signal" },
};

/** "Revisit your why": always offered, whatever the flags. */
export const WHY_SUGGESTIONS: Suggestion[] = [
  { key: "why_drew", text: "What drew you to this field in the first place?", why: "Revisit your why" },
  { key: "why_impact", text: "What impact do you want to make here?", why: "Revisit your why" },
  { key: "why_worth", text: "What change or value feels worth your effort right now?", why: "Revisit your why" },
  { key: "connections", text: "Who would you like to work with or learn from more?", why: "Meaningful connections" },
];

/**
 * Suggestions for the agenda, flag-driven ones first, minus those already on
 * it (by key). Pure, so the choice is unit-tested.
 */
export function suggestTalkingPoints(flags: FlagCode[], alreadyOnAgenda: (string | null)[]): Suggestion[] {
  const used = new Set(alreadyOnAgenda.filter(Boolean));
  const out: Suggestion[] = [];
  for (const f of flags) {
    const s = BY_FLAG[f];
    if (s && !out.some((o) => o.key === s.key)) out.push(s);
  }
  out.push(...WHY_SUGGESTIONS);
  return out.filter((s) => !used.has(s.key));
}

export function suggestionByKey(key: string): Suggestion | undefined {
  return [...Object.values(BY_FLAG), ...WHY_SUGGESTIONS].find((s) => s?.key === key);
}
