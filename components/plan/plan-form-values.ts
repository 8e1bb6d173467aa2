import type { ConnectionDto, GoalDto, LearningDto, PurposeDto, WinDto } from "@/lib/plan/dto";

/**
 * A plan item as its edit form holds it: one string per field, as the inputs show them (a date left out is "", a
 * checkbox is "true" or "false"). The same mapping gives the form's first values and, after a conflict, the values
 * saved now, so mergeAfterConflict compares like with like.
 */
export type GoalKey = "title" | "description" | "category" | "status" | "targetOn" | "servesPurpose";
export type LearningKey = "kind" | "title" | "status" | "startedOn" | "completedOn" | "takeaways";
export type WinKey = "title" | "description" | "occurredOn" | "link" | "linksPurpose";
export type ConnectionKey = "kind" | "otherPersonId" | "name" | "purpose";
export type PurposeKey = "drewMe" | "impact" | "worthEffort";

export const goalFormValues = (g: GoalDto): Record<GoalKey, string> => ({
  title: g.title,
  description: g.description,
  category: g.category,
  status: g.status,
  targetOn: g.targetOn ?? "",
  servesPurpose: String(g.servesPurpose),
});

export const learningFormValues = (l: LearningDto): Record<LearningKey, string> => ({
  kind: l.kind,
  title: l.title,
  status: l.status,
  startedOn: l.startedOn ?? "",
  completedOn: l.completedOn ?? "",
  takeaways: l.takeaways,
});

/**
 * The win form's one "linked to" choice: a goal, else a rotation, else the purpose (as the server reads it back), else
 * none (its goal was deleted): read as the purpose, any edit linked it there unasked.
 */
export const winLink = (w: Pick<WinDto, "goalId" | "rotationId" | "linksPurpose">): string =>
  w.goalId ? `goal:${w.goalId}` : w.rotationId ? `rotation:${w.rotationId}` : w.linksPurpose ? "purpose" : "";

export const winFormValues = (w: WinDto): Record<WinKey, string> => ({
  title: w.title,
  description: w.description,
  occurredOn: w.occurredOn,
  link: winLink(w),
  linksPurpose: String(w.linksPurpose),
});

export const connectionFormValues = (c: ConnectionDto): Record<ConnectionKey, string> => ({
  kind: c.kind,
  otherPersonId: c.otherPersonId ?? "",
  name: c.name,
  purpose: c.purpose,
});

/** No purpose saved yet reads as three empty answers. */
export const purposeFormValues = (p: PurposeDto | null): Record<PurposeKey, string> => ({
  drewMe: p?.drewMe ?? "",
  impact: p?.impact ?? "",
  worthEffort: p?.worthEffort ?? "",
});
