import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Tx } from "@/lib/transaction";
import { skills, type Skill } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { AppError, conflict, notFound } from "@/lib/errors";
import { changedMeanwhile, planSavedBy } from "./saved-by";
import { authorizePlan, authorizePlanRow } from "./access";
import type { SkillDto } from "./dto";
import { SKILL_GROUP_TITLE } from "./labels";
import { nameKey, normalizeName } from "./names";
import type { SkillCreate, SkillPatch } from "./schemas";

const toDto = (s: Skill): SkillDto => ({ id: s.id, name: s.name, status: s.status, version: s.version });

export async function loadSkills(db: Db, orgId: string, personId: string, id?: string): Promise<SkillDto[]> {
  const found = await db
    .select()
    .from(skills)
    .where(and(eq(skills.orgId, orgId), eq(skills.personId, personId), id ? eq(skills.id, id) : undefined))
    .orderBy(asc(skills.status), asc(sql`lower(${skills.name})`));
  return found.map(toDto);
}

export async function listSkills(db: Db, viewer: Viewer, personId: string): Promise<SkillDto[]> {
  await authorizePlan(db, viewer, "read", personId);
  return loadSkills(db, viewer.orgId, personId);
}

/**
 * One entry per skill and person, however it is typed ("Go" and "go", "Café"
 * precomposed or not, with a zero-width space or without, are one skill).
 * Compared in JavaScript, as rows saved before names were normalized may
 * differ from their key in ways SQL cannot see; a person lists a few dozen.
 */
/**
 * Saves that name a skill of one person take turns, so the check below sees the one before: two at once ("Terraform"
 * from the person and from their manager) both passed it and the plan listed the skill twice. Names are compared by
 * their key (case, spacing, invisible characters), which a unique index could not express.
 */
async function lockSkillNames(tx: Tx, personId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`skills:${personId}`}))`);
}

async function assertNewSkillName(db: Db | Tx, orgId: string, personId: string, name: string, exceptId?: string): Promise<void> {
  const key = nameKey(name);
  if (!key) {
    const msg = "Enter a skill.";
    throw new AppError(422, "validation_failed", msg, { name: [msg] });
  }
  const listed = await db
    .select({ name: skills.name, status: skills.status })
    .from(skills)
    .where(and(eq(skills.orgId, orgId), eq(skills.personId, personId), exceptId ? sql`${skills.id} <> ${exceptId}` : undefined));
  const dup = listed.find((s) => nameKey(s.name) === key);
  if (dup) {
    // Where to find it: a row offers the moves between columns ("Mark used", "Mark not used").
    const msg = `"${dup.name}" is already listed, under "${SKILL_GROUP_TITLE[dup.status]}".`;
    throw new AppError(422, "validation_failed", msg, { name: [msg] });
  }
}

export async function createSkill(db: Db, viewer: Viewer, personId: string, input: SkillCreate): Promise<SkillDto> {
  await authorizePlan(db, viewer, "write", personId);
  const name = normalizeName(input.name);
  const row = await db.transaction(async (tx) => {
    await lockSkillNames(tx, personId);
    await assertNewSkillName(tx, viewer.orgId, personId, name);
    const [made] = await tx.insert(skills).values({ ...input, name, orgId: viewer.orgId, personId, createdBy: viewer.personId, updatedBy: viewer.personId }).returning();
    return made!;
  });
  return toDto(row);
}

export async function updateSkill(db: Db, viewer: Viewer, id: string, input: SkillPatch): Promise<SkillDto> {
  const { personId } = await authorizePlanRow(db, viewer, skills, id, "write");
  const { version, ...changes } = input;
  const res = await db.transaction(async (tx) => {
    if (changes.name !== undefined) {
      changes.name = normalizeName(changes.name);
      await lockSkillNames(tx, personId);
      await assertNewSkillName(tx, viewer.orgId, personId, changes.name, id);
    }
    return tx
      .update(skills)
      .set({ ...changes, version: sql`${skills.version} + 1`, updatedAt: new Date(), updatedBy: viewer.personId })
      .where(and(eq(skills.id, id), eq(skills.orgId, viewer.orgId), eq(skills.version, version)))
      .returning({ id: skills.id });
  });
  const [now] = await loadSkills(db, viewer.orgId, personId, id);
  if (!now) throw notFound();
  if (!res.length) {
    const by = await planSavedBy(db, viewer, skills, id);
    throw conflict(`${changedMeanwhile(by, `“${now.name}”`)} It now shows the current state.`, { current: now, savedBy: by });
  }
  return now;
}

export async function deleteSkill(db: Db, viewer: Viewer, id: string, version: number): Promise<void> {
  const { personId } = await authorizePlanRow(db, viewer, skills, id, "write");
  const res = await db
    .delete(skills)
    .where(and(eq(skills.id, id), eq(skills.orgId, viewer.orgId), eq(skills.version, version)))
    .returning({ id: skills.id });
  if (!res.length) {
    const [now] = await loadSkills(db, viewer.orgId, personId, id);
    const by = await planSavedBy(db, viewer, skills, id);
    throw conflict(`${changedMeanwhile(by, "this skill")} Look at it again before deleting.`, { current: now ?? null, savedBy: by });
  }
}
