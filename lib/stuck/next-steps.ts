/**
 * The next steps a recipient of "I feel stuck" offers, by why they see the
 * signal: "our next 1:1" only from the manager, who has 1:1s with the person;
 * a skip-level or an admin (HR) offers to meet instead. A plain module: the
 * acknowledge form (a client component) and the server share it.
 */
export const MANAGER_NEXT_STEP = "Talk in our next 1:1";
export const OTHER_NEXT_STEP = "Meet to talk it through";
export const NEXT_STEP_CHOICES = [MANAGER_NEXT_STEP, OTHER_NEXT_STEP, "Explore a rotation", "Find a stretch assignment"] as const;

export type SignalVia = "self" | "manager" | "skip_level" | "hr";

export function nextStepsFor(via: SignalVia): string[] {
  return [via === "manager" ? MANAGER_NEXT_STEP : OTHER_NEXT_STEP, "Explore a rotation", "Find a stretch assignment"];
}
