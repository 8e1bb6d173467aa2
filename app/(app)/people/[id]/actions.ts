"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { parseInput, runAction, type ActionState } from "@/lib/http/action";
import { createRoleEvent, deleteRoleEvent, updateRoleEvent } from "@/lib/people/role-events";
import { createRotation, deleteRotation, updateRotation } from "@/lib/people/rotations";
import { managerChangeInput, roleEventInput, roleEventPatch, rotationInput, rotationPatchFields, titleTeamInput, versionOnly } from "@/lib/people/schemas";
import { adoptTimelineTitle, changeManager, changeMemberAccess, changeTitleTeam, deactivateMember, reactivateMember } from "@/lib/people/structure";
import { canonicalId } from "@/lib/http/canonical-ids";

// Each action: the domain function authorizes (roleHistory / directory write) before it reads or writes.

const done = (personId: string) => {
  revalidatePath(`/people/${personId}`);
  revalidatePath("/team");
};

export async function addRoleEventAction(personId: string, _prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const input = parseInput(roleEventInput, fd);
    await createRoleEvent(db, viewer, personId, input);
    done(personId);
    return undefined;
  }).then((s) => (s?.ok ? { ok: true, message: "Event added to the timeline." } : s));
}

export async function editRoleEventAction(personId: string, eventId: string, _prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const input = parseInput(roleEventPatch, fd);
    await updateRoleEvent(db, viewer, eventId, input);
    done(personId);
    return undefined;
  }).then((s) => (s?.ok ? { ok: true, message: "Event saved." } : s));
}

export async function deleteRoleEventAction(personId: string, eventId: string, _prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const { version } = parseInput(versionOnly, fd);
    await deleteRoleEvent(db, viewer, eventId, version);
    done(personId);
    return undefined;
  });
}

export async function addRotationAction(personId: string, _prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const input = parseInput(rotationInput, fd);
    await createRotation(db, viewer, personId, input);
    done(personId);
    return undefined;
  }).then((s) => (s?.ok ? { ok: true, message: "Rotation added." } : s));
}

export async function setRotationStatusAction(personId: string, rotationId: string, _prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const input = parseInput(rotationPatchFields.pick({ version: true, status: true, today: true }), fd);
    await updateRotation(db, viewer, rotationId, input);
    done(personId);
    return undefined;
  });
}

const rotationEdit = rotationPatchFields.pick({ version: true, host: true, startOn: true, plannedEndOn: true, learningGoal: true, today: true }).required({ host: true, startOn: true, learningGoal: true });

export async function editRotationAction(personId: string, rotationId: string, _prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const input = parseInput(rotationEdit, fd);
    await updateRotation(db, viewer, rotationId, input);
    done(personId);
    return undefined;
  }).then((s) => (s?.ok ? { ok: true, message: "Rotation saved." } : s));
}

export async function deleteRotationAction(personId: string, rotationId: string, _prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const { version } = parseInput(versionOnly, fd);
    await deleteRotation(db, viewer, rotationId, version);
    done(personId);
    return undefined;
  });
}

export async function changeManagerAction(personId: string, _prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    const { managerId, basedOnManagerId } = parseInput(managerChangeInput, fd);
    const { changed } = await changeManager(db, viewer, personId, managerId, { managerId: basedOnManagerId });
    done(personId);
    return changed;
  }).then((s) => (s?.ok ? { ok: true, message: s.data ? "Manager changed." : "Nothing changed: that is already their manager." } : s));
}

export async function changeTitleTeamAction(personId: string, _prev: ActionState, fd: FormData): Promise<ActionState> {
  // Read from the parsed input, not from `fd`: an action called by id may be sent a plain object, which has no .get.
  let corrected = false;
  return runAction(async ({ viewer, db }) => {
    const { basedOnTitle, basedOnTeam, ...input } = parseInput(titleTeamInput, fd);
    corrected = input.correction;
    return changeTitleTeam(db, viewer, personId, { ...input, basedOn: { title: basedOnTitle, team: basedOnTeam } });
  }).then((s) => {
    if (!s?.ok) return s;
    done(personId);
    const changed = (s.data as { changed: string[] } | undefined)?.changed ?? [];
    return {
      ok: true,
      message: !changed.length
        ? "Nothing changed."
        : corrected
          ? `Corrected: ${changed.join(" and ")}, here and on the timeline; time in role is unchanged.`
          : `Saved: ${changed.join(" and ")} changed, recorded on the timeline.`,
    };
  });
}

export async function adoptTimelineTitleAction(personId: string, _prev: ActionState, _fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => adoptTimelineTitle(db, viewer, personId)).then((s) => {
    if (!s?.ok) return s;
    done(personId);
    revalidatePath("/people");
    const changed = (s.data as { changed: string[] } | undefined)?.changed ?? [];
    return { ok: true, message: changed.length ? `The directory now shows the timeline's ${changed.join(" and ")}.` : "The directory already matches the timeline." };
  });
}

const accessSchema = z.object({ role: z.enum(["member", "admin"], { message: "Choose member or admin." }) });

export async function changeAccessAction(personId: string, _prev: ActionState, fd: FormData): Promise<ActionState> {
  let role: "member" | "admin" = "member";
  let self = false;
  return runAction(async ({ viewer, db }) => {
    ({ role } = parseInput(accessSchema, fd));
    self = viewer.personId === canonicalId(personId);
    return changeMemberAccess(db, viewer, personId, role);
  }).then((s) => {
    if (!s?.ok) return s;
    done(personId);
    revalidatePath("/people");
    const changed = (s.data as { changed: boolean } | undefined)?.changed;
    // An admin who made themselves a member loses this panel (and the page they were on may be an admin page):
    // go to their home, a new page, rather than leave focus and the answer on a form that is gone.
    if (changed && self && role === "member") redirect("/");
    if (!changed) return { ok: true, message: "Nothing changed." };
    return { ok: true, message: role === "admin" ? "Now an admin: they manage people, settings and invitations, and read the audit log." : "Now a member: no admin pages from their next click." };
  });
}

export async function deactivateAction(personId: string, _prev: ActionState, _fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    await deactivateMember(db, viewer, personId);
    done(personId);
    revalidatePath("/people");
    return undefined;
  }).then((s) => (s?.ok ? { ok: true, message: "Deactivated: they are signed out and can no longer sign in." } : s));
}

export async function reactivateAction(personId: string, _prev: ActionState, _fd: FormData): Promise<ActionState> {
  return runAction(async ({ viewer, db }) => {
    await reactivateMember(db, viewer, personId);
    done(personId);
    revalidatePath("/people");
    return undefined;
  }).then((s) => (s?.ok ? { ok: true, message: "Reactivated: they can sign in again with their password." } : s));
}
