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

/** The words of a talking point, for comparing what was typed with a suggestion: lower case, no punctuation. */
function wordsOf(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []);
}

/**
 * Whether a talking point typed by hand asks what a suggestion asks: most of their words are the same (at least
 * three in four of all the words either uses). "What would stretch you next quarter?" is the suggestion "What would
 * stretch you in the next quarter?", and offering it again beside it looked like the app did not read the agenda.
 */
export function saysTheSame(typed: string, suggestion: string): boolean {
  const a = wordsOf(typed);
  const b = wordsOf(suggestion);
  if (!a.size || !b.size) return false;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared) >= 0.75;
}

/**
 * Suggestions for the agenda, flag-driven ones first, minus those already on it: added from the suggestion (by key)
 * or typed in much the same words. Pure, so the choice is unit-tested.
 */
export function suggestTalkingPoints(flags: FlagCode[], agenda: { suggestionKey: string | null; body: string }[]): Suggestion[] {
  const used = new Set(agenda.map((a) => a.suggestionKey).filter(Boolean));
  const out: Suggestion[] = [];
  for (const f of flags) {
    const s = BY_FLAG[f];
    if (s && !out.some((o) => o.key === s.key)) out.push(s);
  }
  out.push(...WHY_SUGGESTIONS);
  return out.filter((s) => !used.has(s.key) && !agenda.some((a) => !a.suggestionKey && saysTheSame(a.body, s.text)));
}

export function suggestionByKey(key: string): Suggestion | undefined {
  return [...Object.values(BY_FLAG), ...WHY_SUGGESTIONS].find((s) => s?.key === key);
}
