import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, purposeStatements, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer-type";
import { conflict } from "@/lib/errors";
import { authorizePlan } from "./access";
import { iso, type PurposeDto } from "./dto";
import type { PurposeInput } from "./schemas";
import { planSavedBy } from "./saved-by";
import type { SavedBy } from "@/lib/saved-by";

/** Every purpose statement of a person, newest first (the first is current). No policy check: callers authorize. */
export async function loadPurposeHistory(db: Db, orgId: string, personId: string): Promise<PurposeDto[]> {
  const found = await db
    .select({
      id: purposeStatements.id,
      drewMe: purposeStatements.drewMe,
      impact: purposeStatements.impact,
      worthEffort: purposeStatements.worthEffort,
      version: purposeStatements.version,
      authorName: users.name,
      createdAt: purposeStatements.createdAt,
    })
    .from(purposeStatements)
    .leftJoin(memberships, and(eq(memberships.id, purposeStatements.authorId), eq(memberships.orgId, orgId)))
    .leftJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(purposeStatements.orgId, orgId), eq(purposeStatements.personId, personId)))
    .orderBy(desc(purposeStatements.createdAt), desc(purposeStatements.version));
  return found.map((r) => ({ ...r, createdAt: iso(r.createdAt) }));
}

export async function getPurpose(db: Db, viewer: Viewer, personId: string): Promise<{ current: PurposeDto | null; history: PurposeDto[] }> {
  await authorizePlan(db, viewer, "read", personId);
  const history = await loadPurposeHistory(db, viewer.orgId, personId);
  return { current: history[0] ?? null, history };
}

/**
 * Saves a new purpose statement (append-only: the old one stays as history).
 * `input.version` is the version the editor started from (0 = none yet); if
 * someone saved in between, 409 with the current statement. An unchanged
 * statement adds no history row.
 */
export async function savePurpose(db: Db, viewer: Viewer, personId: string, input: PurposeInput): Promise<PurposeDto> {
  await authorizePlan(db, viewer, "write", personId);
  const id = await db.transaction(async (tx) => {
    // Serializes concurrent saves for one person, so two editors cannot both win.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`purpose:${personId}`}))`);
    const [latest] = await tx
      .select()
      .from(purposeStatements)
      .where(and(eq(purposeStatements.orgId, viewer.orgId), eq(purposeStatements.personId, personId)))
      .orderBy(desc(purposeStatements.version))
      .limit(1);
    const currentVersion = latest?.version ?? 0;
    if (input.version !== currentVersion) return { stale: true as const };
    if (latest && latest.drewMe === input.drewMe && latest.impact === input.impact && latest.worthEffort === input.worthEffort) return { id: latest.id };
    const [row] = await tx
      .insert(purposeStatements)
      .values({
        orgId: viewer.orgId,
        personId,
        drewMe: input.drewMe,
        impact: input.impact,
        worthEffort: input.worthEffort,
        authorId: viewer.personId,
        version: currentVersion + 1,
      })
      .returning({ id: purposeStatements.id });
    return { id: row!.id };
  });
  const history = await loadPurposeHistory(db, viewer.orgId, personId);
  if ("stale" in id) {
    const latest = history[0] ?? null;
    const by: SavedBy = latest ? await planSavedBy(db, viewer, purposeStatements, latest.id, "author_id") : { you: false, name: null };
    const who = by.you ? "You saved a newer version of this purpose in another tab or window" : `${by.name ?? "Someone"} saved a newer version of this purpose while you were editing`;
    throw conflict(`${who}. ${by.you ? "That version" : "Their version"} is shown below; your text is still in the form.`, { current: latest, savedBy: by });
  }
  return history.find((h) => h.id === id.id) ?? history[0]!;
}
