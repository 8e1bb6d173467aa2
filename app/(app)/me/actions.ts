"use server";
/**
 * Server actions for the growth plan, used by /me and /people/[id]/plan.
 * Each one: viewer (runAction) → zod → domain function, which asks the policy
 * before it reads or writes → revalidate both plan pages.
 */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { asFormData, parseInput, runAction, type ActionState } from "@/lib/http/action";
import {
  addGoalUpdate,
  createConnection,
  createGoal,
  createLearning,
  createSkill,
  createWin,
  deleteConnection,
  deleteGoal,
  deleteLearning,
  deleteSkill,
  deleteWin,
  savePurpose,
  updateGoal,
  updateConnection,
  updateLearning,
  updateSkill,
  updateWin,
} from "@/lib/plan";
import {
  connectionCreate,
  connectionPatch,
  deleteInput,
  goalCreate,
  goalPatch,
  goalUpdateCreate,
  learningCreate,
  learningPatch,
  purposeInput,
  skillCreate,
  skillPatch,
  winCreate,
  winPatch,
} from "@/lib/plan/schemas";

const target = z.object({ personId: z.uuid() });
const row = z.object({ id: z.uuid() });

function refresh() {
  revalidatePath("/me");
  revalidatePath("/people/[id]/plan", "page");
  revalidatePath("/people/[id]", "page");
}

/** Unchecked checkboxes are absent from FormData: in an edit form that means "false". */
function withFalse(fd: FormData, ...names: string[]): FormData {
  for (const n of names) if (!fd.has(n)) fd.set(n, "false");
  return fd;
}

export async function savePurposeAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const { personId } = parseInput(target, fd);
    await savePurpose(db, viewer, personId, parseInput(purposeInput, fd));
    refresh();
    return undefined;
  });
}

export async function createGoalAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const { personId } = parseInput(target, fd);
    await createGoal(db, viewer, personId, parseInput(goalCreate, fd));
    refresh();
    return undefined;
  });
}

export async function updateGoalAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const fd = asFormData(form);
    const { id } = parseInput(row, fd);
    const input = fd.has("title") ? withFalse(fd, "servesPurpose") : fd; // full edit form vs. a one-field change
    await updateGoal(db, viewer, id, parseInput(goalPatch, input));
    refresh();
    return undefined;
  });
}

export async function addGoalUpdateAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const { id } = parseInput(row, fd);
    await addGoalUpdate(db, viewer, id, parseInput(goalUpdateCreate, fd));
    refresh();
    return undefined;
  });
}

export async function createLearningAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const { personId } = parseInput(target, fd);
    await createLearning(db, viewer, personId, parseInput(learningCreate, fd));
    refresh();
    return undefined;
  });
}

export async function updateLearningAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const { id } = parseInput(row, fd);
    await updateLearning(db, viewer, id, parseInput(learningPatch, fd));
    refresh();
    return undefined;
  });
}

export async function createConnectionAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const { personId } = parseInput(target, fd);
    await createConnection(db, viewer, personId, parseInput(connectionCreate, fd));
    refresh();
    return undefined;
  });
}

export async function createSkillAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const { personId } = parseInput(target, fd);
    await createSkill(db, viewer, personId, parseInput(skillCreate, fd));
    refresh();
    return undefined;
  });
}

export async function updateSkillAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const { id } = parseInput(row, fd);
    await updateSkill(db, viewer, id, parseInput(skillPatch, fd));
    refresh();
    return undefined;
  });
}

/** The win form offers one "linked to" choice ("purpose", "goal:<id>", "rotation:<id>") plus an "also the purpose" box. */
function winFields(form: FormData) {
  const fd = asFormData(form);
  const [kind, linkId] = String(fd.get("link") ?? "").split(":");
  return {
    title: fd.get("title"),
    description: fd.get("description") ?? "",
    occurredOn: fd.get("occurredOn"),
    goalId: kind === "goal" ? linkId : null,
    rotationId: kind === "rotation" ? linkId : null,
    linksPurpose: kind === "purpose" || fd.get("linksPurpose") === "on",
    today: fd.get("today"),
  };
}

export async function createWinAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const { personId } = parseInput(target, fd);
    await createWin(db, viewer, personId, parseInput(winCreate, winFields(fd)));
    refresh();
    return undefined;
  });
}

export async function updateWinAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const { id } = parseInput(row, fd);
    await updateWin(db, viewer, id, parseInput(winPatch, { ...winFields(fd), version: asFormData(fd).get("version") }));
    refresh();
    return undefined;
  });
}

export async function updateConnectionAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const { id } = parseInput(row, fd);
    const input = parseInput(connectionPatch, fd);
    await updateConnection(db, viewer, id, { ...input, otherPersonId: input.otherPersonId ?? null, name: input.name ?? "" });
    refresh();
    return undefined;
  });
}

const deleters = { goal: deleteGoal, learning: deleteLearning, connection: deleteConnection, skill: deleteSkill, win: deleteWin } as const;
const deleteForm = z.object({ id: z.uuid(), kind: z.enum(["goal", "learning", "connection", "skill", "win"]) });

export async function deletePlanItemAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const { id, kind } = parseInput(deleteForm, fd);
    const { version } = parseInput(deleteInput, fd);
    await deleters[kind](db, viewer, id, version);
    refresh();
    return undefined;
  });
}
